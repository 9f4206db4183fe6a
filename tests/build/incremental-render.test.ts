/**
 * Incremental rendering and indexing: a rebuild re-renders only the pages whose inputs changed and
 * keeps the rest from the previous site (and the search index shards none of whose pages changed), and
 * the site it leaves is the one a full build of the same reports makes, byte for byte. The three seeds tell one story, so adding, editing or removing one of them changes
 * stories, names and timeline events that other reports' pages show.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { defaultCacheDir } from "../../src/archive/parse-cache.ts";
import { buildSite, type BuildResult } from "../../src/build/build-site.ts";
import { spareDirFor } from "../../src/build/swap-output.ts";
import { listFiles } from "../../src/search/bundle-size.ts";
import { OFFLINE_MANIFEST, OFFLINE_PAGES, planOffline } from "../../src/search/offline-manifest.ts";
import { AFP, ALJAZEERA, BBC, REPO_ROOT } from "../helpers/seeds.ts";

/** A report on another subject: shares no story, name or date with the seeds. */
const HARBOUR_REPORT = `Harbour ferry service resumes after storm repairs

Published 4 March 2021

The harbour ferry between Northpoint and Eastbay resumed on Thursday after three weeks of repairs to its landing stages, the port authority said.

Engineers replaced two pontoons torn loose during the February storm, and inspectors approved the work on Wednesday evening.

"Passengers can expect the normal timetable from the first sailing," a spokeswoman for the authority said.

Commuters had faced a forty-minute detour by road while the service was suspended.
`;

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function rootWith(files: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), "wa-incr-"));
  roots.push(root);
  for (const f of files) cpSync(path.join(REPO_ROOT, f), path.join(root, f));
  return root;
}

/** Files that print the build's time differ between any two builds; everything else, the search index included, must match. */
const BUILD_SPECIFIC = [/^sw\.js$/, /^data\/articles\.json$/, /^offline\.json$/];

function siteFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const rel = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/");
    // latin1: one character per byte, so binary files (Pagefind's) compare exactly too.
    if (!BUILD_SPECIFIC.some((re) => re.test(rel))) files.set(rel, readFileSync(path.join(dir, rel), "latin1"));
  }
  return files;
}

/** Builds the same seeds from scratch in a root of their own and compares the two sites file by file. */
async function expectSameAsFullBuild(root: string): Promise<void> {
  const seeds = readdirSync(path.join(root, "seeds")).map((f) => `seeds/${f}`);
  const fresh = mkdtempSync(path.join(tmpdir(), "wa-full-"));
  roots.push(fresh);
  for (const f of seeds) cpSync(path.join(root, f), path.join(fresh, f));
  const full = await buildSite({ root: fresh });
  expect(full.keptPages).toBe(0);
  const incremental = siteFiles(path.join(root, "_site"));
  const expected = siteFiles(path.join(fresh, "_site"));
  expect([...incremental.keys()].sort()).toEqual([...expected.keys()].sort());
  const differing = [...expected].filter(([file, text]) => incremental.get(file) !== text).map(([file]) => file);
  expect(differing).toEqual([]);
  for (const dir of [path.join(root, "_site"), path.join(fresh, "_site")]) expectOfflineListsOfFilesThere(dir);
}

/**
 * The offline lists a build wrote (from the files the render says it left) are those of the files the
 * site holds: a file the render made but did not name would never be cached, one it named but did not
 * make would fail the service worker's install.
 */
function expectOfflineListsOfFilesThere(siteDir: string): void {
  const read = (name: string) => JSON.parse(readFileSync(path.join(siteDir, name), "utf8"));
  const written = { shell: read(OFFLINE_MANIFEST).shell, pages: read(OFFLINE_PAGES).pages };
  const entry = read("pagefind/pagefind-entry.json") as { languages: Record<string, { wasm?: string }> };
  const wasm = Object.values(entry.languages).flatMap((l) => (l.wasm ? [l.wasm] : []));
  const sizeOf = (rel: string) => statSync(path.join(siteDir, rel)).size;
  expect(written).toEqual(planOffline(listFiles(siteDir), "pagefind", wasm, { sizeOf }));
  expect(written.shell).toContain("assets/site.css");
}

/**
 * A build from the third on writes into the site the one before last replaced (the spare): it must
 * never write into a file the live site shares. The live site as it was before the build is, after
 * it, the spare: it must read exactly as it did.
 */
async function buildLeavingLiveSiteAlone(root: string): Promise<BuildResult> {
  const outDir = path.join(root, "_site");
  const before = siteFiles(outDir);
  const result = await buildSite({ root });
  const spare = spareDirFor(defaultCacheDir(root), outDir);
  expect(existsSync(spare)).toBe(true);
  expect(siteFiles(spare)).toEqual(before);
  return result;
}

describe("incremental rendering", () => {
  const root = rootWith([AFP, BBC]);
  /** The inode of the site's articles/ folder after each build: a recycled site keeps its folders. */
  const folders: number[] = [];
  afterEach(() => folders.push(statSync(path.join(root, "_site/articles")).ino));

  it("a rebuild with nothing changed renders none of the growing pages again", async () => {
    const first = await buildSite({ root });
    expect(first.keptPages).toBe(0);
    const again = await buildSite({ root });
    // Both article pages, and every entity and timeline page, are kept.
    expect(again.keptPages).toBeGreaterThan(2);
    expect(readdirSync(path.join(root, "_site/articles"))).toHaveLength(2);
  });

  it("adding a report to the story ends as a full build would", async () => {
    // Every page changes here (the story grows, dates are inferred from the new report): nothing is kept.
    cpSync(path.join(REPO_ROOT, ALJAZEERA), path.join(root, ALJAZEERA));
    const added = await buildLeavingLiveSiteAlone(root);
    expect(added.archive.records.length).toBe(3);
    await expectSameAsFullBuild(root);
  }, 60_000);

  it("adding an unrelated report keeps the story's pages and ends as a full build would", async () => {
    writeFileSync(path.join(root, "seeds/harbour.txt"), HARBOUR_REPORT);
    const added = await buildLeavingLiveSiteAlone(root);
    expect(added.archive.records.length).toBe(4);
    // Its staging folder was the site the build before last made (the second): the same folders.
    expect(statSync(path.join(root, "_site/articles")).ino).toBe(folders[0]);
    // The three story reports' pages at least.
    expect(added.keptPages).toBeGreaterThanOrEqual(3);
    await expectSameAsFullBuild(root);
  }, 60_000);

  it("editing a report (a new dated sentence naming a new person) ends as a full build would", async () => {
    const file = path.join(root, BBC);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "More than 100,000 people have died",
        "On 16 September 2013 the envoy Margaret Thornbury said inspectors would report to the council. More than 100,000 people have died",
      ),
    );
    const edited = await buildLeavingLiveSiteAlone(root);
    expect(edited.keptPages).toBeGreaterThan(0);
    expect(readFileSync(path.join(root, "_site/articles", readdirSync(path.join(root, "_site/articles")).find((d) => d.startsWith("the-us-and-russian"))!, "index.html"), "utf8")).toContain(
      "Margaret Thornbury",
    );
    await expectSameAsFullBuild(root);
  }, 60_000);

  it("removing a report puts a removal notice in its page's place and ends as a full build would", async () => {
    const afpId = JSON.parse(readFileSync(path.join(root, "_site/data/articles.json"), "utf8")).articles.find((a: { sourceFile: string }) => a.sourceFile === AFP).id;
    unlinkSync(path.join(root, AFP));
    const removed = await buildLeavingLiveSiteAlone(root);
    expect(removed.archive.records.length).toBe(3);
    expect(removed.archive.records.map((r) => r.id)).not.toContain(afpId);
    // Three report pages and, at the removed report's URL (kept by the permalink ledger), the notice.
    expect(readdirSync(path.join(root, "_site/articles"))).toHaveLength(4);
    expect(readFileSync(path.join(root, `_site/articles/${afpId}/index.html`), "utf8")).toContain("Report removed");
    await expectSameAsFullBuild(root);
  }, 60_000);
});
