/**
 * Read a date that a report declares outright (front matter `published`, HTML meta tags, JSON-LD).
 * Keeps the clock time as written (the publisher's local time) rather than converting to UTC, and
 * refuses dates that do not exist (2013-02-30) instead of rolling them over as `Date` does.
 */
import { DateTime } from "luxon";

export interface ParsedDate {
  date: string; // YYYY-MM-DD
  time?: string; // HH:mm
}

/** Human formats seen in front matter besides ISO 8601 (luxon tokens). */
const HUMAN_FORMATS = [
  "d MMM yyyy",
  "d MMMM yyyy",
  "MMM d, yyyy",
  "MMMM d, yyyy",
  "MMM d yyyy",
  "MMMM d yyyy",
  "yyyy/MM/dd",
  "yyyy/M/d",
  "d MMM yyyy HH:mm",
  "d MMMM yyyy HH:mm",
  "MMMM d, yyyy HH:mm",
  "MMM d, yyyy HH:mm",
  "MMMM d, yyyy h:mm a",
  "MMM d, yyyy h:mm a",
  "EEE, d MMM yyyy",
  "EEEE, d MMMM yyyy",
  "EEEE, MMMM d, yyyy",
];

const HAS_TIME = /\d{1,2}:\d{2}/;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function fromDateTime(dt: DateTime, withTime: boolean): ParsedDate | undefined {
  if (!dt.isValid) return undefined;
  // What toFormat("yyyy-MM-dd") / ("HH:mm") print, without luxon's format machinery (a hot spot);
  // years outside 1000-9999 (padding, signs) are left to luxon.
  const date = dt.year >= 1000 && dt.year <= 9999 ? `${dt.year}-${pad2(dt.month)}-${pad2(dt.day)}` : dt.toFormat("yyyy-MM-dd");
  return withTime ? { date, time: `${pad2(dt.hour)}:${pad2(dt.minute)}` } : { date };
}

/** `2013-09-14`, `2013-09-14 07:13`, `2013-09-14T07:13:05Z`: the shape most reports state, read without luxon. */
const PLAIN_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?Z?)?$/;

/**
 * The plain ISO shape, read directly (luxon's ISO parser is a hot spot when every report states a
 * date); undefined when the value is not plainly valid, and luxon then decides as before.
 */
function plainIsoDate(s: string, withTime: boolean): ParsedDate | undefined {
  const m = PLAIN_ISO.exec(s);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59))) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  return withTime ? { date, time: `${m[4] ?? "00"}:${m[5] ?? "00"}` } : { date };
}

/** Parse a stated date string; undefined when it is not a real calendar date. */
export function parseStatedDate(value: string): ParsedDate | undefined {
  const s = value.trim();
  if (!s) return undefined;
  const withTime = HAS_TIME.test(s);
  const plain = plainIsoDate(s, withTime);
  if (plain) return plain;
  // setZone keeps the offset written in the value, so 07:13+02:00 stays 07:13.
  const zoneOpts = { setZone: true, zone: "UTC" } as const;
  const iso = DateTime.fromISO(s.replace(/^(\d{4}-\d{2}-\d{2}) +(?=\d)/, "$1T").replace(/ +(?=Z$|[+-]\d{2}:?\d{2}$)/, ""), zoneOpts);
  if (iso.isValid) return fromDateTime(iso, withTime);
  for (const parse of [DateTime.fromRFC2822, DateTime.fromHTTP, DateTime.fromSQL]) {
    const dt = parse(s, zoneOpts);
    if (dt.isValid) return fromDateTime(dt, withTime);
  }
  for (const format of HUMAN_FORMATS) {
    const dt = DateTime.fromFormat(s, format, { ...zoneOpts, locale: "en" });
    if (dt.isValid) return fromDateTime(dt, withTime);
  }
  return undefined;
}

/**
 * A YAML `Date` (js-yaml builds one for unquoted timestamps, in UTC, silently rolling 02-30 over to
 * March). Only used when the raw text is unavailable; prefer parseStatedDate on the raw value.
 */
export function dateFromYamlDate(d: Date, hasTime: boolean): ParsedDate | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  return fromDateTime(DateTime.fromJSDate(d, { zone: "UTC" }), hasTime);
}
