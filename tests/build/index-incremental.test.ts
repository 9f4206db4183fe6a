/**
 * The sharded search index on small synthetic sites (80 pages, 8 shards of about 10): an incremental
 * build (one page added, one changed, one removed, the previous site given) writes the same index as a
 * full build of the same pages, file for file, so the terminal search (Pagefind's own code, shards
 * merged) answers the same, in the same order; only the shards whose pages changed are indexed again.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSiteIndexer, type IndexSiteOptions, type IndexSiteResult } from "../../src/build/index-site.ts";
import { shardOf } from "../../src/build/index-shards.ts";
import { loadBundle } from "../../src/search/load-bundle.ts";
import { searchSite, type SearchHit } from "../../src/search/search-site.ts";

const PER_SHARD = 12; // 80 pages: 80 / 4 = 20 > 12, 80 / 8 = 10: eight shards.

/** Page i: dated 2020-01-(i mod 28 + 1) at (i mod 24):00; "harbour" (i mod 5 + 1) times; "word<i>". */
function page(i: number, extra = ""): string {
  const day = String((i % 28) + 1).padStart(2, "0");
  const hour = String(i % 24).padStart(2, "0");
  return `<!doctype html><html lang="en"><head><title>Report ${i}</title></head><body><nav>Home</nav>
<article data-pagefind-body>
  <span hidden data-pagefind-filter="source:Wire ${i % 3}"></span>
  <span hidden data-pagefind-meta="source:Wire ${i % 3}"></span>
  <span hidden data-pagefind-meta="date:2020-01-${day}"></span>
  <span hidden data-pagefind-sort="date:2020-01-${day}T${hour}:00"></span>
  <h1 data-pagefind-meta="title">Report ${i}</h1>
  <p>${"harbour ".repeat((i % 5) + 1)}lighthouse word${i} ${extra}</p>
</article></body></html>`;
}

const url = (i: number) => `/articles/r${i}/`;
const fileOf = (dir: string, i: number) => path.join(dir, "articles", `r${i}`, "index.html");

type Pages = Map<number, string>;

/** A build as the site build does it: pages rendered now are written and handed over; others are linked. */
async function build(
  dir: string,
  pages: Pages,
  opts: IndexSiteOptions & {
    render?: Set<number>;
    order?: number[];
    /** A first build's early shards (`expect`), or with `previous`, a rebuild's (`expectChanges`). */
    early?: { workDir: string; beforeFinish: () => Promise<void>; beforeRender?: () => Promise<void> };
  } = {},
): Promise<IndexSiteResult> {
  const indexer = await openSiteIndexer();
  try {
    const unchanged = new Set<string>();
    let order = opts.order ?? [...pages.keys()];
    if (opts.early && opts.previous) {
      const kept = new Set([...pages.keys()].filter((i) => !opts.render?.has(i)).map(url));
      indexer.expectChanges([...pages.keys()].map(url), kept, dir, opts.previous, opts.early.workDir, PER_SHARD);
      await opts.early.beforeRender?.();
    } else if (opts.early) {
      const byUrl = indexer.expect([...pages.keys()].map(url), dir, opts.early.workDir, PER_SHARD);
      order = [...order].sort((a, b) => byUrl(url(a), url(b)));
    }
    for (const i of order) {
      await mkdir(path.dirname(fileOf(dir, i)), { recursive: true });
      if (opts.previous && opts.render && !opts.render.has(i)) {
        await link(fileOf(opts.previous, i), fileOf(dir, i));
        unchanged.add(url(i));
      } else {
        await writeFile(fileOf(dir, i), pages.get(i)!);
        indexer.addPage(url(i), pages.get(i)!);
      }
    }
    await writeFile(path.join(dir, "index.html"), "<!doctype html><p>Home, not searchable</p>");
    await opts.early?.beforeFinish();
    return await indexer.finish(dir, { pagesPerShard: PER_SHARD, ...opts, unchanged: opts.previous ? unchanged : undefined });
  } finally {
    await indexer.close();
  }
}

/** Every file under pagefind/ with a hash of its bytes. */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const base = path.join(dir, "pagefind");
  for (const e of await readdir(base, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    out[path.relative(base, file)] = createHash("sha1").update(await readFile(file)).digest("hex");
  }
  return out;
}

/** A shard's entry file in a site: the first shard's is pagefind/'s own. */
const siteEntry = (dir: string, k: number) => path.join(dir, "pagefind", k === 0 ? "" : `shard-${k}`, "pagefind-entry.json");

/** Which shard folder holds a page, from the build's page lists. */
function shardOfPage(dir: string, u: string): number {
  const lists = JSON.parse(readFileSync(path.join(dir, "pagefind", "shard-pages.json"), "utf8")) as { shards: Array<{ pages: Array<{ url: string }> }> };
  return lists.shards.findIndex((s) => s.pages.some((p) => p.url === u));
}

const withoutFile = (hits: SearchHit[]) => hits.map(({ file: _file, ...rest }) => rest);

let root: string;
const initial: Pages = new Map(Array.from({ length: 80 }, (_, i) => [i, page(i)]));
// The final state: r5 removed, r80 added, r10 changed.
const final: Pages = new Map(initial);
final.delete(5);
final.set(80, page(80));
final.set(10, page(10, "zeppelin"));
let previousDir: string;
let fullDir: string;
let incrementalDir: string;
let full: IndexSiteResult;
let incremental: IndexSiteResult;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "wa-shards-"));
  previousDir = path.join(root, "previous");
  fullDir = path.join(root, "full");
  incrementalDir = path.join(root, "incremental");
  await build(previousDir, initial);
  full = await build(fullDir, final);
  incremental = await build(incrementalDir, final, { previous: previousDir, render: new Set([10, 80]) });
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("a full and an incremental build of the same pages", () => {
  it("index the same 80 pages in 8 shards", () => {
    expect([full.pages, full.shardCount, full.shardsIndexed]).toEqual([80, 8, 8]);
    expect([incremental.pages, incremental.shardCount]).toEqual([80, 8]);
  });

  it("write the same index, file for file", async () => {
    expect(await tree(incrementalDir)).toEqual(await tree(fullDir));
  });

  it("index again only the shards that held the added, changed and removed pages; the others are links to the previous site", () => {
    const touched = new Set([shardOfPage(fullDir, url(80)), shardOfPage(fullDir, url(10)), shardOfPage(previousDir, url(5))]);
    expect(incremental.shardsIndexed).toBe(touched.size);
    const untouched = [1, 2, 3, 4, 5, 6, 7].find((k) => !touched.has(k))!;
    const entry = (dir: string) => statSync(path.join(dir, "pagefind", `shard-${untouched}`, "pagefind-entry.json")).ino;
    expect(entry(incrementalDir)).toBe(entry(previousDir));
  });

  it("answer the terminal search the same, in the same order", async () => {
    const queries: Array<[string, Parameters<typeof searchSite>[2]]> = [
      ["harbour", {}],
      ["harbour", { sort: "date" }],
      ["lighthouse", { source: "Wire 1" }],
      ["word1", {}],
      ["zeppelin", {}],
    ];
    for (const [query, opts] of queries) {
      const a = await searchSite(fullDir, query, opts);
      const b = await searchSite(incrementalDir, query, opts);
      expect(a.kind).toBe("ok");
      if (a.kind !== "ok" || b.kind !== "ok") throw new Error(`search failed for ${query}`);
      expect(withoutFile(b.hits)).toEqual(withoutFile(a.hits));
    }
  });

  it("find the changed and added pages and no longer the removed one", async () => {
    const hits = async (q: string) => {
      const outcome = await searchSite(incrementalDir, q);
      return outcome.kind === "ok" ? outcome.hits.map((h) => h.url) : [];
    };
    expect(await hits("zeppelin")).toEqual([url(10)]);
    // Pagefind also matches "word8" for "word80"; the exact word ranks first.
    expect((await hits("word80"))[0]).toBe(url(80));
    expect(await hits("word5")).not.toContain(url(5));
    expect(existsSync(path.join(incrementalDir, "pagefind", "shard-search.js"))).toBe(true);
  });
});

describe("a first build that indexes shards as they fill", () => {
  it("indexes all but the first shard before `finish`, and writes the same index, file for file", async () => {
    const dir = path.join(root, "early");
    const workDir = path.join(root, "early-work");
    let earlyShards: string[] = [];
    const result = await build(dir, final, {
      early: {
        workDir,
        // Every page is handed over: shards 1-7 are indexed in the background meanwhile.
        beforeFinish: async () => {
          const entries = () => [1, 2, 3, 4, 5, 6, 7].filter((k) => existsSync(path.join(workDir, `shard-${k}`, "pagefind-entry.json")));
          for (let waited = 0; entries().length < 7 && waited < 30_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
          earlyShards = entries().map((k) => `shard-${k}`);
        },
      },
    });
    expect(earlyShards).toEqual(["shard-1", "shard-2", "shard-3", "shard-4", "shard-5", "shard-6", "shard-7"]);
    expect([result.pages, result.shardCount, result.shardsIndexed]).toEqual([80, 8, 8]);
    expect(await tree(dir)).toEqual(await tree(fullDir));
    // Taken into the site (moved), and the work folder gone with the indexer.
    expect(existsSync(workDir)).toBe(false);
  });

  it("indexes every shard at `finish` when the early index cannot be written (the same index)", async () => {
    const dir = path.join(root, "early-blocked");
    // The work folder's parent is a file: the early thread's every shard fails.
    await writeFile(path.join(root, "blocker"), "not a folder");
    const workDir = path.join(root, "blocker", "work");
    const result = await build(dir, final, { early: { workDir, beforeFinish: () => new Promise((r) => setTimeout(r, 2_000)) } });
    expect([result.pages, result.shardCount, result.shardsIndexed]).toEqual([80, 8, 8]);
    expect(await tree(dir)).toEqual(await tree(fullDir));
  });

  it("indexes a shard again at `finish` when a page of it comes again after the shard was indexed (the last copy counts)", async () => {
    const dir = path.join(root, "early-twice");
    const workDir = path.join(root, "early-twice-work");
    const indexer = await openSiteIndexer();
    try {
      const byUrl = indexer.expect([...final.keys()].map(url), dir, workDir, PER_SHARD);
      const order = [...final.keys()].sort((a, b) => byUrl(url(a), url(b)));
      for (const i of order) {
        await mkdir(path.dirname(fileOf(dir, i)), { recursive: true });
        await writeFile(fileOf(dir, i), final.get(i)!);
        indexer.addPage(url(i), final.get(i)!);
      }
      // A page of a shard indexed early comes again, changed, once its shard has been indexed.
      const j = [...final.keys()].find((i) => shardOfPage(fullDir, url(i)) > 0)!;
      for (let waited = 0; !existsSync(path.join(workDir, `shard-${shardOfPage(fullDir, url(j))}`, "pagefind-entry.json")) && waited < 30_000; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
      }
      await writeFile(fileOf(dir, j), page(j, "quokka"));
      indexer.addPage(url(j), page(j, "quokka"));
      await indexer.finish(dir, { pagesPerShard: PER_SHARD });
      const outcome = await searchSite(dir, "quokka");
      expect(outcome.kind === "ok" ? outcome.hits.map((h) => h.url) : ["search failed"]).toEqual([url(j)]);
    } finally {
      await indexer.close();
    }
  });
});

describe("a rebuild that indexes the shards of the pages rendered again as they come", () => {
  it("indexes them before `finish`, its kept pages read from the previous site, and writes a full build's index", async () => {
    const edited = new Map(final);
    edited.set(33, page(33, "quagga"));
    edited.set(81, page(81));
    const fullEdited = path.join(root, "early-rebuild-full");
    await build(fullEdited, edited);
    const changed = [33, 81];
    const changedShards = [...new Set(changed.map((i) => shardOfPage(fullEdited, url(i))))].sort();
    // Rendered again with the same bytes (as when only a link changed), in a shard of its own: not indexed.
    const same = [...edited.keys()].find((i) => !changedShards.includes(shardOfPage(fullEdited, url(i))))!;
    const dir = path.join(root, "early-rebuild");
    const workDir = path.join(root, "early-rebuild-work");
    let earlyShards: number[] = [];
    const entryOf = (base: string, k: number) => path.join(base, `shard-${k}`, "pagefind-entry.json");
    const earlyEntries = new Map<number, number>();
    const result = await build(dir, edited, {
      previous: fullDir,
      render: new Set([...changed, same]),
      early: {
        workDir,
        beforeFinish: async () => {
          const entries = () => changedShards.filter((k) => existsSync(path.join(workDir, `shard-${k}`, "pagefind-entry.json")));
          for (let waited = 0; entries().length < changedShards.length && waited < 30_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
          // Only those: a shard with no page rendered again is linked from the previous site.
          earlyShards = (await readdir(workDir).catch(() => [] as string[])).map((d) => Number(d.replace("shard-", ""))).sort();
          for (const k of earlyShards) earlyEntries.set(k, statSync(entryOf(workDir, k)).ino);
        },
      },
    });
    expect(earlyShards).toEqual(changedShards);
    // The early shards are the ones in the site (moved there, not indexed again).
    for (const [k, ino] of earlyEntries) expect(statSync(siteEntry(dir, k)).ino).toBe(ino);
    expect(result.shardCount).toBe(8);
    expect(await tree(dir)).toEqual(await tree(fullEdited));
    const outcome = await searchSite(dir, "quagga");
    expect(outcome.kind === "ok" ? outcome.hits.map((h) => h.url) : ["search failed"]).toEqual([url(33)]);
  });

  /** Page numbers past the final pages whose URLs go to the first shard (pagefind/ itself, with the runtime) and to another. */
  const pastFinal = Array.from({ length: 100 }, (_, i) => 81 + i);
  const NEW_IN_FIRST = pastFinal.find((i) => shardOf(url(i), 8) === 0)!;
  const NEW = pastFinal.find((i) => shardOf(url(i), 8) > 0)!;

  /** The final pages plus a new one, and a full build of them. */
  async function withNewPage(name: string, at: number, newPage: string): Promise<{ pages: Pages; fullDir: string; k: number }> {
    const pages = new Map(final).set(at, newPage);
    const fullDir = path.join(root, name);
    await build(fullDir, pages);
    return { pages, fullDir, k: shardOf(url(at), 8) };
  }

  it.each([
    ["another shard", NEW],
    ["the first shard", NEW_IN_FIRST],
  ])("starts the shard of a page the previous index lacks (in %s) before that page comes, and writes a full build's index", async (_where, at) => {
    const { pages, fullDir: fullNew, k } = await withNewPage(`stream-full-${at}`, at, page(at, "okapi"));
    expect(shardOfPage(fullNew, url(at))).toBe(k);
    const dir = path.join(root, `stream-${at}`);
    const workDir = path.join(root, `stream-work-${at}`);
    const entry = (base: string) => path.join(base, `shard-${k}`, "pagefind-entry.json");
    let early = 0;
    await build(dir, pages, {
      previous: fullDir,
      render: new Set([at]),
      early: {
        workDir,
        // The render's start-up: the shard is with the early thread, its kept pages read, before the new page is handed over.
        beforeRender: () => new Promise((r) => setTimeout(r, 300)),
        beforeFinish: async () => {
          for (let waited = 0; !existsSync(entry(workDir)) && waited < 30_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
          early = statSync(entry(workDir)).ino;
        },
      },
    });
    // The shard indexed early, with the new page sent after it started, is the one in the site.
    expect(statSync(siteEntry(dir, k)).ino).toBe(early);
    expect(await tree(dir)).toEqual(await tree(fullNew));
    const outcome = await searchSite(dir, "okapi");
    expect(outcome.kind === "ok" ? outcome.hits.map((h) => h.url) : ["search failed"]).toEqual([url(at)]);
  });

  it("gives up a shard started for a page that never comes (not searchable after all), and writes a full build's index", async () => {
    // The new page is rendered without the mark that makes it a result: the early shard waits for it in
    // vain. A page of the same shard is edited: `finish` must index that shard, not wait for the early one.
    const k = shardOf(url(NEW), 8);
    const edited = [...final.keys()].find((i) => shardOf(url(i), 8) === k)!;
    const pages = new Map(final).set(NEW, page(NEW).replace(" data-pagefind-body", "")).set(edited, page(edited, "wombat"));
    const fullNew = path.join(root, "unmarked-full");
    await build(fullNew, pages);
    const dir = path.join(root, "unmarked");
    const result = await build(dir, pages, {
      previous: fullDir,
      render: new Set([NEW, edited]),
      early: { workDir: path.join(root, "unmarked-work"), beforeRender: () => new Promise((r) => setTimeout(r, 300)), beforeFinish: async () => {} },
    });
    expect(result.pages).toBe(80);
    expect(await tree(dir)).toEqual(await tree(fullNew));
    const outcome = await searchSite(dir, "wombat");
    expect(outcome.kind === "ok" ? outcome.hits.map((h) => h.url) : ["search failed"]).toEqual([url(edited)]);
  }, 30_000);
});

describe("sorted search across shards", () => {
  it("orders every result by date, newest first, whatever shard holds it", async () => {
    const outcome = await searchSite(fullDir, "harbour", { sort: "date" });
    if (outcome.kind !== "ok") throw new Error("search failed");
    expect(outcome.total).toBe(80);
    // Day 28 holds r27 (03:00) and r55 (07:00); day 27 holds r26 (02:00) and r54 (06:00).
    expect(outcome.hits.slice(0, 4).map((h) => h.url)).toEqual([url(55), url(27), url(54), url(26)]);
    const dates = outcome.hits.map((h) => h.date!);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(outcome.hits.slice(0, 20).map((h) => shardOfPage(fullDir, h.url))).size).toBeGreaterThan(1);
  });

  it("orders oldest first too", async () => {
    const bundle = await loadBundle(path.join(fullDir, "pagefind"), { baseUrl: "/" });
    const response = await bundle.search("harbour", { sort: { date: "asc" } });
    const urls = await Promise.all(response!.results.slice(0, 3).map(async (r) => (await r.data()).url));
    // Day 1 holds r0 (00:00), r28 (04:00), r56 (08:00).
    expect(urls).toEqual([url(0), url(28), url(56)]);
  });
});

describe("what is indexed again", () => {
  it("one edited page: its shard only", async () => {
    const edited = new Map(final);
    edited.set(33, page(33, "quagga"));
    const dir = path.join(root, "edit-one");
    const result = await build(dir, edited, { previous: fullDir, render: new Set([33]) });
    expect(result.shardsIndexed).toBe(1);
    const outcome = await searchSite(dir, "quagga");
    expect(outcome.kind === "ok" && outcome.hits.map((h) => h.url)).toEqual([url(33)]);
  });

  it("a page rendered again with the same bytes: nothing", async () => {
    const dir = path.join(root, "same");
    const result = await build(dir, final, { previous: fullDir, render: new Set([20, 40]) });
    expect(result.shardsIndexed).toBe(0);
    expect(await tree(dir)).toEqual(await tree(fullDir));
  });

  it("a different shard count: every shard", async () => {
    const dir = path.join(root, "resharded");
    const result = await build(dir, final, { previous: fullDir, render: new Set([1]), pagesPerShard: 20 });
    expect([result.shardCount, result.shardsIndexed]).toEqual([4, 4]);
  });

  it("a previous site without page lists: every shard", async () => {
    const dir = path.join(root, "no-lists");
    const previous = path.join(root, "no-lists-previous");
    await build(previous, final);
    await rm(path.join(previous, "pagefind", "shard-pages.json"));
    const result = await build(dir, final, { previous, render: new Set([1]) });
    expect([result.pages, result.shardsIndexed]).toEqual([80, 8]);
    expect(await tree(dir)).toEqual(await tree(fullDir));
  });

  it("the order pages are handed over in does not change the index", async () => {
    const dir = path.join(root, "reversed");
    await build(dir, final, { order: [...final.keys()].reverse() });
    expect(await tree(dir)).toEqual(await tree(fullDir));
  });
});
