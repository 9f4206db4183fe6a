/**
 * The timeline's year/month index on a part of a long timeline: the part's own year (with its months)
 * stays in view and the other years fold into a disclosure, so a phone reaches the events first; a
 * short index and the index page show every year. Renders layouts/_includes/timeline-index.njk alone.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/seeds.ts";

// Eleventy's own Nunjucks (no types of its own here).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const nunjucks: any = createRequire(import.meta.url)("nunjucks");
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(REPO_ROOT, "layouts/_includes")), { autoescape: true });
env.addFilter("timelineCount", (n: number) => n.toLocaleString("en-US"));

const yearsFrom = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const year = String(first + i);
    return { year, href: `/timeline/${year}/`, months: [{ label: "Jan", long: `January ${year}`, href: `/timeline/${year}/01/`, indexKey: `${year}/01/`, count: 3 }] };
  });

function render(tlpage: { index: ReturnType<typeof yearsFrom>; year: string | null; indexKey: string | null }) {
  const { document } = parseHTML(`<html><body>${env.render("timeline-index.njk", { tlpage })}</body></html>`);
  const nav = document.querySelector("nav.tl-index")!;
  const shown = [...nav.querySelectorAll(":scope > ul > li.tl-index__year > a.tl-index__year-link")].map((a) => a.textContent);
  const folded = [...nav.querySelectorAll("details.tl-index__more li.tl-index__year > a.tl-index__year-link")].map((a) => a.textContent);
  return { nav, shown, folded, summary: nav.querySelector("details.tl-index__more > summary")?.textContent?.trim() };
}

describe("timeline year index", () => {
  it("on a part of a long timeline shows its own year and months and folds the other years", () => {
    const { nav, shown, folded, summary } = render({ index: yearsFrom(1990, 30), year: "2009", indexKey: "2009/01/" });
    expect(shown).toEqual(["2009"]);
    expect(folded).toHaveLength(29);
    expect(folded).not.toContain("2009");
    expect(summary).toBe("Other years (29)");
    // The part's months are spelled out and the current one marked; folded years list no months.
    const current = nav.querySelector('.tl-index__months a[aria-current="page"]');
    expect(current?.getAttribute("href")).toBe("/timeline/2009/01/");
    expect(nav.querySelectorAll(".tl-index__months")).toHaveLength(1);
  });

  it("shows every year when there are few, and on the index page", () => {
    expect(render({ index: yearsFrom(2005, 12), year: "2009", indexKey: "2009/01/" })).toMatchObject({ folded: [], summary: undefined });
    const index = render({ index: yearsFrom(1990, 30), year: null, indexKey: null });
    expect(index.shown).toHaveLength(30);
    expect(index.folded).toEqual([]);
  });
});
