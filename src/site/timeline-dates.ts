/**
 * How the timeline prints an event's date, keeping its precision: a month stays a month
 * ("September 2013"), a week reads "Week of 16–22 September 2013", a range "5–6 September 2013".
 * luxon does the calendar; unreadable values are printed as given rather than hidden.
 */
import { DateTime } from "luxon";
import type { Precision } from "../dates/types.ts";
import { remembered } from "../util/remembered.ts";

export interface DatedSpan {
  date: string;
  end?: string;
  precision: Precision;
}

const parse = (iso: string) => DateTime.fromISO(iso, { zone: "utc", locale: "en-US" });

const MONTH_LONG = "LLLL";
const MONTH_SHORT = "LLL";

/** "5–6 September 2013", "30 September – 2 October 2013", "31 Dec 2012 – 2 Jan 2013" (short months). */
function dayRange(start: DateTime, end: DateTime, month: string, withYear: boolean): string {
  const year = withYear ? " yyyy" : "";
  if (start.year !== end.year) return `${start.toFormat(`d ${month} yyyy`)} – ${end.toFormat(`d ${month} yyyy`)}`;
  if (start.month !== end.month) return `${start.toFormat(`d ${month}`)} – ${end.toFormat(`d ${month}${year}`)}`;
  return `${start.toFormat("d")}–${end.toFormat(`d ${month}${year}`)}`;
}

function monthRange(start: DateTime, end: DateTime, month: string): string {
  if (start.year !== end.year) return `${start.toFormat(`${month} yyyy`)} – ${end.toFormat(`${month} yyyy`)}`;
  return `${start.toFormat(month)}–${end.toFormat(`${month} yyyy`)}`;
}

interface LabelOptions {
  /** Short month names ("Sep"), for markers beside article text. */
  short?: boolean;
  /** Weekday before a single day ("Friday 13 September 2013"). */
  weekday?: boolean;
  /** Leave the year out (the page already groups by month and year). */
  noYear?: boolean;
}

// luxon takes ~70µs a label and a big archive asks for a million; distinct dates are few, so remember them.
const labels = new Map<string, string>();

/** The event's date in words, at its own precision. */
export function spanLabel(span: DatedSpan, options: LabelOptions = {}): string {
  const key = `${span.date}|${span.end ?? ""}|${span.precision}|${options.short ? 1 : 0}${options.weekday ? 1 : 0}${options.noYear ? 1 : 0}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = computeLabel(span, options);
    labels.set(key, label);
  }
  return label;
}

function computeLabel(span: DatedSpan, options: LabelOptions): string {
  const month = options.short ? MONTH_SHORT : MONTH_LONG;
  const year = options.noYear ? "" : " yyyy";
  const start = parse(span.date);
  const end = span.end ? parse(span.end) : null;
  if (!start.isValid || (end && !end.isValid)) return span.end ? `${span.date} – ${span.end}` : span.date;
  switch (span.precision) {
    case "year":
      return end && end.year !== start.year ? `${start.toFormat("yyyy")}–${end.toFormat("yyyy")}` : start.toFormat("yyyy");
    case "month":
      return end && !end.hasSame(start, "month") ? monthRange(start, end, month) : start.toFormat(`${month} yyyy`);
    case "week": {
      const last = end ?? start.plus({ days: 6 });
      return `${options.short ? "week of" : "Week of"} ${dayRange(start, last, month, !options.noYear)}`;
    }
    case "day":
    default:
      if (end && !end.hasSame(start, "day")) return dayRange(start, end, month, !options.noYear);
      return start.toFormat(`${options.weekday ? "cccc " : ""}d ${month}${year}`);
  }
}

/** Value for `<time datetime>`: the start as precise as the text gives it ("2013-09", "2013-09-13"). */
export function spanDatetime(span: DatedSpan): string {
  return span.date;
}

/** The month an event is filed under ("2013-09"), or its year when the text gives only a year. */
export function monthKey(span: DatedSpan): string {
  return span.precision === "year" ? span.date.slice(0, 4) : span.date.slice(0, 7);
}

// Both asked for once per event and per page of every scope (0.3 s at 10,000 reports); months are few.
/** Heading of a month group: "September 2013"; a year-only group: "2011". */
export const monthKeyLabel: (key: string) => string = remembered((key: string) => monthFormat(key, "LLLL yyyy"));

/** "Sep" for the year/month index. */
export const monthKeyShort: (key: string) => string = remembered((key: string) => monthFormat(key, "LLL"));

function monthFormat(key: string, pattern: string): string {
  if (key.length === 4) return key;
  const dt = parse(key);
  return dt.isValid ? dt.toFormat(pattern) : key;
}
