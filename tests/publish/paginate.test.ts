/** Page-chunking of long report lists (src/export/paginate.ts). Expected values worked out by hand. */
import { describe, expect, it } from "vitest";
import { listPagePath, paginate, pagerWindow } from "../../src/export/paginate.ts";

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("listPagePath", () => {
  it("keeps the list's URL for page 1 and nests later pages under it", () => {
    expect(listPagePath("/", 1)).toBe("/");
    expect(listPagePath("/", 2)).toBe("/page/2/");
    expect(listPagePath("/sources/afp/", 12)).toBe("/sources/afp/page/12/");
    expect(listPagePath("/archive/2013/09", 3)).toBe("/archive/2013/09/page/3/");
  });
});

describe("paginate", () => {
  it("gives an empty list one empty page at the list's URL", () => {
    const pages = paginate([], "/", 50);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ path: "/", number: 1, count: 1, items: [], total: 0, start: 0, end: 0, prev: null, next: null, rangeLabel: "0 of 0" });
    expect(pages[0]!.slots).toEqual([{ gap: false, number: 1, href: "/", current: true, outer: false }]);
  });

  it("keeps a list of exactly one page's size on one page", () => {
    const pages = paginate(range(50), "/sources/afp/", 50);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ path: "/sources/afp/", count: 1, start: 1, end: 50, prev: null, next: null, rangeLabel: "1–50 of 50" });
    expect(pages[0]!.items).toEqual(range(50));
  });

  it("starts a second page at one item past the page size", () => {
    const pages = paginate(range(51), "/sources/afp/", 50);
    expect(pages.map((p) => p.path)).toEqual(["/sources/afp/", "/sources/afp/page/2/"]);
    expect(pages[1]).toMatchObject({ number: 2, count: 2, items: [51], start: 51, end: 51, prev: "/sources/afp/", next: null, rangeLabel: "51–51 of 51" });
    expect(pages[0]).toMatchObject({ next: "/sources/afp/page/2/", prev: null, lastHref: "/sources/afp/page/2/" });
  });

  it("puts every item on exactly one page, in order, none over the page size", () => {
    const items = range(123);
    const pages = paginate(items, "/", 10);
    expect(pages).toHaveLength(13);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(Math.max(...pages.map((p) => p.items.length))).toBe(10);
    expect(pages[12]!.items).toEqual([121, 122, 123]);
  });

  it("labels ranges with an en dash and thousands separators", () => {
    const pages = paginate(range(10_000), "/", 50);
    expect(pages).toHaveLength(200);
    expect(pages[1]!.rangeLabel).toBe("51–100 of 10,000");
    expect(pages[199]!.rangeLabel).toBe("9,951–10,000 of 10,000");
  });

  it("reads a page size below 1 as 1 rather than failing", () => {
    expect(paginate(["a", "b"], "/", 0).map((p) => p.items)).toEqual([["a"], ["b"]]);
  });

  it("marks only the current page in its pager slots, with hrefs", () => {
    const page3 = paginate(range(100), "/archive/2013/09/", 10)[2]!;
    const links = page3.slots.filter((s) => !s.gap);
    expect(links.filter((s) => !s.gap && s.current)).toEqual([{ gap: false, number: 3, href: "/archive/2013/09/page/3/", current: true, outer: false }]);
    expect(links.map((s) => !s.gap && s.href)).toEqual([
      "/archive/2013/09/",
      "/archive/2013/09/page/2/",
      "/archive/2013/09/page/3/",
      "/archive/2013/09/page/4/",
      "/archive/2013/09/page/5/",
      "/archive/2013/09/page/10/",
    ]);
  });
});

describe("pager slots", () => {
  it("marks as outer only the numbers two away from the current page that stand beside a gap", () => {
    const outer = (current: number, count: number) =>
      paginate(range(count), "/", 1)[current - 1]!.slots.flatMap((s) => (!s.gap && s.outer ? [s.number] : []));
    // 1 … 98 99 [100] 101 102 … 200: 98 and 102 may go, leaving 1 … 99 100 101 … 200.
    expect(outer(100, 200)).toEqual([98, 102]);
    // 1 2 3 [4] 5 6 … 200: 2 stands beside page 1, not a gap, so hiding it would hide a jump.
    expect(outer(4, 200)).toEqual([6]);
    expect(outer(1, 200)).toEqual([3]);
    expect(outer(2, 3)).toEqual([]);
  });
});

describe("pagerWindow", () => {
  it("shows first, last and two either side of the current page, with gaps", () => {
    expect(pagerWindow(100, 200)).toEqual([1, null, 98, 99, 100, 101, 102, null, 200]);
    expect(pagerWindow(1, 200)).toEqual([1, 2, 3, null, 200]);
    expect(pagerWindow(200, 200)).toEqual([1, null, 198, 199, 200]);
  });

  it("shows a single left-out page instead of a gap", () => {
    // 1 and 3..7 around 5: page 2 alone would be a gap, so it is shown.
    expect(pagerWindow(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 10]);
    expect(pagerWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("handles one and two pages, and clamps out-of-range current pages", () => {
    expect(pagerWindow(1, 1)).toEqual([1]);
    expect(pagerWindow(2, 2)).toEqual([1, 2]);
    expect(pagerWindow(9, 3)).toEqual([1, 2, 3]);
    expect(pagerWindow(1, 0)).toEqual([]);
  });
});
