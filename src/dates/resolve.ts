/**
 * Places date expressions in time against the report's publication date, with luxon.
 * Precision is kept as the text gives it: a month stays a month, "next week" is a week
 * (Monday..Sunday of the following ISO week), "in 2011" a year.
 *
 * Not dated on purpose: durations from an unstated moment ("after 30 days", "within two weeks"),
 * "now"/"currently" (the report's own moment is not an event), times of day alone ("2:00 am"),
 * narrative-relative phrases ("the next morning", "later that year").
 */
import { DateTime } from "luxon";
import { findCandidates } from "./find-expressions.ts";
import { HOLIDAYS } from "./holidays.ts";
import { splitSentences } from "./sentences.ts";
import { clauseTense, type Tense } from "./tense.ts";
import type { Candidate, DateMention, Precision } from "./types.ts";
import { resolveWeekday } from "./weekday.ts";

export type { DateMention, Precision } from "./types.ts";

interface Placed {
  date: string;
  end?: string;
  precision: Precision;
}

const MIN_YEAR = 1600;
/** Years further ahead of the report than this are amounts, not dates. */
const MAX_YEARS_AHEAD = 30;

/** A day or month this close to the report (in days) is taken as the nearest one, whatever the tense. */
const NEAR_DAYS = 45;
const DAY_MS = 86_400_000;

const iso = (d: DateTime) => d.toISODate()!;
const isoMonth = (d: DateTime) => d.toFormat("yyyy-MM");

/**
 * Of the same day (or month) in the years around the anchor, the one the text means.
 * Close to the report: the nearest, whatever the tense ("ruled Wednesday that he must return by
 * Jan. 14" has a past verb and a coming deadline). Further away: past tense takes the latest on or
 * before the anchor, future the earliest on or after, otherwise the nearest (ties to the past).
 * `strict` ("last November", "next March") excludes the anchor's own day or month.
 */
function pickNear(anchor: DateTime, candidates: DateTime[], unit: "day" | "month", tense: Tense, strict: boolean): DateTime | null {
  if (candidates.length === 0) return null;
  // Days from the anchor, once per candidate (Luxon's diff was a tenth of event extraction). All
  // dates here are UTC, so a day is always 86,400,000 ms.
  const a = anchor.startOf(unit).toMillis();
  const placed = candidates.map((date) => ({ date, days: (date.startOf(unit).toMillis() - a) / DAY_MS }));
  const nearest = [...placed].sort((x, y) => Math.abs(x.days) - Math.abs(y.days) || x.days - y.days)[0];
  if (Math.abs(nearest.days) <= NEAR_DAYS && !strict) return nearest.date;
  if (tense === "past") {
    const past = placed.filter((p) => (strict ? p.days < 0 : p.days <= 0));
    return past.length ? past[past.length - 1].date : null;
  }
  if (tense === "future") {
    const future = placed.filter((p) => (strict ? p.days > 0 : p.days >= 0));
    return future.length ? future[0].date : null;
  }
  return nearest.date;
}

/** The year of a day (or month, when `day` is absent) that the text gives without one. */
function inferYear(anchor: DateTime, month: number, day: number | undefined, tense: Tense, strict = false): number | null {
  const candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
    .map((year) => DateTime.fromObject({ year, month, day: day ?? 1 }, { zone: "utc" }))
    .filter((d) => d.isValid && (day === undefined || d.day === day));
  return pickNear(anchor, candidates, day === undefined ? "month" : "day", tense, strict)?.year ?? null;
}

function placeCalendar(c: Extract<Candidate, { kind: "calendar" }>, anchor: DateTime, tense: Tense): Placed | null {
  const t: Tense = c.modifier === "last" ? "past" : c.modifier === "next" ? "future" : tense;
  const strict = c.modifier === "last" || c.modifier === "next";
  const year = c.year ?? (c.yearOffset !== undefined ? anchor.year + c.yearOffset : inferYear(anchor, c.month, c.day, t, strict));
  if (year === null) return null;
  const start = DateTime.fromObject({ year, month: c.month, day: c.day ?? 1 }, { zone: "utc" });
  if (!start.isValid || (c.day !== undefined && start.day !== c.day)) return null;
  const precision: Precision = c.day === undefined ? "month" : "day";
  const placed: Placed = { date: precision === "day" ? iso(start) : isoMonth(start), precision };
  if (c.end) {
    let end = DateTime.fromObject({ year: c.end.year ?? year, month: c.end.month, day: c.end.day ?? 1 }, { zone: "utc" });
    if (end.isValid && c.end.year === undefined && end < start) end = end.plus({ years: 1 });
    if (end.isValid && end > start) placed.end = precision === "day" && c.end.day !== undefined ? iso(end) : isoMonth(end);
  }
  return placed;
}

function placeWeekday(c: Extract<Candidate, { kind: "weekday" }>, anchor: DateTime, tense: Tense): Placed {
  const a = iso(anchor);
  if (c.modifier === "last") {
    // "last Friday": the most recent one before the report's day.
    return { date: resolveWeekday(c.weekday, iso(anchor.minus({ days: 1 })), "past"), precision: "day" };
  }
  if (c.modifier === "next") {
    return { date: resolveWeekday(c.weekday, iso(anchor.plus({ days: 1 })), "future"), precision: "day" };
  }
  return { date: resolveWeekday(c.weekday, a, tense), precision: "day" };
}

/** The last anchor parsed: a report's candidates share one (Luxon's fromISO was a twelfth of event extraction). */
let lastAnchor: { text: string; date: DateTime } | undefined;
function anchorOf(text: string): DateTime {
  if (lastAnchor?.text !== text) lastAnchor = { text, date: DateTime.fromISO(text, { zone: "utc" }) };
  return lastAnchor.date;
}

/** Where a candidate falls in time, or null when it cannot be placed. */
export function placeCandidate(c: Candidate, anchorDate: string, tense: Tense): Placed | null {
  const anchor = anchorOf(anchorDate);
  if (!anchor.isValid) return null;
  switch (c.kind) {
    case "weekday":
      return placeWeekday(c, anchor, tense);
    case "calendar":
      return placeCalendar(c, anchor, tense);
    case "year":
      if (c.year < MIN_YEAR || c.year > anchor.year + MAX_YEARS_AHEAD) return null;
      return { date: String(c.year), precision: "year" };
    case "unit": {
      if (c.unit === "week") {
        const monday = anchor.startOf("week").plus({ weeks: c.offset });
        return { date: iso(monday), end: iso(monday.plus({ days: 6 })), precision: "week" };
      }
      if (c.unit === "month") return { date: isoMonth(anchor.plus({ months: c.offset })), precision: "month" };
      return { date: String(anchor.year + c.offset), precision: "year" };
    }
    case "ago": {
      const then = anchor.minus({ [`${c.unit}s`]: c.amount });
      if (c.unit === "day") return { date: iso(then), precision: "day" };
      if (c.unit === "week") {
        const monday = then.startOf("week");
        return { date: iso(monday), end: iso(monday.plus({ days: 6 })), precision: "week" };
      }
      if (c.unit === "month") return { date: isoMonth(then), precision: "month" };
      return { date: String(then.year), precision: "year" };
    }
    case "holiday": {
      const rule = HOLIDAYS[c.holiday];
      const near = [anchor.year - 1, anchor.year, anchor.year + 1].map((y) => rule.day(y));
      const t: Tense = c.modifier === "last" ? "past" : c.modifier === "next" ? "future" : tense;
      const hit = pickNear(anchor, near, "day", t, c.modifier === "last" || c.modifier === "next");
      return hit ? { date: iso(hit), precision: "day" } : null;
    }
    case "day-offset":
      return { date: iso(anchor.plus({ days: c.days })), precision: "day" };
  }
}

/**
 * Every date expression in `text` (a paragraph or a sentence), resolved against `anchor.date`
 * (the report's publication date, YYYY-MM-DD). Indexes are offsets in `text`.
 */
export function findDates(text: string, anchor: { date: string }): DateMention[] {
  const out: DateMention[] = [];
  for (const sentence of splitSentences(text)) {
    for (const c of findCandidates(sentence.text)) {
      const tense = clauseTense(sentence.text, c.index, c.text.length);
      const placed = placeCandidate(c, anchor.date, tense);
      if (!placed) continue;
      out.push({ text: c.text, index: sentence.index + c.index, ...placed, tense });
    }
  }
  return out;
}
