/**
 * Reads an absolute calendar date (and time) printed in a dateline such as `Last Modified: 14 Sep 2013
 * 07:13` or `Updated : 19 November 2019, 09:01 AM`. Relative phrases (`3 hours ago`, `Yesterday`) are
 * relative to a moment the dump does not carry, so they are not dates here.
 */
import { chrono } from "../dates/chrono.ts";
import { plainDate } from "../dates/plain-date.ts";

export interface DatelineDate {
  date: string;
  time?: string;
  /** The words the date was read from. */
  text: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const YEAR = /\b(?:1[89]|20)\d{2}\b/;
/** `11/13/19`: a two-digit year is read only when the day is over 12, so month and day cannot swap. */
const UNAMBIGUOUS_SHORT_YEAR = /\b(?:\d{1,2}\/(?:1[3-9]|2\d|3[01])|(?:1[3-9]|2\d|3[01])\/\d{1,2})\/\d{2}\b/;

export function parseDateline(text: string): DatelineDate | undefined {
  return datesIn(text)[0];
}

/**
 * What any accepted date's text contains (YEAR or UNAMBIGUOUS_SHORT_YEAR, without the word
 * boundaries): a line without it cannot yield a date, so chrono (the costly part) is not asked.
 */
const MAY_HOLD_DATE = /(?:1[89]|20)\d{2}|\d\/\d+\/\d{2}/;

/**
 * The dateline, masthead and published stages read some lines twice: each text is parsed once. Small,
 * so it holds about one report's date lines, not an archive's.
 */
const memo = new Map<string, ReadonlyArray<DatelineDate & { index: number }>>();
const MEMO_MAX = 256;

/** Every fully stated date in the text, in order, with where each was printed. */
export function datesIn(text: string): Array<DatelineDate & { index: number }> {
  if (!MAY_HOLD_DATE.test(text)) return [];
  let found = memo.get(text);
  if (found === undefined) {
    if (memo.size >= MEMO_MAX) memo.clear();
    found = readDates(text);
    memo.set(text, found);
  }
  return found.map((x) => ({ ...x }));
}

/**
 * What chrono's strict English parsers need to state a day, month and year with certainty: a month
 * name or abbreviation, a unit of time ("3 days ago", "within 2 weeks"), or numbers joined by a date
 * separator ("2013-09-14", "14.09.2013", "11/13/19", "2013 09 14"). A title such as "Record profits
 * in 2004" has none: chrono is not asked, nor loaded, for it.
 */
const MAY_STATE_DAY = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|second|minute|hour|day|week|month|quarter|year|\d[-./\s]\d/i;

function readDates(text: string): Array<DatelineDate & { index: number }> {
  // Most datelines print a bare date in a common form: read it directly (chrono gives the same answer, slowly).
  const plain = plainDate(text);
  if (plain) return [plain];
  return MAY_STATE_DAY.test(text) ? chronoDates(text) : [];
}

/** chrono's fully stated dates in `text` (exported for the test that checks plainDate agrees with it). */
export function chronoDates(text: string): Array<DatelineDate & { index: number }> {
  // A fixed reference keeps parsing deterministic; only fully stated dates are accepted anyway.
  const out: Array<DatelineDate & { index: number }> = [];
  for (const hit of chrono().strict.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
    const { start } = hit;
    if (!start.isCertain("year") || !start.isCertain("month") || !start.isCertain("day")) continue;
    if (!YEAR.test(hit.text) && !UNAMBIGUOUS_SHORT_YEAR.test(hit.text)) continue;
    const date = `${start.get("year")}-${pad(start.get("month")!)}-${pad(start.get("day")!)}`;
    const time = start.isCertain("hour") ? `${pad(start.get("hour")!)}:${pad(start.get("minute") ?? 0)}` : undefined;
    out.push({ date, time, text: hit.text, index: hit.index });
  }
  return out;
}
