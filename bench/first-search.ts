/**
 * Bytes a visitor's browser fetches from /pagefind/ for a first search: serve the built site, open
 * /search/ in headless chromium, type a query, wait for the network to go quiet, and sum the sizes of
 * every response under /pagefind/ (headers + body as transferred). A sharded index (pagefind/shard-K/,
 * see src/search/shard-manifest.ts) is included: the search page merges every shard before searching.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { serveStatic } from "../src/serve/static-server.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Search inputs to try, most specific first (Pagefind's default UI, then any search box). */
export const INPUTS = [".pagefind-ui__search-input", "pagefind-input input", "input[type=search]", "#search input", "input[name=q]", "main input[type=text]"];

export type FirstSearch =
  | { measured: true; query: string; bytes: number; requests: number; results?: number }
  | { measured: false; note: string };

export async function measureFirstSearch(siteDir: string, query = "government"): Promise<FirstSearch> {
  if (!existsSync(path.join(siteDir, "pagefind"))) return { measured: false, note: "no _site/pagefind/ (search not built yet)" };
  if (!existsSync(CHROMIUM)) return { measured: false, note: `no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)` };
  const server = await serveStatic(siteDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    const pending: Array<Promise<number>> = [];
    page.on("requestfinished", (req) => {
      if (!new URL(req.url()).pathname.includes("/pagefind/")) return;
      pending.push(req.sizes().then((s) => s.responseBodySize + s.responseHeadersSize).catch(() => 0));
    });
    await page.goto(new URL("search/", server.url).href, { waitUntil: "networkidle" });
    const selector = await firstPresent(page, INPUTS);
    if (!selector) return { measured: false, note: "no search input found on /search/" };
    await page.fill(selector, query);
    await page.waitForTimeout(300); // search UIs debounce keystrokes
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    const sizes = await Promise.all(pending);
    const results = await page.locator(".pagefind-ui__result, [data-pagefind-result], .search-result, .search-hit").count().catch(() => undefined);
    return { measured: true, query, bytes: sizes.reduce((a, b) => a + b, 0), requests: sizes.length, results };
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function firstPresent(page: import("playwright-core").Page, selectors: string[]): Promise<string | undefined> {
  for (const s of selectors) if ((await page.locator(s).count()) > 0) return s;
  return undefined;
}
