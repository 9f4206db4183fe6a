/**
 * Where a timeline's events go, page by page: cut by the calendar (year, month, day) so that a page's
 * URL, and every link citing one of its events, survives adding reports (`splitIntoParts`).
 * The views printed on those pages are built in timeline-page.ts.
 */
import type { TimelineEvent } from "../timeline/types.ts";
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
  label: string | null;
  /** `label` without "part 1 of 2". */
  span: string | null;
  piece: string | null;
  kind: PartKind;
  events: TimelineEvent[];
}

const FULL_DATE = /^\d{4}-\d\d-\d\d/;

/** Items by key, keys in first-seen order. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

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
function pagedParts(key: string, label: string, kind: PartKind, events: readonly TimelineEvent[], max: number, budget: PageBudget): Part[] {
  const chunks = chunk(events, max, budget);
  return chunks.map((inChunk, i) => ({
    key: i === 0 ? key : `${key}page/${i + 1}/`,
    label: chunks.length > 1 ? `${label}, part ${i + 1} of ${chunks.length}` : label,
    span: label,
    piece: chunks.length > 1 ? `part ${i + 1} of ${chunks.length}` : null,
    kind,
    events: inChunk,
  }));
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
  if (fits(events, max, budget)) return [{ key: "", label: null, span: null, piece: null, kind: "period", events: [...events] }];
  const parts: Part[] = [];
  for (const [year, inYear] of groupBy(events, (e) => e.date.slice(0, 4))) {
    if (fits(inYear, max, budget)) {
      parts.push({ key: `${year}/`, label: year, span: year, piece: null, kind: "period", events: inYear });
      continue;
    }
    for (const [key, inMonth] of groupBy(inYear, monthKey)) {
      const label = monthKeyLabel(key);
      if (key.length === 4) {
        parts.push(...pagedParts(`${year}/`, label, "coarse", inMonth, max, budget));
        continue;
      }
      const base = `${year}/${key.slice(5, 7)}/`;
      if (fits(inMonth, max, budget)) {
        parts.push({ key: base, label, span: label, piece: null, kind: "period", events: inMonth });
        continue;
      }
      // Events dated only by month sort before the month's days: they keep the month's own page (as
      // does an event whose date is not a whole day, which would make no day's URL).
      for (const [day, inDay] of groupBy(inMonth, (e) => (e.precision !== "month" && FULL_DATE.test(e.date) ? e.date.slice(0, 10) : ""))) {
        if (!day) parts.push(...pagedParts(base, label, "coarse", inDay, max, budget));
        else parts.push(...pagedParts(`${base}${day.slice(8, 10)}/`, spanLabel({ date: day, precision: "day" }, { weekday: true }), "day", inDay, max, budget));
      }
    }
  }
  return parts;
}

/**
 * The index entry a part belongs under: its month (`2013/09/`) when it is that month or a day or page
 * of it, else its own key (a year's page, `2013/`, or the whole timeline's, "").
 */
export function indexKeyOf(partKey: string): string {
  const [year, month] = partKey.split("/");
  return /^\d\d$/.test(month ?? "") ? `${year}/${month}/` : partKey.replace(/page\/\d+\/$/, "");
}
