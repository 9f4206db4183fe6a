/**
 * Splits a long list (the home page's reports, a source's, a month's, an entity's, the stories) into
 * pages, so no page of a 10,000-report archive lists 10,000 teasers.
 *
 * The pages are counted from the list's old end, and only its newest items sit on the list's own URL
 * (the front page): `page/1/` holds the oldest reports, `page/2/` the next oldest, and so on. A page
 * then keeps its reports as reports are added (most are newer than all before them), so a link to a
 * page cites the same reports next year, and a rebuild after an add renders the front page again, not
 * every page of every list the report joins (200 pages of the home list at 10,000 reports, counted
 * from the new end). A numbered page prints nothing that depends on the list's length: the front page
 * says how many there are. Each page carries what its pager needs (newer/older, a short window of
 * pages), so templates only print.
 */
import { formatCount } from "../util/format-count.ts";

/** Teasers per list page: short enough to load fast on a phone, long enough to skim. */
export const LIST_PAGE_SIZE = 50;

/** Pages shown either side of the current one in the pager (the front and page 1 are always shown). */
export const PAGER_RADIUS = 2;

/**
 * One slot of the pager, in reading order (the front, then the numbered pages down to 1): a page link,
 * or a gap standing for pages left out. `number` is null for the front. `outer` marks the outermost
 * page beside a gap, which narrow screens may hide (the gap still says pages are left out there).
 */
export type PagerSlot = { gap: false; number: number | null; href: string; current: boolean; outer: boolean } | { gap: true };

export interface ListPage<T> {
  /** URL of the front page, the list's own, e.g. "/sources/afp/". */
  basePath: string;
  /** This page's URL: the base path for the front page, `<base>page/N/` for page N. */
  path: string;
  /** The front page: the list's newest items, at its own URL. */
  front: boolean;
  /** Numbered pages: 1-based, page 1 holding the oldest items. The front page: null. */
  number: number | null;
  /** Whether the list has numbered pages besides the front page (and so a pager). */
  paged: boolean;
  /** In the list's order (newest first). */
  items: T[];
  /** Items in the whole list, on the front page; null on numbered pages, which must not change as the list grows. */
  total: number | null;
  /** 1-based positions of this page's items counted from the list's old end (last and first item); 0 and 0 on an empty list. */
  start: number;
  end: number;
  /** Numbered pages: "1,801–1,850" (en dash, thousands separated); the front: "latest 42 of 10,042", or "0 of 0". */
  rangeLabel: string;
  /** The page before in reading order (newer items), and the page after (older items). */
  prev: string | null;
  next: string | null;
  slots: PagerSlot[];
}

/** URL of page `n` of the list at `basePath` ("/" -> "/page/2/"); of its front page for null. */
export function listPagePath(basePath: string, n: number | null): string {
  const base = basePath.endsWith("/") ? basePath : `${basePath}/`;
  return n === null ? base : `${base}page/${n}/`;
}

/**
 * The positions (1-based, in reading order) a pager shows: first, last, and `radius` either side of
 * `current`, in order, with null where pages are left out. A gap of a single page shows that page
 * instead: "1 … 3" says less than "1 2 3" in the same room.
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
 * How many numbered pages a list of `total` items has: full pages counted from its old end, leaving
 * the front page between half a page and one and a half pages of the newest items.
 */
export function numberedPageCount(total: number, size: number): number {
  return Math.max(0, Math.floor((total - Math.ceil(size / 2)) / size));
}

/**
 * The list (newest first) as its front page, then its numbered pages from the newest (the highest
 * number) down to page 1, the oldest. An empty list gives one empty front page (the list's URL must
 * still exist, to say it is empty). A page size below 1 is read as 1.
 */
export function paginate<T>(items: readonly T[], basePath: string, pageSize: number = LIST_PAGE_SIZE): Array<ListPage<T>> {
  const size = Math.max(1, Math.floor(Number.isFinite(pageSize) ? pageSize : LIST_PAGE_SIZE));
  const total = items.length;
  const numbered = numberedPageCount(total, size);
  const href = (n: number | null) => listPagePath(basePath, n);
  // Reading order: the front (null), then numbered pages from the newest down.
  const order: Array<number | null> = [null];
  for (let n = numbered; n >= 1; n--) order.push(n);
  const frontCount = total - numbered * size;
  return order.map((number, i): ListPage<T> => {
    // Positions counted from the old end: page n holds ((n-1)*size, n*size]; the front the rest.
    const start = number === null ? (total ? numbered * size + 1 : 0) : (number - 1) * size + 1;
    const end = number === null ? total : number * size;
    return {
      basePath: href(null),
      path: href(number),
      front: number === null,
      number,
      paged: numbered > 0,
      // In the list's (newest-first) order, item k from the old end is at index total - k.
      items: items.slice(total - end, total - start + 1),
      total: number === null ? total : null,
      start,
      end,
      rangeLabel: number !== null ? `${formatCount(start)}–${formatCount(end)}` : total ? `latest ${formatCount(frontCount)} of ${formatCount(total)}` : "0 of 0",
      prev: i > 0 ? href(order[i - 1]!) : null,
      next: i + 1 < order.length ? href(order[i + 1]!) : null,
      slots: pagerSlots(order, i, href),
    };
  });
}

function pagerSlots(order: Array<number | null>, at: number, href: (n: number | null) => string): PagerSlot[] {
  const window = pagerWindow(at + 1, order.length);
  return window.map((w, i): PagerSlot => {
    if (w === null) return { gap: true };
    const besideGap = (w < at + 1 && window[i - 1] === null) || (w > at + 1 && window[i + 1] === null);
    const number = order[w - 1]!;
    return { gap: false, number, href: href(number), current: w === at + 1, outer: besideGap && Math.abs(w - at - 1) > 1 };
  });
}
