/**
 * The few date forms page dumps print most often as a whole dateline value — `2013-09-14 07:13`,
 * `14 September 2013, 07:13`, `14 Sep 2013`, `September 14, 2013` — read without chrono. chrono runs
 * a dozen parsers and refiners on every text (most of the parse stage's date cost, and slow until
 * V8 has warmed it up); for exactly these shapes its answer is known, so they skip it. Anything
 * else (other shapes, extra words, impossible days or times, years outside 1800-2099) returns
 * undefined and goes to chrono. tests/dates/plain-date.test.ts checks the answers agree with chrono.
 */

export interface PlainDate {
  date: string;
  time?: string;
  /** The whole text: a plain date is the entire value. */
  text: string;
  index: 0;
}

const MONTH_NUMBER = new Map<string, number>();
["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"].forEach((name, i) => {
  MONTH_NUMBER.set(name, i + 1);
  MONTH_NUMBER.set(name.slice(0, 3), i + 1);
});
const MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "(\\d{1,2}):(\\d{2})";

/** `2013-09-14` or `2013-09-14 07:13`. */
const ISO_DAY = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})(?: (\\d{2}):(\\d{2}))?$`);
/** `14 September 2013`, `14 Sep 2013 07:13`, `14 September 2013, 07:13`. */
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2}) ${MONTH} (\\d{4})(?:,? ${TIME})?$`);
/** `September 14, 2013`. */
const MONTH_DAY_YEAR = new RegExp(`^${MONTH} (\\d{1,2}), (\\d{4})$`);

const pad = (n: number) => String(n).padStart(2, "0");

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function plain(text: string, year: number, month: number, day: number, hour?: string, minute?: string): PlainDate | undefined {
  if (year < 1800 || year > 2099 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour === undefined) return { date: `${year}-${pad(month)}-${pad(day)}`, time: undefined, text, index: 0 };
  const h = Number(hour);
  const m = Number(minute);
  if (h > 23 || m > 59) return undefined;
  return { date: `${year}-${pad(month)}-${pad(day)}`, time: `${pad(h)}:${pad(m)}`, text, index: 0 };
}

/** The date (and time) `text` states in one of the plain forms, or undefined (ask chrono). */
export function plainDate(text: string): PlainDate | undefined {
  let m = ISO_DAY.exec(text);
  if (m) return plain(text, Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5]);
  m = DAY_MONTH_YEAR.exec(text);
  if (m) return plain(text, Number(m[3]), MONTH_NUMBER.get(m[2])!, Number(m[1]), m[4], m[5]);
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return plain(text, Number(m[3]), MONTH_NUMBER.get(m[1])!, Number(m[2]));
  return undefined;
}
