/**
 * Search in a real browser: the seed archive built the real way (with its Pagefind index), served on
 * loopback, driven through Debian's chromium. Covers the search page, the box on every page, filters,
 * sorting, highlighting, the no-JavaScript fallback, offline use and accessibility (axe).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openFilterGroup, shouldRunBrowserTests, waitForSearchResults } from "../helpers/browser.ts";
import { startStaticServer, type StaticServer } from "../helpers/static-server.ts";
import { articleUrlBySource, buildSeedSite, type BuiltSeedSite } from "./built-seed-site.ts";

describe.skipIf(!shouldRunBrowserTests())("search in the browser", () => {
  let site: BuiltSeedSite;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let articles: Record<string, string>;

  beforeAll(async () => {
    site = await buildSeedSite();
    articles = articleUrlBySource(site.result);
    server = await startStaticServer(site.outDir);
    browser = await launchChromium();
    // The service worker gets its own test; elsewhere it would serve from its cache and hide requests.
    context = await browser.newContext({ serviceWorkers: "block" });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.remove();
  });

  async function openPage(urlPath: string, ctx = context): Promise<{ page: Page; errors: string[] }> {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    const response = await page.goto(server.url + urlPath);
    expect(response?.status()).toBe(200);
    return { page, errors };
  }

  /** Waits for Pagefind's summary of a finished search ("2 results for sarin"). */

  async function typeSearch(page: Page, term: string): Promise<void> {
    await page.locator("pagefind-input input").fill(term);
    await waitForSearchResults(page, term);
  }

  const hitSources = (page: Page) => page.locator(".search-hit__source").allTextContents();

  it("typing `sarin` finds the AFP and Al Jazeera reports and not the BBC one", async () => {
    const { page, errors } = await openPage("/search/");
    await typeSearch(page, "sarin");
    await expect.poll(async () => (await hitSources(page)).sort()).toEqual(["Agence France-Presse", "Al Jazeera"]);
    const links = await page.locator(".search-hit__link").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links.sort()).toEqual([articles.afp, articles["al-jazeera"]].sort());
    expect(await page.locator(".search-hit__excerpt mark").first().textContent()).toBe("sarin");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("typing `Brahimi` finds only the BBC report", async () => {
    const { page } = await openPage("/search/");
    await typeSearch(page, "Brahimi");
    await expect.poll(() => hitSources(page)).toEqual(["BBC"]);
    await page.close();
  });

  it("the source filter narrows the results", async () => {
    const { page } = await openPage("/search/");
    await typeSearch(page, "talks");
    await expect.poll(() => hitSources(page)).toHaveLength(3);
    // Each group of the pane starts closed, so that on a phone the results are not below a long list.
    expect(await page.locator('pagefind-filter-pane input[name="source"][value="Al Jazeera"]').isVisible()).toBe(false);
    await openFilterGroup(page, "source");
    await page.locator('pagefind-filter-pane input[name="source"][value="Al Jazeera"]').check();
    await expect.poll(() => hitSources(page)).toEqual(["Al Jazeera"]);
    await page.close();
  });

  it("offers year and month filters", async () => {
    const { page } = await openPage("/search/");
    await typeSearch(page, "talks");
    await expect.poll(() => page.locator('pagefind-filter-pane input[name="month"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(["September 2013"]);
    await openFilterGroup(page, "year");
    await page.locator('pagefind-filter-pane input[name="year"][value="2013"]').check();
    await expect.poll(() => hitSources(page).then((s) => s.length)).toBe(3);
    await page.close();
  });

  it("sorts by date either way, and keeps the order in the address", async () => {
    const { page } = await openPage("/search/");
    await typeSearch(page, "talks");
    await page.locator("#search-sort").selectOption("date:asc");
    await expect.poll(() => hitSources(page)).toEqual(["BBC", "Agence France-Presse", "Al Jazeera"]);
    await page.locator("#search-sort").selectOption("date:desc");
    await expect.poll(() => hitSources(page)).toEqual(["Al Jazeera", "Agence France-Presse", "BBC"]);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("date:desc");
    // Reloading with the order in the address gives the same order.
    await page.goto(`${server.url}/search/?q=talks&sort=date:asc`);
    await waitForSearchResults(page, "talks");
    await expect.poll(() => hitSources(page)).toEqual(["BBC", "Agence France-Presse", "Al Jazeera"]);
    expect(await page.locator("#search-sort").inputValue()).toBe("date:asc");
    await page.close();
  });

  it("the box on every page searches, and a result opens with its matches highlighted", async () => {
    const { page, errors } = await openPage(articles.bbc!);
    await page.locator("#site-search-q").fill("sarin");
    await page.locator("#site-search-q").press("Enter");
    await page.waitForURL(/\/search\/\?q=sarin/);
    await waitForSearchResults(page, "sarin");
    await expect.poll(() => hitSources(page)).toHaveLength(2);
    await page.locator(".search-hit__link").first().click();
    await page.waitForURL(/\/articles\/.*\?highlight=sarin/);
    const marks = page.locator("[data-pagefind-body] mark.pagefind-highlight");
    await marks.first().waitFor();
    expect((await marks.allTextContents()).map((t) => t.toLowerCase())).toContain("sarin");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("without JavaScript the search slot is a link to the report list, never a dead box", async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: "block" });
    try {
      const { page } = await openPage("/", noJs);
      const fallback = page.locator(".search-slot__fallback");
      expect(await fallback.isVisible()).toBe(true);
      expect(await fallback.getAttribute("href")).toBe("/");
      expect(await page.locator(".search-box").isVisible()).toBe(false);
      const search = await openPage("/search/", noJs);
      const note = search.page.locator("[data-search-nojs]");
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toContain("Search runs in your browser and needs JavaScript");
    } finally {
      await noJs.close();
    }
  });

  it("a first search for `sarin` transfers only the search runtime, the index chunk and two fragments", async () => {
    const fresh = await browser.newContext({ serviceWorkers: "block" });
    try {
      const page = await fresh.newPage();
      const files: Array<{ path: string; bytes: number; gzip: number }> = [];
      page.on("response", async (response) => {
        const { pathname } = new URL(response.url());
        if (!pathname.startsWith("/pagefind/")) return;
        const body = await response.body().catch(() => Buffer.alloc(0));
        files.push({ path: pathname, bytes: body.length, gzip: gzipSync(body).length });
      });
      await page.goto(`${server.url}/search/`);
      await typeSearch(page, "sarin");
      await page.waitForLoadState("networkidle");
      const total = files.reduce((n, f) => n + f.bytes, 0);
      const gzip = files.reduce((n, f) => n + f.gzip, 0);
      console.info(
        `First search for "sarin": ${files.length} files, ${total} bytes under /pagefind/ (${gzip} gzipped)\n` +
          files.map((f) => `  ${f.path} ${f.bytes} (${f.gzip} gz)`).join("\n"),
      );
      expect(files.filter((f) => f.path.includes("/fragment/"))).toHaveLength(2);
      expect(files.map((f) => f.path)).not.toContain("/pagefind/pagefind-ui.js");
      expect(total).toBeLessThan(500_000);
    } finally {
      await fresh.close();
    }
  });

  it("shows a long result list a page at a time; a new search starts again at its first page", async () => {
    // The seed site's search page with pages of one hit (the real page's are 50): all three seeds say "Syria".
    const html = await readFile(path.join(site.outDir, "search/index.html"), "utf8");
    expect(html).toContain('data-page-size="50"');
    await mkdir(path.join(site.outDir, "search-paged"), { recursive: true });
    await writeFile(path.join(site.outDir, "search-paged/index.html"), html.replace('data-page-size="50"', 'data-page-size="1"'));
    const { page, errors } = await openPage("/search-paged/");
    // What screen readers hear: the texts Pagefind's live regions are given (each cleared soon after).
    await page.evaluate(() => {
      const said: string[] = ((window as unknown as { said: string[] }).said = []);
      new MutationObserver(() => {
        for (const region of document.querySelectorAll("[data-pf-sr-hidden]")) if (region.textContent && said.at(-1) !== region.textContent) said.push(region.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said);
    const hits = page.locator(".search-hit");
    const more = page.locator("[data-search-more]");
    await typeSearch(page, "Syria");
    await expect.poll(() => hits.count()).toBe(1);
    expect(await more.textContent()).toBe("Show 1 more (1 of 3 shown)");
    // Not "1 result for Syria": the list shows one of three.
    await expect.poll(said).toContain("3 results for Syria, 1 shown");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await more.click();
    await expect.poll(() => hits.count()).toBe(2);
    expect(await more.textContent()).toBe("Show 1 more (2 of 3 shown)");
    await expect.poll(said).toContain("3 results for Syria, 2 shown");
    await more.click();
    await expect.poll(() => hits.count()).toBe(3);
    expect(await more.isHidden()).toBe(true);
    await expect.poll(said).toContain("3 results for Syria");
    expect((await said()).filter((text) => /result/.test(text) && !text.startsWith("3 results for Syria"))).toEqual([]);
    // A filter is a new search too (all three seeds are from 2013): back to the first page.
    await openFilterGroup(page, "year");
    await page.locator('pagefind-filter-pane input[name="year"][value="2013"]').check();
    await expect.poll(() => hits.count()).toBe(1);
    expect(await more.textContent()).toBe("Show 1 more (1 of 3 shown)");
    await typeSearch(page, "chemical");
    await expect.poll(() => hits.count()).toBe(1);
    expect(await more.textContent()).toBe("Show 1 more (1 of 3 shown)");
    expect(errors).toEqual([]);
    await page.close();
  });

  const AXE_PAGES = () => ["/", articles.afp!, "/timeline/", "/search/?q=sarin"];
  for (const colorScheme of ["light", "dark"] as const) {
    it(`axe finds no violations on the home, article, timeline and search pages (${colorScheme})`, async () => {
      const ctx = await browser.newContext({ colorScheme, serviceWorkers: "block" });
      try {
        for (const urlPath of AXE_PAGES()) {
          const { page, errors } = await openPage(urlPath, ctx);
          if (urlPath.startsWith("/search/")) {
            await waitForSearchResults(page, "sarin");
            await page.locator(".search-hit").first().waitFor();
          }
          const results = await new AxeBuilder({ page }).analyze();
          const summary = results.violations.map((v) => `${urlPath} ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
          expect(summary).toEqual([]);
          expect(errors).toEqual([]);
          await page.close();
        }
      } finally {
        await ctx.close();
      }
    });
  }

  it("the search page with results fits a 360px phone screen, without axe violations", async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 800 }, serviceWorkers: "block" });
    try {
      const { page, errors } = await openPage("/search/?q=talks", ctx);
      await waitForSearchResults(page, "talks");
      await page.locator(".search-hit").first().waitFor();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it("works under a sub-path: box, results, highlight and service worker all stay under /wire/", async () => {
    const sub = await buildSeedSite({ subPath: "wire" });
    const own = await startStaticServer(sub.serveDir);
    const ctx = await browser.newContext();
    try {
      const page = await ctx.newPage();
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
      await page.goto(`${own.url}/wire/`);
      await page.locator("#site-search-q").fill("sarin");
      await page.locator("#site-search-q").press("Enter");
      await page.waitForURL(/\/wire\/search\/\?q=sarin/);
      await waitForSearchResults(page, "sarin");
      const hrefs = await page.locator(".search-hit__link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(hrefs).toHaveLength(2);
      for (const href of hrefs) expect(href).toMatch(/^\/wire\/articles\/[a-z0-9-]+\/\?highlight=sarin$/);
      await page.locator(".search-hit__link").first().click();
      await page.locator("mark.pagefind-highlight").first().waitFor();
      expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => new URL(r.scope).pathname))).toBe("/wire/");
      expect(problems).toEqual([]);
    } finally {
      await ctx.close();
      await own.close();
      await sub.remove();
    }
  });

  it("fills the offline cache in the background only while the reader's own requests leave the network quiet", async () => {
    const own = await startStaticServer(site.outDir);
    const ctx = await browser.newContext();
    try {
      // The worker's own downloads made slow (a phone link), so a fill that does not wait shows.
      await ctx.route("**/*", async (route) => {
        if (route.request().serviceWorker()) await new Promise((resolve) => setTimeout(resolve, 150));
        await route.continue();
      });
      const page = await ctx.newPage();
      await page.goto(`${own.url}/`);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const rest = await (await fetch(`${own.url}/offline-pages.json`)).json();
      const background: string[] = rest.pages;
      expect(background.length).toBeGreaterThan(10);
      const cached = () =>
        page.evaluate(async (urls) => {
          const cache = await caches.open("wire-archive");
          const have = await Promise.all(urls.map((u) => cache.match(new URL(u, `${location.origin}/`).href)));
          return have.filter(Boolean).length;
        }, background);
      // A busy reader: a request through the worker every 100 ms, for 3 s.
      await page.evaluate(() => {
        (window as unknown as { busy: number }).busy = window.setInterval(() => void fetch("/search/", { cache: "no-store" }), 100);
      });
      await page.waitForTimeout(500);
      const before = await cached();
      await page.waitForTimeout(2500);
      expect(await cached()).toBe(before);
      // Quiet again: the fill goes on, to the end.
      await page.evaluate(() => window.clearInterval((window as unknown as { busy: number }).busy));
      await expect.poll(cached, { timeout: 60_000 }).toBe(background.length);
    } finally {
      await ctx.close();
      await own.close();
    }
  });

  it("after a first visit, the archive and its search work with the server gone", async () => {
    // Its own server (its own origin, so its own service worker), shut down halfway through.
    const own = await startStaticServer(site.outDir);
    const ctx = await browser.newContext();
    try {
      const page = await ctx.newPage();
      await page.goto(`${own.url}/`);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      // Wait until the worker has filled its cache with every article and search fragment.
      const manifest = await (await fetch(`${own.url}/offline.json`)).json();
      const rest = await (await fetch(`${own.url}/offline-pages.json`)).json();
      const wanted: string[] = [...manifest.shell, ...rest.pages];
      expect(rest.pages.length).toBeGreaterThan(0);
      await expect
        .poll(
          () =>
            page.evaluate(async (urls) => {
              const cache = await caches.open("wire-archive");
              const have = await Promise.all(urls.map((u) => cache.match(new URL(u, `${location.origin}/`).href)));
              return have.filter((r) => !r).length;
            }, wanted),
          { timeout: 20_000 },
        )
        .toBe(0);
      await own.close();

      await page.goto(`${own.url}${articles.bbc}`);
      expect(await page.locator("h1").textContent()).toMatch(/^The US and Russian foreign ministers/);
      await page.goto(`${own.url}/search/?q=sarin`);
      await waitForSearchResults(page, "sarin");
      await expect.poll(async () => (await hitSources(page)).sort()).toEqual(["Agence France-Presse", "Al Jazeera"]);
    } finally {
      await ctx.close();
      await own.close().catch(() => {});
    }
  });
});
