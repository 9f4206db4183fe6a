/**
 * The search page over a sharded index, in a real browser: the seed site built the real way, with twelve
 * more (synthetic) article pages, indexed again in shards of at most four pages. A result that lives in
 * a non-primary shard is found, and "Newest first" orders results across shards.
 */
import { readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSiteIndexer, type IndexSiteResult } from "../../src/build/index-site.ts";
import { launchChromium, openFilterGroup, shouldRunBrowserTests, waitForSearchResults } from "../helpers/browser.ts";
import { startStaticServer, type StaticServer } from "../helpers/static-server.ts";
import { searchSite } from "../../src/search/search-site.ts";
import { buildSeedSite, type BuiltSeedSite } from "../search/built-seed-site.ts";

/** One word found in one synthetic report only (numbered words would match each other's prefixes). */
const BIRDS = ["albatross", "bittern", "cormorant", "dunlin", "eider", "fulmar", "gannet", "heron", "ibis", "jacana", "kestrel", "lapwing"];

/** Synthetic report i: published 2021-02-(i+1), "harbour" in every one, BIRDS[i] in its own. */
function article(i: number): string {
  const day = String(i + 1).padStart(2, "0");
  return `<!doctype html><html lang="en"><head><title>Harbour report ${i}</title></head><body>
<article data-pagefind-body>
  <span hidden data-pagefind-filter="source:Shard Wire"></span>
  <span hidden data-pagefind-meta="source:Shard Wire"></span>
  <span hidden data-pagefind-meta="date:2021-02-${day}"></span>
  <span hidden data-pagefind-meta="published:${i + 1} February 2021"></span>
  <span hidden data-pagefind-sort="date:2021-02-${day}T12:00"></span>
  <h1 data-pagefind-meta="title">Harbour report ${i}</h1>
  <p>The harbour board met again. A ${BIRDS[i]} was seen.</p>
</article></body></html>`;
}

describe.skipIf(!shouldRunBrowserTests())("search page over a sharded index", () => {
  let site: BuiltSeedSite;
  let server: StaticServer;
  let browser: Browser;
  let indexed: IndexSiteResult;
  /** A synthetic page stored in a shard other than the primary one. */
  let outlier: number;

  beforeAll(async () => {
    site = await buildSeedSite();
    const articlesDir = path.join(site.outDir, "articles");
    for (let i = 0; i < 12; i++) {
      await mkdir(path.join(articlesDir, `shard-test-${i}`), { recursive: true });
      await writeFile(path.join(articlesDir, `shard-test-${i}`, "index.html"), article(i));
    }
    await rm(path.join(site.outDir, "pagefind"), { recursive: true });
    const indexer = await openSiteIndexer();
    try {
      for (const name of await readdir(articlesDir)) {
        indexer.addPage(`/articles/${name}/`, await readFile(path.join(articlesDir, name, "index.html"), "utf8"));
      }
      indexed = await indexer.finish(site.outDir, { pagesPerShard: 4, expectedPages: 15 });
    } finally {
      await indexer.close();
    }
    const lists = JSON.parse(await readFile(path.join(site.outDir, "pagefind", "shard-pages.json"), "utf8")) as {
      shards: Array<{ pages: Array<{ url: string }> }>;
    };
    const inOtherShard = lists.shards.slice(1).flatMap((s) => s.pages.map((p) => /shard-test-(\d+)/.exec(p.url)?.[1]));
    outlier = Number(inOtherShard.find((n) => n !== undefined));
    server = await startStaticServer(site.outDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.remove();
  });

  async function openSearch(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/search/`);
    return { page, errors };
  }


  it("is indexed in several shards", () => {
    expect(indexed.pages).toBe(15);
    expect(indexed.shardCount).toBeGreaterThan(1);
    expect(Number.isInteger(outlier)).toBe(true);
  });

  it("finds a report that lives in a non-primary shard", async () => {
    const { page, errors } = await openSearch();
    await page.locator("pagefind-input input").fill(BIRDS[outlier]!);
    await waitForSearchResults(page, BIRDS[outlier]!);
    await expect.poll(() => page.locator(".search-hit__link").allTextContents()).toEqual([`Harbour report ${outlier}`]);
    const href = await page.locator(".search-hit__link").getAttribute("href");
    expect(new URL(href!, server.url).pathname).toBe(`/articles/shard-test-${outlier}/`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lists hits in the order the terminal search gives, every shard merged", async () => {
    const terminal = await searchSite(site.outDir, "harbour", { limit: 50 });
    if (terminal.kind !== "ok") throw new Error(JSON.stringify(terminal));
    const expected = terminal.hits.map((h) => new URL(h.url, server.url).pathname);
    expect(expected).toHaveLength(12);
    const { page, errors } = await openSearch();
    await page.locator("pagefind-input input").fill("harbour");
    await waitForSearchResults(page, "harbour");
    // A hit's text loads once it scrolls into view: scroll down until all have loaded.
    await expect
      .poll(async () => {
        await page.evaluate(() => window.scrollBy(0, window.innerHeight));
        return page.locator(".search-hit__link").count();
      })
      .toBe(12);
    const shown = await page.locator(".search-hit__link").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(shown).toEqual(expected);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("counts every shard's reports in the filters", async () => {
    const { page, errors } = await openSearch();
    // The twelve synthetic reports, spread over all the shards, share one source.
    await expect
      .poll(
        async () => {
          await openFilterGroup(page, "source");
          return page.locator("pagefind-filter-pane").innerText();
        },
        { timeout: 15_000 },
      )
      .toMatch(/Shard Wire\s*12\b/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("orders results newest first across shards", async () => {
    const { page, errors } = await openSearch();
    await page.locator("pagefind-input input").fill("harbour");
    await waitForSearchResults(page, "harbour");
    await page.locator("#search-sort").selectOption("date:desc");
    // Report 11 is dated 12 February 2021, report 10 the 11th, and so on down.
    await page.locator(".search-hit__link").first().filter({ hasText: "Harbour report 11" }).waitFor();
    await expect.poll(async () => (await page.locator(".search-hit__link").allTextContents()).slice(0, 4)).toEqual(["Harbour report 11", "Harbour report 10", "Harbour report 9", "Harbour report 8"]);
    await page.locator("#search-sort").selectOption("date:asc");
    await page.locator(".search-hit__link").first().filter({ hasText: "Harbour report 0" }).waitFor();
    await expect.poll(async () => (await page.locator(".search-hit__link").allTextContents()).slice(0, 3)).toEqual(["Harbour report 0", "Harbour report 1", "Harbour report 2"]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
