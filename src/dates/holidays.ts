/**
 * Named days news reports date things by ("found Thanksgiving Day", "before Election Day"), as rules
 * that give the day in a year. US federal holidays, since the wires most often cite them, plus the
 * days every calendar shares.
 */
import { DateTime } from "luxon";

/** The n-th (1-based; -1 = last) `weekday` (1 = Mon) of `month` in `year`. */
function nthWeekday(year: number, month: number, weekday: number, n: number): DateTime {
  if (n > 0) {
    const first = DateTime.utc(year, month, 1);
    return first.plus({ days: ((weekday - first.weekday + 7) % 7) + (n - 1) * 7 });
  }
  const last = DateTime.utc(year, month, 1).endOf("month").startOf("day");
  return last.minus({ days: (last.weekday - weekday + 7) % 7 });
}

export const HOLIDAYS: { pattern: RegExp; day: (year: number) => DateTime }[] = [
  { pattern: /\bThanksgiving(?:\s+Day)?\b/, day: (y) => nthWeekday(y, 11, 4, 4) },
  // The Tuesday after the first Monday of November.
  { pattern: /\bElection Day\b/, day: (y) => nthWeekday(y, 11, 1, 1).plus({ days: 1 }) },
  { pattern: /\bChristmas Eve\b/, day: (y) => DateTime.utc(y, 12, 24) },
  { pattern: /\bChristmas(?:\s+Day)?\b(?!\s+Eve)/, day: (y) => DateTime.utc(y, 12, 25) },
  { pattern: /\bNew Year['’]s Eve\b/, day: (y) => DateTime.utc(y, 12, 31) },
  { pattern: /\bNew Year['’]s(?:\s+Day)?\b(?!\s+Eve)/, day: (y) => DateTime.utc(y, 1, 1) },
  { pattern: /\bIndependence Day\b|\bFourth of July\b/, day: (y) => DateTime.utc(y, 7, 4) },
  { pattern: /\bMemorial Day\b/, day: (y) => nthWeekday(y, 5, 1, -1) },
  { pattern: /\bLabor Day\b/, day: (y) => nthWeekday(y, 9, 1, 1) },
  { pattern: /\bMartin Luther King(?: Jr\.?)? Day\b/, day: (y) => nthWeekday(y, 1, 1, 3) },
  { pattern: /\bValentine['’]s Day\b/, day: (y) => DateTime.utc(y, 2, 14) },
  { pattern: /\bHalloween\b/, day: (y) => DateTime.utc(y, 10, 31) },
];

/** Whether a text may name any holiday: one test per sentence, as most name none. */
export const ANY_HOLIDAY = new RegExp(HOLIDAYS.map((h) => `(?:${h.pattern.source})`).join("|"));
/** Each holiday's pattern, global, to list its every mention. */
export const HOLIDAY_MENTIONS = HOLIDAYS.map((h) => new RegExp(h.pattern.source, "g"));
