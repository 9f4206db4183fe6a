/**
 * The timeline's year/month index when the timeline spans many years: a page of one year lists its
 * own year (with its months) and the years near it, and links to the index page for the rest; a short
 * span and the index page list every year. The model (src/site/timeline-page.ts) on hand-made events,
 * and layouts/_includes/timeline-index.njk rendered alone from its page views.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { buildTimelineModel, type TimelinePageView } from "../../src/site/timeline-page.ts";
import type { TimelineEvent } from "../../src/timeline/types.ts";
import { REPO_ROOT } from "../helpers/seeds.ts";
import { formatCount } from "../../src/util/format-count.ts";
import { record } from "./records.ts";

// Eleventy's own Nunjucks (no types of its own here).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const nunjucks: any = createRequire(import.meta.url)("nunjucks");
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(REPO_ROOT, "layouts/_includes")), { autoescape: true });
env.addFilter("count", formatCount);

/** One event on 5 March of each year from `first`, `count` years, more than fit on one page. */
function pagesOver(first: number, count: number): TimelinePageView[] {
  const events: TimelineEvent[] = Array.from({ length: count }, (_, i) => {
    const date = `${first + i}-03-05`;
    return { id: `e${first + i}`, date, precision: "day", text: `Event of ${first + i}`, sources: [{ articleId: "a", blockIndex: 0, quote: "x", expression: date }] };
  });
  const records = [record("a", "AP", "2020-01-01", ["x"])];
  return buildTimelineModel({ records, timeline: { events } }, 2).pages.filter((p) => !p.source);
}

const page = (pages: TimelinePageView[], url: string) => pages.find((p) => p.url === url)!;
const years = (p: TimelinePageView) => p.index.map((y) => y.year);

function render(tlpage: TimelinePageView) {
  const { document } = parseHTML(`<html><body>${env.render("timeline-index.njk", { tlpage })}</body></html>`);
  const nav = document.querySelector("nav.tl-index")!;
  return {
    years: [...nav.querySelectorAll("a.tl-index__year-link")].map((a) => a.textContent),
    months: [...nav.querySelectorAll(".tl-index__months a")].map((a) => [a.getAttribute("href"), a.getAttribute("aria-current")]),
    all: nav.querySelector(".tl-index__all a") && [nav.querySelector(".tl-index__all a")!.getAttribute("href"), nav.querySelector(".tl-index__all a")!.textContent],
  };
}

describe("timeline year index over many years", () => {
  const pages = pagesOver(1990, 30);

  it("lists a year's page with the five years either side and a link to every year", () => {
    const p2009 = page(pages, "/timeline/2009/");
    expect(years(p2009)).toEqual(["2004", "2005", "2006", "2007", "2008", "2009", "2010", "2011", "2012", "2013", "2014"]);
    expect(p2009.allYears).toEqual({ href: "/timeline/", label: "All years" });
    // At the ends, the window is cut short rather than shifted.
    expect(years(page(pages, "/timeline/1990/"))).toEqual(["1990", "1991", "1992", "1993", "1994", "1995"]);
    expect(years(page(pages, "/timeline/2019/"))).toEqual(["2014", "2015", "2016", "2017", "2018", "2019"]);
  });

  it("gives a year's pages one shared list of the years near it (a rebuild's page keys write it out once)", () => {
    const events: TimelineEvent[] = [...Array.from({ length: 30 }, (_, i) => 1990 + i), 2009, 2009].map((year, i) => {
      const date = `${year}-${String(3 + (i >= 30 ? 4 * (i - 29) : 0)).padStart(2, "0")}-05`;
      return { id: `e${i}`, date, precision: "day", text: `Event ${i}`, sources: [{ articleId: "a", blockIndex: 0, quote: "x", expression: date }] };
    });
    const all = buildTimelineModel({ records: [record("a", "AP", "2020-01-01", ["x"])], timeline: { events } }, 2).pages.filter((p) => !p.source);
    // 2009 holds three events (March, July, November), more than a page of two: a page a month.
    const of2009 = all.filter((p) => /^\/timeline\/2009\/\d\d\/$/.test(p.url));
    expect(of2009.map((p) => p.url)).toEqual(["/timeline/2009/03/", "/timeline/2009/07/", "/timeline/2009/11/"]);
    expect(years(of2009[0]!)).toEqual(["2004", "2005", "2006", "2007", "2008", "2009", "2010", "2011", "2012", "2013", "2014"]);
    expect(of2009[1]!.index).toBe(of2009[0]!.index);
    expect(of2009[2]!.index).toBe(of2009[0]!.index);
  });

  it("lists every year on the index page, and on every page of a short span", () => {
    const index = page(pages, "/timeline/");
    expect(index.index).toHaveLength(30);
    expect(index.allYears).toBeNull();
    const short = pagesOver(2000, 12);
    expect(years(page(short, "/timeline/2005/"))).toHaveLength(12);
    expect(page(short, "/timeline/2005/").allYears).toBeNull();
  });

  it("prints the near years, the page's own months marked, and the link to all years", () => {
    const html = render(page(pages, "/timeline/2009/"));
    expect(html.years).toHaveLength(11);
    expect(html.months).toEqual([["/timeline/2009/#m-2009-03", "page"]]);
    expect(html.all).toEqual(["/timeline/", "All years"]);
    expect(render(page(pages, "/timeline/")).all).toBeNull();
  });

  it("keeps a year's page as it was when a year far from it is added", () => {
    const later = pagesOver(1990, 31);
    expect(JSON.stringify(page(later, "/timeline/1995/"))).toBe(JSON.stringify(page(pages, "/timeline/1995/")));
  });
});
