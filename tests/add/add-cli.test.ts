/**
 * `wire-archive add` as a user runs it, on a temp copy of the seed archive: a new plain-text page
 * dump (tests/add/fixtures/meridian-courier-geneva-deal.txt, an imaginary outlet) is previewed with
 * --dry-run, added, and then found on the rebuilt site: home page, article page, data file, timeline
 * and search index.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { PERMALINKS_FILE, readPermalinks } from "../../src/archive/permalinks.ts";
import { makeTempRoot, removeTempRoot, runCliIn, snapshotDir } from "../build/temp-root.ts";

const FIXTURE = path.resolve(import.meta.dirname, "fixtures/meridian-courier-geneva-deal.txt");
const HEADLINE = "Syria chemical weapons: US and Russia agree framework in Geneva";
// The headline's slug cut at 60 characters on a word boundary.
const ID = "syria-chemical-weapons-us-and-russia-agree-framework-in";

let root: string;
const state = () => ({ seeds: snapshotDir(path.join(root, "seeds")), site: snapshotDir(path.join(root, "_site")) });

beforeAll(() => {
  root = makeTempRoot("wa-add-cli-");
  const built = runCliIn(root, ["build", "--quiet"]);
  if (built.code !== 0) throw new Error(`initial build failed:\n${built.stderr}`);
});
afterAll(() => removeTempRoot(root));

describe("wire-archive add", () => {
  it("--dry-run shows the record it would make and touches nothing", () => {
    const before = state();
    const r = runCliIn(root, ["add", "--dry-run", FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Would add 1 report");
    expect(r.stdout).toContain(`headline:  ${HEADLINE}`);
    expect(r.stdout).toContain("published: 2013-09-14 16:05 (stated: \"Published: Saturday 14 September 2013, 16:05 GMT\")");
    expect(r.stdout).toContain(`id:        ${ID} -> page /articles/${ID}/`);
    expect(r.stdout).toContain("-> seeds/meridian-courier-geneva-deal.txt");
    expect(state()).toEqual(before);
  });

  it("adds the report, rebuilds and prints the new page's URL", () => {
    const before = state();
    const r = runCliIn(root, ["add", FIXTURE]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Added 1 report(s):");
    expect(r.stdout).toContain(`-> seeds/meridian-courier-geneva-deal.txt  /articles/${ID}/`);
    expect(r.stdout).toMatch(/Rebuilt the site: 4 reports/);
    const seeds = snapshotDir(path.join(root, "seeds"));
    for (const [name, hash] of Object.entries(before.seeds)) if (name !== PERMALINKS_FILE) expect(seeds[name]).toBe(hash);
    expect(readFileSync(path.join(root, "seeds/meridian-courier-geneva-deal.txt"))).toEqual(readFileSync(FIXTURE));
    // The permalink ledger gained the new page's id beside the three it had.
    const ledger = readPermalinks(path.join(root, "seeds")).entries;
    expect(ledger.map((e) => e.file)).toHaveLength(4);
    expect(ledger).toContainEqual(expect.objectContaining({ file: "seeds/meridian-courier-geneva-deal.txt", id: ID }));
  });

  it("the new report is on the home page, has its article page and is in data/articles.json", () => {
    const home = readFileSync(path.join(root, "_site/index.html"), "utf8");
    expect(home).toContain(`/articles/${ID}/`);
    expect(home).toContain("Syria chemical weapons: US and Russia agree framework in Geneva");
    const page = readFileSync(path.join(root, "_site/articles", ID, "index.html"), "utf8");
    expect(page).toContain("Syria chemical weapons: US and Russia agree framework in Geneva");
    expect(page).toContain("after three days of talks in Geneva ended on Saturday");
    const { articles } = JSON.parse(readFileSync(path.join(root, "_site/data/articles.json"), "utf8")) as { articles: ArticleRecord[] };
    const record = articles.find((a) => a.id === ID)!;
    expect(record).toMatchObject({
      sourceFile: "seeds/meridian-courier-geneva-deal.txt",
      headline: HEADLINE,
      section: "World > Middle East",
      byline: "Helen Marchetti, Geneva correspondent",
      published: { date: "2013-09-14", time: "16:05", origin: "stated" },
    });
    expect(articles).toHaveLength(4);
  });

  it("its dated events are on the timeline: Friday is 13 September, Saturday the 14th (when the site has one)", () => {
    const file = path.join(root, "_site/data/timeline.json");
    if (!existsSync(file)) return void console.warn("skipped: no _site/data/timeline.json in this build");
    type Event = { date: string; sources: Array<{ articleId: string; expression?: string }> };
    const { events } = JSON.parse(readFileSync(file, "utf8")) as { events: Event[] };
    const ours = (date: string, expression: string) => events.some((e) => e.date === date && e.sources.some((s) => s.articleId === ID && s.expression === expression));
    expect(ours("2013-09-13", "Friday")).toBe(true); // "The talks had run late into the night on Friday"
    expect(ours("2013-09-14", "Saturday")).toBe(true); // "... talks in Geneva ended on Saturday"
    expect(readFileSync(path.join(root, "_site/timeline/index.html"), "utf8")).toContain(`/articles/${ID}/`);
  });

  it("search has it: its page is in the Pagefind index with its text and date (when the site has one)", () => {
    const dir = path.join(root, "_site/pagefind/fragment");
    if (!existsSync(dir)) return void console.warn("skipped: no _site/pagefind in this build");
    // Pagefind fragments: gzip of "pagefind_dcd" + JSON { url, content, meta }.
    const fragments = readdirSync(dir).map((n) => JSON.parse(gunzipSync(readFileSync(path.join(dir, n))).toString("utf8").replace(/^pagefind_dcd/, "")));
    const ours = fragments.find((f) => f.url === `/articles/${ID}/`);
    expect(ours, fragments.map((f) => f.url).join(", ")).toBeDefined();
    expect(ours.content).toContain("framework under which Syria is to account for and give up its chemical weapons");
    expect(ours.meta).toMatchObject({ title: HEADLINE, date: "2013-09-14" });
    expect(fragments).toHaveLength(4);
  });

  it("adding it again: already in the archive, exit 1, nothing changes", () => {
    const before = state();
    const r = runCliIn(root, ["add", FIXTURE]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("already in the archive as seeds/meridian-courier-geneva-deal.txt");
    expect(r.stdout).toContain("Nothing added");
    expect(state()).toEqual(before);
  });

  it("nothing usable in the inputs: each reason printed with file and rule, exit 1, nothing changes", () => {
    const before = state();
    mkdirSync(path.join(root, "inbox"));
    writeFileSync(path.join(root, "inbox/empty.txt"), "");
    const r = runCliIn(root, ["add", "inbox/empty.txt"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("inbox/empty.txt: error [empty-report]");
    expect(state()).toEqual(before);
  });

  it("without arguments it is a usage error", () => {
    expect(runCliIn(root, ["add"]).code).toBe(2);
  });
});
