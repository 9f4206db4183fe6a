/**
 * How the archive's heaviest pages behave on a phone (issue 7: "the timeline of a 10,000-report archive
 * loads and scrolls smoothly on a phone"). Serves the built site, picks the largest page of each kind
 * (home, article, timeline, entity, source, story, month) plus the home page itself, and opens each in
 * headless chromium as Lighthouse's mobile preset does: a 360 x 740 touch screen, the CPU slowed 4x,
 * "Slow 4G" (150 ms round trip, 1.6 Mbit/s down). It records what a reader feels: bytes fetched, DOM
 * elements, first and largest contentful paint, load, long tasks; then scrolls to the bottom 200 px a
 * frame (a fast fling) and records the gaps between frames.
 *
 * The scroll is script-driven (`scrollBy` each animation frame), so every frame waits on the main
 * thread: an upper bound on jank, since a finger's scroll is handled off the main thread.
 *
 * Search on the same phone: /search/ opened, a query typed, and the time until the count and the
 * first hit show (every shard of a sharded index is merged before the first result).
 *
 * CLI: `npx tsx bench/phone-pages.ts SITE_DIR [--json]`
 */
import { readdir, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { serveStatic } from "../src/serve/static-server.ts";
import { CHROMIUM, firstPresent, INPUTS } from "./first-search.ts";

/** Lighthouse's mobile throttling (its "Slow 4G" and 4x CPU slow-down). */
export const PHONE = { width: 360, height: 740, cpuSlowdown: 4, latencyMs: 150, downKbps: 1638.4, upKbps: 675 };
/** Pixels scrolled per frame: a fast fling (12,000 px/s at 60 frames a second). */
const SCROLL_STEP = 200;
/** A frame longer than this is a visible hitch (RAIL: input answered within 50 ms of work). */
export const LONG_FRAME_MS = 50;
/** Top-level folders that hold pages, by kind; the home list's numbered pages are under page/. */
const KINDS: Record<string, string> = { page: "home", articles: "article", timeline: "timeline", entities: "entity", sources: "source", stories: "story", archive: "month" };

export interface PhonePage {
  kind: string;
  url: string;
  /** The page's HTML file. */
  htmlKB: number;
  /** Everything the load fetched (HTML, CSS, scripts, fonts), as transferred. */
  transferKB: number;
  requests: number;
  domElements: number;
  fcpMs?: number;
  lcpMs?: number;
  loadMs: number;
  /** Tasks over 50 ms during the load, and the longest. */
  longTasks: number;
  longestTaskMs: number;
  scroll: { frames: number; heightPx: number; reachedBottom: boolean; p95FrameMs: number; worstFrameMs: number; longFrames: number };
}

export interface PhoneSearch {
  query: string;
  /** From opening /search/ to a search box to type in. */
  readyMs: number;
  /** From typing the query to the number of results shown. */
  countMs: number;
  /** From typing the query to the first hit on screen (the list scrolled to). */
  firstHitMs: number;
}

export type PhoneResult = { measured: true; pages: PhonePage[]; search?: PhoneSearch | { note: string } } | { measured: false; note: string };

/** What a hit looks like in the search page (ours), or in Pagefind's default UI; and its search box. */
const HIT = ".search-hit, .pagefind-ui__result";
const SEARCH_BOX = "pagefind-input input, .pagefind-ui__search-input";
const HIT_LIST = "pagefind-results, .pagefind-ui__results";

/** The largest `index.html` of each kind of page under `siteDir`, and the home page. */
export async function heaviestPages(siteDir: string): Promise<Array<{ kind: string; url: string; bytes: number }>> {
  const chosen = new Map<string, { kind: string; url: string; bytes: number }>();
  const consider = (kind: string, url: string, bytes: number) => {
    const best = chosen.get(kind);
    if (!best || bytes > best.bytes || (bytes === best.bytes && url < best.url)) chosen.set(kind, { kind, url, bytes });
  };
  const walk = async (dir: string, kind: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full, kind);
      else if (entry.name === "index.html") consider(kind, `/${path.relative(siteDir, dir).split(path.sep).join("/")}/`, (await stat(full)).size);
    }
  };
  for (const [folder, kind] of Object.entries(KINDS)) if (existsSync(path.join(siteDir, folder))) await walk(path.join(siteDir, folder), kind);
  const home = path.join(siteDir, "index.html");
  const pages = [...chosen.values()];
  if (existsSync(home)) pages.unshift({ kind: "home front page", url: "/", bytes: (await stat(home)).size });
  return pages;
}

export async function measurePhonePages(siteDir: string, query = "government"): Promise<PhoneResult> {
  if (!existsSync(path.join(siteDir, "index.html"))) return { measured: false, note: `no site at ${siteDir}` };
  if (!existsSync(CHROMIUM)) return { measured: false, note: `no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)` };
  const targets = await heaviestPages(siteDir);
  const server = await serveStatic(siteDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    // A context of its own for each: every page is a first visit, nothing in the browser's cache.
    const fresh = async <T>(measure: (context: BrowserContext) => Promise<T>): Promise<T> => {
      const context = await browser.newContext({ viewport: { width: PHONE.width, height: PHONE.height }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
      try {
        return await measure(context);
      } finally {
        await context.close();
      }
    };
    const pages: PhonePage[] = [];
    for (const target of targets) pages.push(await fresh((context) => measurePage(context, new URL(target.url.replace(/^\//, ""), server.url).href, target)));
    const search = existsSync(path.join(siteDir, "pagefind")) ? await fresh((context) => measureSearch(context, new URL("search/", server.url).href, query)) : { note: "no pagefind/ (search not built)" };
    return { measured: true, pages, search };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** A new page slowed down to the phone's CPU and network. */
async function phonePage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpuSlowdown });
  await cdp.send("Network.enable");
  const kbps = (k: number) => (k * 1024) / 8;
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: PHONE.latencyMs, downloadThroughput: kbps(PHONE.downKbps), uploadThroughput: kbps(PHONE.upKbps) });
  return page;
}

/** Sizes (headers and body) of the page's responses from now on. */
function countFetched(page: Page): () => Promise<{ requests: number; transferKB: number }> {
  const sizes: Array<Promise<number>> = [];
  page.on("requestfinished", (req) => sizes.push(req.sizes().then((s) => s.responseBodySize + s.responseHeadersSize).catch(() => 0)));
  return async () => {
    const fetched = await Promise.all(sizes);
    return { requests: fetched.length, transferKB: fetched.reduce((a, b) => a + b, 0) / 1024 };
  };
}

/**
 * Files Pagefind fetches from its worker. The network emulation is set on the page and does not reach
 * a worker's requests, so they get the round trip here (their bytes are small; the bandwidth is not
 * emulated for them).
 */
const WORKER_FILES = /\/pagefind\/.*(?:pagefind-entry\.json|\.pf_\w+|wasm\.[\w-]+\.pagefind)(?:\?|$)/;

async function measureSearch(context: BrowserContext, href: string, query: string): Promise<PhoneSearch | { note: string }> {
  await context.route(WORKER_FILES, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, PHONE.latencyMs));
    await route.continue();
  });
  const page = await phonePage(context);
  await page.goto(href, { waitUntil: "load" });
  // Pagefind's box is made by its script, after the page's load: the reader can type once it is there.
  await page.waitForSelector(SEARCH_BOX, { timeout: 60_000 }).catch(() => undefined);
  const readyMs = await page.evaluate(() => performance.now());
  const input = await firstPresent(page, INPUTS);
  if (!input) return { note: "no search input found on /search/" };
  const start = Date.now();
  await page.fill(input, query);
  // The count comes first; a hit's text is fetched once the hit scrolls into view (on a phone the
  // list starts below the search bar): the reader scrolls to it.
  await page.waitForFunction(() => /\d+ results? for/.test(document.querySelector("pagefind-summary")?.textContent ?? ""), undefined, { timeout: 120_000 }).catch(() => undefined);
  const countMs = Date.now() - start;
  await page.locator(HIT_LIST).first().scrollIntoViewIfNeeded().catch(() => undefined);
  await page.waitForSelector(HIT, { timeout: 120_000 });
  const firstHitMs = Date.now() - start;
  return { query, readyMs, countMs, firstHitMs };
}

async function measurePage(context: BrowserContext, href: string, target: { kind: string; url: string; bytes: number }): Promise<PhonePage> {
  const page = await phonePage(context);
  const fetched = countFetched(page);
  // Long tasks are only reported to observers already listening: start one before the page's own scripts.
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: "longtask", buffered: true });
  });
  const response = await page.goto(href, { waitUntil: "load" });
  if (!response?.ok()) throw new Error(`${target.url}: HTTP ${response?.status() ?? "no response"}`);
  const load = await page.evaluate(async () => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
    const lcp = await new Promise<number | undefined>((resolve) => {
      new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime)).observe({ type: "largest-contentful-paint", buffered: true });
      setTimeout(() => resolve(undefined), 1000);
    });
    const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
    return { fcp, lcp, loadMs: nav.loadEventEnd || nav.loadEventStart, dom: document.getElementsByTagName("*").length, longTasks: tasks.length, longestTask: Math.max(0, ...tasks) };
  });
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const scroll = await page.evaluate(async (step) => {
    const gaps: number[] = [];
    let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    // Bounded, for a page that grows as it scrolls.
    for (let i = 0; i < 20_000; i++) {
      const before = window.scrollY;
      window.scrollBy(0, step);
      const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      gaps.push(now - last);
      last = now;
      if (window.scrollY === before) break;
    }
    const sorted = [...gaps].sort((a, b) => a - b);
    const root = document.documentElement;
    return {
      frames: gaps.length,
      heightPx: root.scrollHeight,
      reachedBottom: window.scrollY + window.innerHeight >= root.scrollHeight - 1,
      p95FrameMs: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0,
      worstFrameMs: sorted.at(-1) ?? 0,
      gaps,
    };
  }, SCROLL_STEP);
  const { requests, transferKB } = await fetched();
  const { gaps, ...scrolled } = scroll;
  return {
    kind: target.kind,
    url: target.url,
    htmlKB: target.bytes / 1024,
    transferKB,
    requests,
    domElements: load.dom,
    fcpMs: load.fcp,
    lcpMs: load.lcp,
    loadMs: load.loadMs,
    longTasks: load.longTasks,
    longestTaskMs: load.longestTask,
    scroll: { ...scrolled, longFrames: gaps.filter((g) => g > LONG_FRAME_MS).length },
  };
}

const ms = (v: number | undefined) => (v === undefined ? "—" : `${Math.round(v)} ms`);

/** One line a page: "timeline /timeline/2013/09/ 47 KB (52 KB fetched), 1,234 elements, FCP 650 ms, ...". */
export function formatPhonePage(p: PhonePage): string {
  const s = p.scroll;
  return (
    `${p.kind} ${p.url}: ${p.htmlKB.toFixed(0)} KB (${p.transferKB.toFixed(0)} KB in ${p.requests} requests), ${p.domElements.toLocaleString("en-US")} elements; ` +
    `FCP ${ms(p.fcpMs)}, LCP ${ms(p.lcpMs)}, load ${ms(p.loadMs)}, ${p.longTasks} long tasks (longest ${ms(p.longestTaskMs)}); ` +
    `scroll ${s.heightPx.toLocaleString("en-US")} px in ${s.frames} frames${s.reachedBottom ? "" : " (bottom not reached)"}: p95 ${ms(s.p95FrameMs)}, worst ${ms(s.worstFrameMs)}, ${s.longFrames} over ${LONG_FRAME_MS} ms`
  );
}

/** One line: when the box is ready, and how soon the count and the first hit show. */
export function formatPhoneSearch(s: PhoneSearch | { note: string }): string {
  if (!("query" in s)) return `search: not measured: ${s.note}`;
  return `search "${s.query}": box ready in ${ms(s.readyMs)}; after typing, the count in ${ms(s.countMs)} and the first hit in ${ms(s.firstHitMs)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const site = path.resolve(process.argv[2] ?? "_site");
  const result = await measurePhonePages(site);
  if (process.argv.includes("--json")) console.log(JSON.stringify(result, null, 2));
  else if (!result.measured) console.log(`not measured: ${result.note}`);
  else {
    console.log(`${PHONE.width}x${PHONE.height} phone, CPU ${PHONE.cpuSlowdown}x slower, ${PHONE.latencyMs} ms round trip, ${PHONE.downKbps} kbit/s down:`);
    for (const p of result.pages) console.log(`  ${formatPhonePage(p)}`);
    if (result.search) console.log(`  ${formatPhoneSearch(result.search)}`);
  }
}
