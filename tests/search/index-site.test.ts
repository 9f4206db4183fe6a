/**
 * The Pagefind step on a small hand-written site: only marked pages are indexed, with their filters,
 * metadata and sort key; terminal search reads that index with Pagefind's own code; errors fail loudly.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSiteIndexer, SearchIndexError, type IndexSiteOptions, type IndexSiteResult } from "../../src/build/index-site.ts";
import { searchSite } from "../../src/search/search-site.ts";

function article(opts: { headline: string; source: string; date: string; body: string; ignored?: string }): string {
  return `<!doctype html><html lang="en"><head><title>${opts.headline}</title></head><body>
<nav>Home Timeline navigation words</nav>
<article data-pagefind-body>
  <span hidden data-pagefind-filter="source:${opts.source}"></span>
  <span hidden data-pagefind-meta="source:${opts.source}"></span>
  <span hidden data-pagefind-meta="date:${opts.date}"></span>
  <span hidden data-pagefind-sort="date:${opts.date}"></span>
  <h1 data-pagefind-meta="title" data-pagefind-weight="10">${opts.headline}</h1>
  <p>${opts.body}</p>
  <footer data-pagefind-ignore>${opts.ignored ?? ""}</footer>
</article></body></html>`;
}

async function writeSite(dir: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
}

/** Writes the site and indexes its pages the way the build does: each page handed over by URL. */
async function writeAndIndex(dir: string, files: Record<string, string>, opts?: IndexSiteOptions): Promise<IndexSiteResult> {
  await writeSite(dir, files);
  const indexer = await openSiteIndexer();
  try {
    for (const [rel, html] of Object.entries(files)) if (rel.endsWith(".html")) indexer.addPage(`/${rel.replace(/index\.html$/, "")}`, html);
    return await indexer.finish(dir, opts);
  } finally {
    await indexer.close();
  }
}

let root: string;
let site: string;
let indexed: IndexSiteResult;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "wa-index-"));
  site = path.join(root, "site");
  indexed = await writeAndIndex(site, {
    "index.html": `<!doctype html><html lang="en"><body><h1>Latest reports</h1><p>Zeppelin lighthouse</p></body></html>`,
    "articles/harbour/index.html": article({
      headline: "Lighthouse keepers strike at the harbour",
      source: "Coast Wire",
      date: "2020-03-02",
      body: "The keepers of the harbour lighthouse stopped work on Monday.",
      ignored: "Removed line: zeppelin advertisement",
    }),
    "articles/ferry/index.html": article({
      headline: "Ferry timetable changes",
      source: "Island Post",
      date: "2021-07-19",
      body: "A new lighthouse tour joins the summer ferry timetable.",
    }),
  });
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("the site indexer", () => {
  it("indexes only the pages marked data-pagefind-body and writes the bundle and offline list", () => {
    expect(indexed.pages).toBe(2);
    expect(existsSync(path.join(site, "pagefind", "pagefind.js"))).toBe(true);
    expect(indexed.size.indexBytes).toBeGreaterThan(0);
    expect(indexed.size.totalBytes).toBe(indexed.size.indexBytes + indexed.size.runtimeBytes + indexed.size.uiBytes);
    const manifest = JSON.parse(readFileSync(path.join(site, "offline.json"), "utf8"));
    expect(manifest.indexed).toBe(true);
    expect(manifest.shell).toContain("pagefind/pagefind.js");
    // Everything else apart, of the same version: the search page reads only the small shell list.
    expect(manifest.pages).toBeUndefined();
    const rest = JSON.parse(readFileSync(path.join(site, "offline-pages.json"), "utf8"));
    expect(rest.version).toBe(manifest.version);
    expect(rest.pages).toContain("articles/harbour/");
  });

  it("fails with Pagefind's problem spelled out when the page count is not the expected one", async () => {
    const other = path.join(root, "other");
    const error = await writeAndIndex(other, { "a/index.html": article({ headline: "One", source: "S", date: "2020-01-01", body: "x" }) }, { expectedPages: 3 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SearchIndexError);
    expect((error as Error).message).toContain("Unexpected 1 indexed pages, expected 3");
  });

  it("refuses to write over a pagefind/ path the site already uses", async () => {
    const taken = path.join(root, "taken");
    const error = await writeAndIndex(taken, { "index.html": "<p>x</p>", pagefind: "a file in the way" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchIndexError);
    expect((error as Error).message).toContain("Unexpected pagefind in the rendered site");
  });
});

describe("searchSite (Pagefind's own search code in Node)", () => {
  it("finds words in article bodies, with headline, source, date and URL", async () => {
    const outcome = await searchSite(site, "keepers");
    expect(outcome.kind).toBe("ok");
    if (outcome.kind !== "ok") return;
    expect(outcome.hits.map((h) => [h.headline, h.source, h.date, h.url])).toEqual([
      ["Lighthouse keepers strike at the harbour", "Coast Wire", "2020-03-02", "/articles/harbour/"],
    ]);
    expect(outcome.hits[0]!.file).toBe(path.join(site, "articles/harbour/index.html"));
    const [start, end] = outcome.hits[0]!.marks[0]!;
    expect(outcome.hits[0]!.excerpt.slice(start, end).toLowerCase()).toBe("keepers");
  });

  it("does not find words outside the article or in ignored parts", async () => {
    const outcome = await searchSite(site, "zeppelin");
    expect(outcome).toEqual({ kind: "ok", hits: [], total: 0 });
  });

  it("narrows by source name, case-insensitively", async () => {
    const all = await searchSite(site, "lighthouse");
    const one = await searchSite(site, "lighthouse", { source: "island post" });
    expect(all.kind === "ok" && all.total).toBe(2);
    expect(one.kind === "ok" && one.hits.map((h) => h.url)).toEqual(["/articles/ferry/"]);
  });

  it("orders by date, newest first, on request", async () => {
    const outcome = await searchSite(site, "lighthouse", { sort: "date" });
    expect(outcome.kind === "ok" && outcome.hits.map((h) => h.date)).toEqual(["2021-07-19", "2020-03-02"]);
  });

  it("names the known sources when asked for an unknown one", async () => {
    const outcome = await searchSite(site, "lighthouse", { source: "Daily Planet" });
    expect(outcome).toEqual({
      kind: "unknown-source",
      source: "Daily Planet",
      known: [
        { id: "Coast Wire", name: "Coast Wire" },
        { id: "Island Post", name: "Island Post" },
      ],
    });
  });

  it("reports a site that was never built", async () => {
    const outcome = await searchSite(path.join(root, "nowhere"), "lighthouse");
    expect(outcome).toEqual({ kind: "not-built", siteDir: path.join(root, "nowhere") });
  });
});
