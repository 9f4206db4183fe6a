/**
 * The bench's phone measure (bench/phone-pages.ts): which pages it picks, and that it loads and
 * scrolls each to the bottom, and searches, on the seed site built the real way. Timings are the
 * bench's to report, not asserted here.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPhonePage, formatPhoneSearch, heaviestPages, measurePhonePages, PHONE, type PhonePage, type PhoneSearch } from "../../bench/phone-pages.ts";
import { shouldRunBrowserTests } from "../helpers/browser.ts";
import { buildSeedSite } from "../search/built-seed-site.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "wa-phone-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function page(rel: string, bytes: number): Promise<void> {
  await mkdir(path.join(dir, "site", rel), { recursive: true });
  await writeFile(path.join(dir, "site", rel, "index.html"), "x".repeat(bytes));
}

describe("heaviestPages", () => {
  it("takes the largest page of each kind, by the folder it is in, and the home page", async () => {
    await page("", 5);
    await page("page/2", 40);
    await page("page/3", 30);
    await page("articles/short", 10);
    await page("articles/long", 90);
    await page("timeline", 20);
    await page("timeline/2013/09/13", 70);
    await page("timeline/2013/09", 60);
    // Not a page kind: assets and search have no list that grows with the archive.
    await page("search", 500);
    const picked = await heaviestPages(path.join(dir, "site"));
    expect(picked).toEqual([
      { kind: "home front page", url: "/", bytes: 5 },
      { kind: "home", url: "/page/2/", bytes: 40 },
      { kind: "article", url: "/articles/long/", bytes: 90 },
      { kind: "timeline", url: "/timeline/2013/09/13/", bytes: 70 },
    ]);
  });
});

describe.skipIf(!shouldRunBrowserTests())("measurePhonePages on the seed site", () => {
  let pages: PhonePage[];
  let search: PhoneSearch | { note: string } | undefined;
  beforeAll(async () => {
    const site = await buildSeedSite();
    const result = await measurePhonePages(site.outDir, "Syria");
    if (!result.measured) throw new Error(result.note);
    ({ pages, search } = result);
    await site.remove();
  }, 180_000);

  it("measures the home page and a page of every kind the site has", () => {
    expect(pages.map((p) => p.kind)).toEqual(expect.arrayContaining(["home front page", "article", "timeline", "entity", "source", "story", "month"]));
  });

  it("loads each page whole on the phone: its HTML and styles fetched, elements counted, painted", () => {
    for (const p of pages) {
      // Served uncompressed, so at least the HTML file's own bytes cross the (emulated) network.
      expect(p.transferKB, p.url).toBeGreaterThanOrEqual(p.htmlKB);
      expect(p.requests, p.url).toBeGreaterThanOrEqual(2); // the page and its stylesheet
      expect(p.domElements, p.url).toBeGreaterThan(20);
      expect(p.loadMs, p.url).toBeGreaterThan(0);
      expect(p.lcpMs ?? p.fcpMs, p.url).toBeGreaterThan(0);
    }
  });

  it("scrolls each page to its bottom, a frame at a time", () => {
    for (const p of pages) {
      expect(p.scroll.reachedBottom, p.url).toBe(true);
      expect(p.scroll.frames, p.url).toBeGreaterThanOrEqual(1);
      expect(p.scroll.worstFrameMs, p.url).toBeGreaterThanOrEqual(p.scroll.p95FrameMs);
    }
    // An article is many screens tall: the scroll took many frames (200 px each, give or take what
    // scroll anchoring adds when content above grows).
    const article = pages.find((p) => p.kind === "article")!;
    expect(article.scroll.heightPx).toBeGreaterThan(3 * PHONE.height);
    expect(article.scroll.frames).toBeGreaterThan(article.scroll.heightPx / 200 / 2);
  });

  it("searches on the phone: the box comes, then the count, then the first hit", () => {
    expect(search && "firstHitMs" in search, JSON.stringify(search)).toBe(true);
    const s = search as PhoneSearch;
    expect(s.readyMs).toBeGreaterThan(0);
    expect(s.countMs).toBeGreaterThan(0);
    expect(s.firstHitMs).toBeGreaterThanOrEqual(s.countMs);
    expect(formatPhoneSearch(s)).toMatch(/^search "Syria": box ready in \d+ ms; after typing, the count in \d+ ms and the first hit in \d+ ms$/);
  });

  it("prints one line a page, naming it", () => {
    const line = formatPhonePage(pages[0]!);
    expect(line).toContain(pages[0]!.url);
    expect(line).toMatch(/FCP .* scroll [\d,]+ px in \d+ frames/);
  });
});
