/**
 * Splits a long list (the home page's reports, a source's, a month's) into pages of a fixed size, so no
 * page of a 10,000-report archive lists 10,000 teasers. Page 1 keeps the list's own URL; later pages
 * live under it at `page/N/`. Each page carries what its pager needs (previous/next, a short window of
 * page numbers, "51–100 of 10,000") so templates only print.
 */
import { formatCount } from "../util/format-count.ts";

/** Teasers per list page: short enough to load fast on a phone, long enough to skim. */
export const LIST_PAGE_SIZE = 50;

/** Page numbers shown either side of the current one in the pager (first and last are always shown). */
export const PAGER_RADIUS = 2;

/**
 * One slot of the pager: a page link, or a gap standing for pages left out. `outer` marks the outermost
 * number beside a gap, which narrow screens may hide (the gap still says pages are left out there).
 */
export type PagerSlot = { gap: false; number: number; href: string; current: boolean; outer: boolean } | { gap: true };

export interface ListPage<T> {
  /** URL of page 1 of the list, e.g. "/sources/afp/". */
  basePath: string;
  /** This page's URL: the base path for page 1, `<base>page/N/` after. */
  path: string;
  /** 1-based. */
  number: number;
  /** How many pages the list has (at least 1: an empty list still has its page). */
  count: number;
  items: T[];
  /** Items in the whole list. */
  total: number;
  /** 1-based position in the whole list of this page's first and last item; 0 and 0 on an empty list. */
  start: number;
  end: number;
  /** "51–100 of 10,000" (en dash, thousands separated); "0 of 0" for an empty list. */
  rangeLabel: string;
  prev: string | null;
  next: string | null;
  firstHref: string;
  lastHref: string;
  slots: PagerSlot[];
}

/** URL of page `n` of the list at `basePath` ("/" -> "/page/2/"). */
export function listPagePath(basePath: string, n: number): string {
  const base = basePath.endsWith("/") ? basePath : `${basePath}/`;
  return n <= 1 ? base : `${base}page/${n}/`;
}

/**
 * The page numbers a pager shows: first, last, and `radius` either side of `current`, in order, with
 * null where pages are left out. A gap of a single page shows that page instead: "1 … 3" says less
 * than "1 2 3" in the same room.
 */
export function pagerWindow(current: number, count: number, radius: number = PAGER_RADIUS): Array<number | null> {
  if (count < 1) return [];
  const at = Math.min(Math.max(1, current), count);
  const shown = new Set<number>([1, count]);
  for (let n = at - radius; n <= at + radius; n++) if (n >= 1 && n <= count) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const n of sorted) {
    const prev = out.length ? (out[out.length - 1] as number) : null;
    if (prev !== null && n - prev === 2) out.push(prev + 1);
    else if (prev !== null && n - prev > 2) out.push(null);
    out.push(n);
  }
  return out;
}

/**
 * The list as pages of `pageSize` items, in the list's order. An empty list gives one empty page (the
 * list's URL must still exist, to say it is empty). A page size below 1 is read as 1.
 */
export function paginate<T>(items: readonly T[], basePath: string, pageSize: number = LIST_PAGE_SIZE): Array<ListPage<T>> {
  const size = Math.max(1, Math.floor(Number.isFinite(pageSize) ? pageSize : LIST_PAGE_SIZE));
  const total = items.length;
  const count = Math.max(1, Math.ceil(total / size));
  const href = (n: number) => listPagePath(basePath, n);
  const pages: Array<ListPage<T>> = [];
  for (let number = 1; number <= count; number++) {
    const from = (number - 1) * size;
    const pageItems = items.slice(from, from + size);
    const start = pageItems.length ? from + 1 : 0;
    const end = pageItems.length ? from + pageItems.length : 0;
    pages.push({
      basePath: href(1),
      path: href(number),
      number,
      count,
      items: pageItems,
      total,
      start,
      end,
      rangeLabel: total ? `${formatCount(start)}–${formatCount(end)} of ${formatCount(total)}` : "0 of 0",
      prev: number > 1 ? href(number - 1) : null,
      next: number < count ? href(number + 1) : null,
      firstHref: href(1),
      lastHref: href(count),
      slots: pagerSlots(number, count, href),
    });
  }
  return pages;
}

function pagerSlots(current: number, count: number, href: (n: number) => string): PagerSlot[] {
  const window = pagerWindow(current, count);
  return window.map((n, i): PagerSlot => {
    if (n === null) return { gap: true };
    const besideGap = (n < current && window[i - 1] === null) || (n > current && window[i + 1] === null);
    return { gap: false, number: n, href: href(n), current: n === current, outer: besideGap && Math.abs(n - current) > 1 };
  });
}
