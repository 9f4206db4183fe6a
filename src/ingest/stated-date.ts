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

function fromDateTime(dt: DateTime, withTime: boolean): ParsedDate | undefined {
  if (!dt.isValid) return undefined;
  const date = dt.toFormat("yyyy-MM-dd");
  return withTime ? { date, time: dt.toFormat("HH:mm") } : { date };
}

/** Parse a stated date string; undefined when it is not a real calendar date. */
export function parseStatedDate(value: string): ParsedDate | undefined {
  const s = value.trim();
  if (!s) return undefined;
  const withTime = HAS_TIME.test(s);
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
