/**
 * Where a timeline's events go, page by page: cut by the calendar (year, month, day) so that a page's
 * URL, and every link citing one of its events, survives adding reports (`splitIntoParts`).
 * The views printed on those pages are built in timeline-page.ts.
 */
import type { TimelineEvent } from "../timeline/types.ts";
import { groupBy } from "../util/collections.ts";
import { monthKey, monthKeyLabel, spanLabel } from "./timeline-dates.ts";

/** Events on one page before the timeline is split by year, then month, then day. */
export const MAX_EVENTS_PER_PAGE = 100;

/** A second limit on a page besides its event count: the summed weight (quotes shown) of its events. */
export interface PageBudget {
  max: number;
  weigh: (e: TimelineEvent) => number;
}

export const NO_BUDGET: PageBudget = { max: Infinity, weigh: () => 0 };

/**
 * What a part of a split timeline holds: a stretch of time whole ("period"), one day, or the events of
 * a cut-up year or month that the reports date no closer than that year or month ("coarse").
 */
export type PartKind = "period" | "day" | "coarse";

export interface Part {
  /** URL path below the scope's base, "" for the base itself. */
  key: string;
  /** The day, month or year the part holds ("Tuesday 10 September 2013"), null for the whole timeline. */
  span: string | null;
  /** "part 1 of 2" when one date's events take several pages, else null. */
  piece: string | null;
  kind: PartKind;
  /** Key of the first page of the part's date group (`2013/09/10/` for `2013/09/10/page/2/`). */
  groupKey: string;
  /**
   * The year/month index entry the part belongs under: its month (`2013/09/`) for the pages of a month
   * cut by day, else the group's own key (a year's, `2013/`; the whole timeline's, "").
   */
  indexKey: string;
  events: TimelineEvent[];
}

/** "Tuesday 10 September 2013, part 1 of 2": the part's title and pager label. */
export function partLabel(part: Part): string | null {
  return part.piece ? `${part.span}, ${part.piece}` : part.span;
}

const FULL_DATE = /^\d{4}-\d\d-\d\d/;

/** Cuts events into runs of at most `max` events and at most `budget.max` weight (an event over budget alone gets a run). */
function chunk(events: readonly TimelineEvent[], max: number, budget: PageBudget): TimelineEvent[][] {
  const chunks: TimelineEvent[][] = [];
  let current: TimelineEvent[] = [];
  let weight = 0;
  for (const e of events) {
    const w = budget.weigh(e);
    if (current.length && (current.length >= max || weight + w > budget.max)) {
      chunks.push(current);
      current = [];
      weight = 0;
    }
    current.push(e);
    weight += w;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

function fits(events: readonly TimelineEvent[], max: number, budget: PageBudget): boolean {
  if (events.length > max) return false;
  let weight = 0;
  for (const e of events) weight += budget.weigh(e);
  return weight <= budget.max;
}

/**
 * A date group's page, continued on `page/2/`, `page/3/`... past `max` events or the quote budget.
 * Only a group that is one date (a very busy day, the events dated only "2013") is cut by count, so
 * an event added elsewhere moves no other event to another URL.
 */
function pagedParts(
  group: Pick<Part, "span" | "kind" | "indexKey"> & { key: string },
  events: readonly TimelineEvent[],
  max: number,
  budget: PageBudget,
): Part[] {
  const chunks = chunk(events, max, budget);
  return chunks.map((inChunk, i) => ({
    ...group,
    key: i === 0 ? group.key : `${group.key}page/${i + 1}/`,
    piece: chunks.length > 1 ? `part ${i + 1} of ${chunks.length}` : null,
    groupKey: group.key,
    events: inChunk,
  }));
}

/** A part that is its date group's only page. */
function wholePart(key: string, span: string | null, events: TimelineEvent[]): Part {
  return { key, span, piece: null, kind: "period", groupKey: key, indexKey: key, events };
}

/**
 * Splits date-ordered events into pages by the calendar: the whole timeline while it fits, else a page
 * a year; a year too big gets a page for its events dated only by year (`2013/`) and one a month
 * (`2013/09/`); a month too big, a page for its events dated only by month and one a day
 * (`2013/09/13/`). A page holds at most `max` events and `budget.max` quotes; a single date over that
 * continues on numbered pages. Boundaries are dates, not counts, so a page's URL (and the links that
 * cite its events) survives adding reports, until its own year or month grows past the limit.
 */
export function splitIntoParts(events: readonly TimelineEvent[], max = MAX_EVENTS_PER_PAGE, budget: PageBudget = NO_BUDGET): Part[] {
  if (fits(events, max, budget)) return [wholePart("", null, [...events])];
  const parts: Part[] = [];
  for (const [year, inYear] of groupBy(events, (e) => e.date.slice(0, 4))) {
    if (fits(inYear, max, budget)) {
      parts.push(wholePart(`${year}/`, year, inYear));
      continue;
    }
    for (const [key, inMonth] of groupBy(inYear, monthKey)) {
      const label = monthKeyLabel(key);
      if (key.length === 4) {
        parts.push(...pagedParts({ key: `${year}/`, span: label, kind: "coarse", indexKey: `${year}/` }, inMonth, max, budget));
        continue;
      }
      const base = `${year}/${key.slice(5, 7)}/`;
      if (fits(inMonth, max, budget)) {
        parts.push(wholePart(base, label, inMonth));
        continue;
      }
      // Events dated only by month sort before the month's days: they keep the month's own page (as
      // does an event whose date is not a whole day, which would make no day's URL).
      for (const [day, inDay] of groupBy(inMonth, (e) => (e.precision !== "month" && FULL_DATE.test(e.date) ? e.date.slice(0, 10) : ""))) {
        const group = day
          ? { key: `${base}${day.slice(8, 10)}/`, span: spanLabel({ date: day, precision: "day" }, { weekday: true }), kind: "day" as const }
          : { key: base, span: label, kind: "coarse" as const };
        parts.push(...pagedParts({ ...group, indexKey: base }, inDay, max, budget));
      }
    }
  }
  return parts;
}
