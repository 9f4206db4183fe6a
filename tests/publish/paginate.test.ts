/** Page-chunking of long lists, counted from their oldest end (src/export/paginate.ts). Expected values worked out by hand. */
import { describe, expect, it } from "vitest";
import { listPagePath, numberedPageCount, paginate, pagerWindow } from "../../src/export/paginate.ts";

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("listPagePath", () => {
  it("keeps the list's URL for the front page and nests numbered pages under it", () => {
    expect(listPagePath("/", null)).toBe("/");
    expect(listPagePath("/", 1)).toBe("/page/1/");
    expect(listPagePath("/sources/afp/", 12)).toBe("/sources/afp/page/12/");
    expect(listPagePath("/archive/2013/09", 3)).toBe("/archive/2013/09/page/3/");
  });
});

describe("numberedPageCount", () => {
  it("leaves the front page between half a page and one and a half pages", () => {
    // Pages of 50: up to 74 items fit the front page; at 75, 50 go to page 1 and 25 stay in front.
    expect([0, 1, 50, 74, 75, 124, 125, 10_042].map((n) => numberedPageCount(n, 50))).toEqual([0, 0, 0, 0, 1, 1, 2, 200]);
    expect([1, 2, 3].map((n) => numberedPageCount(n, 1))).toEqual([0, 1, 2]);
  });
});

describe("paginate", () => {
  it("gives an empty list one empty front page at the list's URL", () => {
    const pages = paginate([], "/", 50);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ path: "/", front: true, number: null, paged: false, items: [], total: 0, start: 0, end: 0, prev: null, next: null, rangeLabel: "0 of 0" });
    expect(pages[0]!.slots).toEqual([{ gap: false, number: null, href: "/", current: true, outer: false }]);
  });

  it("keeps a list of up to one and a half pages on its front page", () => {
    const pages = paginate(range(74), "/sources/afp/", 50);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ path: "/sources/afp/", front: true, paged: false, total: 74, start: 1, end: 74, prev: null, next: null });
    expect(pages[0]!.items).toEqual(range(74));
  });

  it("moves the oldest page's worth to page 1 at one and a half pages", () => {
    // The list is newest first: item 75 is the newest, item 1 the oldest.
    const newestFirst = range(75).reverse();
    const pages = paginate(newestFirst, "/sources/afp/", 50);
    expect(pages.map((p) => p.path)).toEqual(["/sources/afp/", "/sources/afp/page/1/"]);
    expect(pages[0]).toMatchObject({ front: true, number: null, paged: true, total: 75, start: 51, end: 75, rangeLabel: "latest 25 of 75", prev: null, next: "/sources/afp/page/1/" });
    expect(pages[0]!.items).toEqual(range(75).slice(50).reverse());
    expect(pages[1]).toMatchObject({ front: false, number: 1, paged: true, total: null, start: 1, end: 50, rangeLabel: "1–50", prev: "/sources/afp/", next: null });
    expect(pages[1]!.items).toEqual(range(50).reverse());
  });

  it("puts every item on exactly one page, in the list's order, numbered pages full", () => {
    const items = range(123);
    const pages = paginate(items, "/", 10);
    // 123 items in pages of 10: 11 numbered pages of 10 (the oldest 110), 13 on the front page.
    expect(pages).toHaveLength(12);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(pages.slice(1).every((p) => p.items.length === 10)).toBe(true);
    expect(pages[0]!.items).toEqual(range(13));
    expect(pages.map((p) => p.number)).toEqual([null, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it("keeps every numbered page as it was when newer items are added", () => {
    const before = paginate(range(10_000).reverse(), "/", 50);
    const after = paginate(range(10_042).reverse(), "/", 50);
    const numbered = (pages: typeof before) => new Map(pages.filter((p) => !p.front).map((p) => [p.path, p]));
    const was = numbered(before);
    const now = numbered(after);
    // 10,000 -> 199 numbered pages and 50 in front; 10,042 -> 200 and 42 in front: one page more.
    expect([was.size, now.size]).toEqual([199, 200]);
    expect(after[0]!.items).toHaveLength(42);
    // The pages near the newest end show the new page in their pager; every other page is the same.
    const changed = [...was].filter(([url, page]) => JSON.stringify(now.get(url)) !== JSON.stringify(page)).map(([url]) => url);
    expect(changed).toEqual(["/page/199/", "/page/198/", "/page/197/", "/page/196/"]);
    expect(now.get("/page/199/")!.items).toEqual(was.get("/page/199/")!.items);
  });

  it("labels numbered pages' ranges from the oldest, with an en dash and thousands separators", () => {
    const pages = paginate(range(10_000).reverse(), "/", 50);
    expect(pages).toHaveLength(200);
    expect(pages[0]!.rangeLabel).toBe("latest 50 of 10,000");
    expect(pages[1]!.rangeLabel).toBe("9,901–9,950");
    expect(pages[199]!.rangeLabel).toBe("1–50");
  });

  it("reads a page size below 1 as 1 rather than failing", () => {
    expect(paginate(["b", "a"], "/", 0).map((p) => p.items)).toEqual([["b"], ["a"]]);
  });

  it("gives the pager the front page, page 1 and two pages either side of the current one, in reading order", () => {
    // 100 items in pages of 10: the front (10 items) then pages 9 down to 1.
    const page5 = paginate(range(100), "/archive/2013/09/", 10).find((p) => p.number === 5)!;
    const links = page5.slots.filter((s) => !s.gap);
    expect(links.filter((s) => !s.gap && s.current)).toEqual([{ gap: false, number: 5, href: "/archive/2013/09/page/5/", current: true, outer: false }]);
    // 9 and 8 are a gap; 2 alone would be one, so it is shown.
    expect(page5.slots.map((s) => (s.gap ? "…" : (s.number ?? "front")))).toEqual(["front", "…", 7, 6, 5, 4, 3, 2, 1]);
    expect(links[0]).toMatchObject({ number: null, href: "/archive/2013/09/" });
  });
});

describe("pager slots", () => {
  it("marks as outer only the pages two away from the current one that stand beside a gap", () => {
    // Pages of one item: a list of `count` items has the front page and count - 1 numbered pages.
    const outer = (number: number | null, count: number) =>
      paginate(range(count), "/", 1).find((p) => p.number === number)!.slots.flatMap((s) => (!s.gap && s.outer ? [s.number] : []));
    // front … 103 102 [101] 100 99 … 1: 103 and 99 may go.
    expect(outer(101, 200)).toEqual([103, 99]);
    // front 199 198 [197] 196 195 … 1: 199 stands beside the front, not a gap.
    expect(outer(197, 200)).toEqual([195]);
    expect(outer(null, 200)).toEqual([198]);
    expect(outer(1, 3)).toEqual([]);
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
