/**
 * Citable URLs through the CLI, on a temp copy of the seed archive: a page added keeps its URL when an
 * older report with the same headline is added after it, a build from a fresh clone (no _site/, no
 * cache, only the reports and their ledger) gives every page the URL it had, a removed report's URL
 * shows a notice, and a damaged ledger stops the build with file:line and a fix, leaving the site and
 * the ledger as they were.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { readPermalinks } from "../../src/archive/permalinks.ts";
import { makeTempRoot, removeTempRoot, runCliIn, snapshotDir } from "../build/temp-root.ts";

const HEADLINE = "Ceasefire talks resume in Geneva";
const SLUG = "ceasefire-talks-resume-in-geneva";
const text = (date: string, note: string) => `---
headline: ${HEADLINE}
source: Example Wire
published: ${date}
---
Delegations from both sides met for a second day at the lakeside conference centre, officials said.

The talks are expected to continue into next week, with a draft agreement on prisoner exchanges on the table.

${note}
`;

let root: string;
const ids = () =>
  Object.fromEntries(
    (JSON.parse(readFileSync(path.join(root, "_site/data/articles.json"), "utf8")).articles as ArticleRecord[]).map((a) => [a.sourceFile, a.id]),
  );

beforeAll(() => {
  root = makeTempRoot("wa-permalinks-");
  writeFileSync(path.join(root, "june.txt"), text("2014-06-02", "Neither side commented on the new timetable."));
  writeFileSync(path.join(root, "may.txt"), text("2014-05-02", "Mediators said the first day had been constructive."));
});
afterAll(() => removeTempRoot(root));

describe("permalinks through add and build", () => {
  it("the first report with a headline gets the plain slug; an older one added later does not take it", () => {
    const first = runCliIn(root, ["add", "june.txt"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`/articles/${SLUG}/`);
    const second = runCliIn(root, ["add", "may.txt"]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).not.toContain("page moved");
    const now = ids();
    expect(now["seeds/june.txt"]).toBe(SLUG);
    expect(now["seeds/may.txt"]).toMatch(new RegExp(`^${SLUG}-[0-9a-f]{8}$`));
    expect(readFileSync(path.join(root, `_site/articles/${SLUG}/index.html`), "utf8")).toContain("Neither side commented on the new timetable.");
  });

  it("a fresh clone (reports and ledger only) builds every page at the URL it had", () => {
    const before = ids();
    for (const dir of ["_site", ".wire-archive"]) rmSync(path.join(root, dir), { recursive: true, force: true });
    const r = runCliIn(root, ["build", "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    expect(ids()).toEqual(before);
    expect(Object.keys(before)).toHaveLength(5);
  });

  it("a removed report's URL shows a notice, stays out of search and the sitemap, and stays reserved", () => {
    const mayId = ids()["seeds/may.txt"];
    rmSync(path.join(root, "seeds/may.txt"));
    const r = runCliIn(root, ["build", "--quiet", "--base-url", "https://archive.example.org/"]);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(ids())).not.toContain("seeds/may.txt");
    const notice = readFileSync(path.join(root, `_site/articles/${mayId}/index.html`), "utf8");
    expect(notice).toContain("Report removed");
    expect(notice).toContain("seeds/may.txt");
    expect(notice).toContain('<meta name="robots" content="noindex">');
    expect(notice).not.toContain("data-pagefind-body");
    const sitemap = readFileSync(path.join(root, "_site/sitemap.xml"), "utf8");
    expect(sitemap).toContain(`/articles/${SLUG}/`);
    expect(sitemap).not.toContain(`/articles/${mayId}/`);
    expect(readPermalinks(path.join(root, "seeds")).entries).toContainEqual(expect.objectContaining({ file: "seeds/may.txt", id: mayId }));
  });

  it("a damaged ledger stops the build with where and what to do; the site and the ledger stay as they were", () => {
    const file = path.join(root, "seeds/.permalinks.json");
    const damaged = readFileSync(file, "utf8").replace('"version": 1,', '"version": 1,,');
    writeFileSync(file, damaged);
    const site = snapshotDir(path.join(root, "_site"));
    const r = runCliIn(root, ["build", "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/seeds\/\.permalinks\.json:\d+/);
    expect(r.stderr).toContain("bad-permalinks");
    expect(r.stderr).toContain("Fix the file");
    expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(readFileSync(file, "utf8")).toBe(damaged);
    expect(snapshotDir(path.join(root, "_site"))).toEqual(site);
  });

  it("add with a damaged ledger takes the new report out again and says the rebuild failed, not the report", () => {
    const seeds = snapshotDir(path.join(root, "seeds"));
    writeFileSync(path.join(root, "july.txt"), text("2014-07-02", "A third day of talks ended without a statement."));
    const r = runCliIn(root, ["add", "july.txt"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("july.txt: not added: the rebuild failed (below)");
    expect(r.stdout).not.toContain("not usable");
    expect(r.stdout).toMatch(/seeds\/\.permalinks\.json:\d+: error \[bad-permalinks\] Unexpected invalid JSON/);
    expect(snapshotDir(path.join(root, "seeds"))).toEqual(seeds);
  });
});
