/**
 * Long report lists paginate: an archive of 160 generated records (three pages on the home list, two
 * on a source and on a month) rendered to a site, then read page by page by following the pager's
 * links, as a reader would.
 *
 * Lists are newest first, their pages of 50 counted from the oldest end (paginate.ts): the front page
 * at the list's URL holds what is left over, between 25 and 74 reports.
 * The archive: records gen-0 (newest) .. gen-159, in the archive's newest-first order. Even i is AFP
 * (80 records), odd i is Al Jazeera (80). gen-0..gen-109 are dated September 2013, gen-110..gen-159
 * August 2013. So: home 60 (front) + 50 (page 2) + 50 (page 1); each source 30 + 50; September 60 +
 * 50; August 50 on its front page alone.
 * Stories: gen-2k with gen-2k+1, 80 of them, latest first: the stories index has 30 + 50.
 * Timeline: 108 events (more than the 100 a page), each cited by one report: one dated only "2013",
 * one on 1 June 2012, two on 5 August 2013, 101 on 10 September 2013 and three on 11 September. So it
 * is split by year, 2013 (107) by month and September (104) by day, and 10 September takes two pages.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Archive } from "../../src/archive/types.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";
import type { Story } from "../../src/stories/types.ts";
import type { TimelineEvent } from "../../src/timeline/types.ts";
import { renderSite } from "../../src/site/render-site.ts";
import { checkPage, launchChromium, shouldRunBrowserTests } from "../helpers/browser.ts";
import { startStaticServer, type StaticServer } from "../helpers/static-server.ts";
import { siteReader, childrenNamed, type BuiltSite } from "../publish/build-publish-site.ts";
import { checkLinks } from "../publish/link-check.ts";
import { agencyWire } from "./fixtures.ts";

const BASE = "https://archive.example.org/";
const N = 160;

function generated(i: number): ArticleRecord {
  const september = i < 110;
  const day = september ? 30 - Math.floor(i / 4) : 31 - Math.floor((i - 110) / 2);
  const afp = i % 2 === 0;
  return {
    ...agencyWire,
    id: `gen-${i}`,
    sourceFile: `reports/gen-${i}.txt`,
    checksum: i.toString(16).padStart(64, "0"),
    source: afp ? { id: "afp", name: "AFP", origin: "stated", line: 1 } : { id: "al-jazeera", name: "Al Jazeera", origin: "stated", line: 1 },
    headline: `Generated report number ${i}`,
    headlineOrigin: "stated",
    published: { date: `2013-${september ? "09" : "08"}-${String(day).padStart(2, "0")}`, origin: "stated", evidence: "dated", line: 1 },
  };
}

const records = Array.from({ length: N }, (_, i) => generated(i));
const stories: Story[] = Array.from({ length: N / 2 }, (_, k) => ({
  id: `gen-${2 * k + 1}`,
  title: `Story number ${k}`,
  start: records[2 * k + 1]!.published!.date,
  end: records[2 * k]!.published!.date,
  articleIds: [`gen-${2 * k + 1}`, `gen-${2 * k}`],
  comparison: { allSay: [], onlyOne: [], discrepancies: [], sharedQuotes: [] },
}));
function event(id: string, date: string, precision: TimelineEvent["precision"], cited: number): TimelineEvent {
  const quote = `Event ${id} happened.`;
  return { id, date, precision, text: quote, sources: [{ articleId: `gen-${cited}`, blockIndex: 0, quote, expression: date }] };
}
// In the timeline's order (date, then precision).
const events: TimelineEvent[] = [
  event("e2012", "2012-06-01", "day", 1),
  event("y2013", "2013", "year", 2),
  event("aug0", "2013-08-05", "day", 3),
  event("aug1", "2013-08-05", "day", 4),
  ...Array.from({ length: 101 }, (_, k) => event(`busy${k}`, "2013-09-10", "day", 5 + k)),
  ...Array.from({ length: 3 }, (_, k) => event(`sep11-${k}`, "2013-09-11", "day", 0)),
];
const hrefOf = (i: number) => `/articles/gen-${i}/`;
const hrefsWhere = (keep: (i: number) => boolean) => records.map((_, i) => i).filter(keep).map(hrefOf);

let site: BuiltSite;

beforeAll(async () => {
  const rootDir = await mkdtemp(path.join(os.tmpdir(), "wire-paginated-"));
  await mkdir(path.join(rootDir, "reports"), { recursive: true });
  for (const r of records) await writeFile(path.join(rootDir, r.sourceFile), `${r.headline}\n`);
  const archive: Archive = {
    records,
    sources: [
      { id: "afp", name: "AFP", count: 80 },
      { id: "al-jazeera", name: "Al Jazeera", count: 80 },
    ],
    timeline: { events },
    stories,
    diagnostics: [],
    generatedAt: "2024-01-01T00:00:00.000Z",
  };
  const outDir = path.join(rootDir, "_site");
  await renderSite({ archive, outDir, rootDir, baseUrl: BASE });
  site = siteReader(rootDir, outDir);
}, 120_000);

afterAll(async () => {
  if (site) await rm(site.rootDir, { recursive: true, force: true });
});

/** Follows rel="next" in the `pager` from `start`; returns each page's URL, document and teaser links. */
async function walk(start: string, pager = ".pager"): Promise<Array<{ url: string; doc: Document; hrefs: string[] }>> {
  const pages: Array<{ url: string; doc: Document; hrefs: string[] }> = [];
  let url: string | null = start;
  while (url && pages.length < 20) {
    const doc = await site.html(url);
    pages.push({ url, doc, hrefs: [...doc.querySelectorAll(".teaser__headline a")].map((a) => a.getAttribute("href")!) });
    url = doc.querySelector(`${pager} a[rel="next"]`)?.getAttribute("href") ?? null;
  }
  return pages;
}

describe("paginated list pages", () => {
  it("splits the home page into pages of 50 counted from the oldest, every report exactly once, newest first", async () => {
    const pages = await walk("/");
    expect(pages.map((p) => p.url)).toEqual(["/", "/page/2/", "/page/1/"]);
    expect(pages.map((p) => p.hrefs.length)).toEqual([60, 50, 50]);
    expect(pages.flatMap((p) => p.hrefs)).toEqual(hrefsWhere(() => true));
  });

  it("splits each source's page, following its own URL", async () => {
    const afp = await walk("/sources/afp/");
    expect(afp.map((p) => p.url)).toEqual(["/sources/afp/", "/sources/afp/page/1/"]);
    expect(afp.map((p) => p.hrefs.length)).toEqual([30, 50]);
    expect(afp.flatMap((p) => p.hrefs)).toEqual(hrefsWhere((i) => i % 2 === 0));
    const aj = await walk("/sources/al-jazeera/");
    expect(aj.flatMap((p) => p.hrefs)).toEqual(hrefsWhere((i) => i % 2 === 1));
    expect(aj[1]!.doc.querySelector("h1")?.textContent).toBe("Al Jazeera");
  });

  it("splits a month's page, and leaves a short month on one page without a pager", async () => {
    const september = await walk("/archive/2013/09/");
    expect(september.map((p) => p.url)).toEqual(["/archive/2013/09/", "/archive/2013/09/page/1/"]);
    expect(september.flatMap((p) => p.hrefs)).toEqual(hrefsWhere((i) => i < 110));
    const august = await walk("/archive/2013/08/");
    expect(august).toHaveLength(1);
    expect(august[0]!.hrefs).toEqual(hrefsWhere((i) => i >= 110));
    expect(august[0]!.doc.querySelector("nav.pager")).toBeNull();
  });

  it("splits the stories index into pages of 50 counted from the oldest, every story exactly once, with its own pager", async () => {
    const pages = await walk("/stories/");
    expect(pages.map((p) => p.url)).toEqual(["/stories/", "/stories/page/1/"]);
    const storyLinks = pages.map((p) => [...p.doc.querySelectorAll(".teaser__headline a")].map((a) => a.textContent));
    expect(storyLinks.map((l) => l.length)).toEqual([30, 50]);
    expect(storyLinks.flat()).toEqual(stories.map((s) => s.title));
    const second = pages[1]!.doc;
    expect(second.querySelector("nav.pager")?.textContent).toContain("Stories 1–50 counted from the oldest · page 1");
    expect(pages[0]!.doc.querySelector("nav.pager")?.textContent).toContain("Stories: latest 30 of 80, newest first");
    expect(second.querySelector("title")?.textContent).toBe("Stories, page 1 · Wire Archive");
    // Numbered down from the page's newest, as counted from the oldest: 50 .. 1.
    expect(second.querySelector("ol.report-list")?.getAttribute("start")).toBe("50");
    expect(second.querySelector("ol.report-list")?.hasAttribute("reversed")).toBe(true);
    expect(pages[0]!.doc.querySelector("title")?.textContent).toBe("Stories · Wire Archive");
  });

  it("gives a middle page a pager with newer, older, the current page and the range shown, and no archive total", async () => {
    const doc = await site.html("/page/2/");
    const nav = doc.querySelector('nav[aria-label="Pages"]')!;
    expect(nav).not.toBeNull();
    expect(nav.querySelector('a[rel="prev"]')?.textContent).toContain("Newer");
    expect(nav.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe("/");
    expect(nav.querySelector('a[rel="next"]')?.getAttribute("href")).toBe("/page/1/");
    const current = [...nav.querySelectorAll('[aria-current="page"]')];
    expect(current.map((a) => [a.getAttribute("href"), a.textContent])).toEqual([["/page/2/", "Page 2"]]);
    expect([...nav.querySelectorAll("a.pager__page")].map((a) => [a.getAttribute("href"), a.textContent])).toEqual([
      ["/", "Latest"],
      ["/page/2/", "Page 2"],
      ["/page/1/", "Page 1"],
    ]);
    // Positions 51-100 from the oldest: gen-109 (the 51st oldest of 160) down to gen-60.
    expect(nav.textContent).toContain("Reports 51–100 counted from the oldest · page 2");
    expect(doc.querySelector(".lede")?.textContent).toContain("Reports 51–100, counted from the oldest; newest first.");
    expect(doc.querySelector(".teaser__headline a")?.getAttribute("href")).toBe(hrefOf(60));
    expect(doc.body.textContent).not.toContain("160");
    expect(doc.querySelector('head link[rel="prev"]')?.getAttribute("href")).toBe("/");
    expect(doc.querySelector('head link[rel="next"]')?.getAttribute("href")).toBe("/page/1/");
    expect(doc.querySelector("title")?.textContent).toBe("Earlier reports, page 2 · Wire Archive");
    expect(doc.querySelector("h1")?.textContent).toBe("Earlier reports");
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${BASE}page/2/`);
    expect(doc.querySelector("ol.report-list")?.getAttribute("start")).toBe("100");
  });

  it("has no previous link on the first page and no next link on the last", async () => {
    const first = await site.html("/");
    expect(first.querySelector('a[rel="prev"], link[rel="prev"]')).toBeNull();
    expect(first.querySelector('head link[rel="next"]')?.getAttribute("href")).toBe("/page/2/");
    expect(first.querySelector("title")?.textContent).toBe("Wire Archive");
    expect(first.querySelector("h1")?.textContent).toBe("Latest reports");
    expect(first.querySelector(".lede")?.textContent).toContain("160 reports from 2 sources: the latest 60 here, newest first.");
    const last = await site.html("/page/1/");
    expect(last.querySelector('a[rel="next"], link[rel="next"]')).toBeNull();
    expect(last.querySelector('.pager [aria-current="page"]')?.getAttribute("href")).toBe("/page/1/");
  });

  it("lists later pages in the sitemap", async () => {
    const doc = await site.xml("/sitemap.xml");
    const locs = [...doc.getElementsByTagName("loc")].map((l) => l.textContent);
    for (const p of ["", "page/2/", "page/1/", "sources/afp/page/1/", "sources/al-jazeera/page/1/", "archive/2013/09/page/1/", "stories/page/1/", "timeline/2013/09/", "timeline/2013/09/10/page/2/"]) {
      expect(locs).toContain(`${BASE}${p}`);
    }
    expect(locs).not.toContain(`${BASE}page/3/`);
  });

  it("splits a long timeline by year, month and day, every event once and in order along the pager", async () => {
    const pages = await walk("/timeline/", ".tl-pager");
    expect(pages.map((p) => p.url)).toEqual([
      "/timeline/",
      "/timeline/2012/",
      "/timeline/2013/",
      "/timeline/2013/08/",
      "/timeline/2013/09/10/",
      "/timeline/2013/09/10/page/2/",
      "/timeline/2013/09/11/",
    ]);
    const ids = pages.map((p) => [...p.doc.querySelectorAll("li.tl-event")].map((li) => li.id));
    expect(ids.map((list) => list.length)).toEqual([0, 1, 1, 2, 100, 1, 3]);
    expect(ids.flat()).toEqual(events.map((e) => e.id));
    const lede = (doc: Document) => doc.querySelector(".tl-intro .lede")?.textContent?.replace(/\s+/g, " ").trim();
    expect(lede(pages[4]!.doc)).toMatch(/^100 dated events the reports tell of on Tuesday 10 September 2013 \(part 1 of 2\), oldest first\./);
    expect(lede(pages[2]!.doc)).toMatch(/^1 event the reports tell of dated only to 2013, not to a month: each month has a page of its own, listed above\./);
  });

  it("lists a month's days on its index and on each day's page, the current day and month marked", async () => {
    const days = (doc: Document) =>
      [...doc.querySelectorAll("nav.tl-days-nav li")].map((li) => {
        const a = li.querySelector("a")!;
        return [a.getAttribute("href"), a.textContent, a.getAttribute("aria-current"), li.querySelector(".tl-index__count")?.textContent ?? null];
      });
    const month = await site.html("/timeline/2013/09/");
    expect(month.querySelector("h1")?.textContent).toBe("Timeline, September 2013");
    expect(month.querySelector(".tl-note")?.textContent).toContain("September 2013 is busy, so it is split by day");
    expect(days(month)).toEqual([
      ["/timeline/2013/09/10/", "10Tuesday 10 September 2013", null, "101"],
      ["/timeline/2013/09/11/", "11Wednesday 11 September 2013", null, "3"],
    ]);
    const second = await site.html("/timeline/2013/09/10/page/2/");
    expect(days(second)).toEqual([
      ["/timeline/2013/09/10/", "10Tuesday 10 September 2013", "page", null],
      ["/timeline/2013/09/11/", "11Wednesday 11 September 2013", null, null],
    ]);
    expect([...second.querySelectorAll('.tl-index__months a[aria-current="page"]')].map((a) => a.getAttribute("href"))).toEqual(["/timeline/2013/09/"]);
    // A month that fits keeps one page, without a list of days.
    expect((await site.html("/timeline/2013/08/")).querySelector("nav.tl-days-nav")).toBeNull();
  });

  it("links a dated sentence on an article page to its event on that event's day", async () => {
    const doc = await site.html("/articles/gen-0/");
    expect([...doc.querySelectorAll("a.tl-ref")].map((a) => a.getAttribute("href"))).toEqual(["/timeline/2013/09/11/#sep11-0", "/timeline/2013/09/11/#sep11-1", "/timeline/2013/09/11/#sep11-2"]);
  });

  it("caps the whole-archive feed at the newest 100 entries; a source of 80 keeps all", async () => {
    const atom = await site.xml("/feed.xml");
    const entries = childrenNamed(atom.documentElement, "entry");
    expect(entries).toHaveLength(100);
    expect(childrenNamed(entries[0]!, "title")[0]?.textContent).toBe("Generated report number 0");
    expect(childrenNamed(entries[99]!, "title")[0]?.textContent).toBe("Generated report number 99");
    expect((await site.json("/feed.json")).items).toHaveLength(100);
    expect((await site.json("/sources/afp/feed.json")).items).toHaveLength(80);
  });

  it("has no broken internal links", () => {
    const result = checkLinks(site.outDir, { baseUrl: BASE });
    expect(result.broken).toEqual([]);
    expect(result.pages).toBeGreaterThan(N);
  });
});

describe.skipIf(!shouldRunBrowserTests())("pager in a browser", () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer(site.outDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [colorScheme, width] of [["light", 1280], ["dark", 1280], ["light", 360]] as const) {
    it(`a middle page has no axe violations and no sideways overflow (${colorScheme}, ${width}px)`, async () => {
      await checkPage(browser, `${server.url}/page/2/`, { colorScheme, width, height: 800 }, async (page) => {
        // Older is a real link that leads to page 1.
        await page.click('.pager a[rel="next"]');
        expect(new URL(page.url()).pathname).toBe("/page/1/");
      });
    });
  }

  for (const width of [1280, 360]) {
    it(`a timeline day's page has no axe violations and no sideways overflow (${width}px)`, async () => {
      await checkPage(browser, `${server.url}/timeline/2013/09/10/page/2/`, { colorScheme: "light", width, height: 800 }, async (page) => {
        await page.click('.tl-days-nav a[href="/timeline/2013/09/11/"]');
        expect(new URL(page.url()).pathname).toBe("/timeline/2013/09/11/");
      });
    });
  }

  it("a timeline month's index (its days with counts) has no axe violations and no sideways overflow on a phone (360px)", async () => {
    await checkPage(browser, `${server.url}/timeline/2013/09/`, { colorScheme: "dark", width: 360, height: 800 }, async (page) => {
      await page.click('.tl-days-nav a[href="/timeline/2013/09/10/"]');
      expect(new URL(page.url()).pathname).toBe("/timeline/2013/09/10/");
    });
  });

  it("the stories index's last page has no axe violations and no sideways overflow on a phone (360px)", async () => {
    await checkPage(browser, `${server.url}/stories/page/1/`, { colorScheme: "light", width: 360, height: 800 }, async (page) => {
      await page.click('.pager a[rel="prev"]');
      expect(new URL(page.url()).pathname).toBe("/stories/");
    });
  });
});
