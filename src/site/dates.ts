/** Human and machine renderings of article dates (luxon). Reports carry no time zone, so none is shown. */
import { DateTime } from "luxon";
import type { Published } from "../record/schema.ts";

function toDateTime(date: string, time?: string): DateTime {
  return DateTime.fromISO(time ? `${date}T${time}` : date, { zone: "utc", locale: "en-GB" });
}

// An archive prints the same few thousand dates on tens of thousands of pages; luxon's formatting
// costs tens of microseconds each time.
const formatted = new Map<string, string>();
function format(date: string, time: string | undefined, pattern: string): string | null {
  const key = `${date}|${time ?? ""}|${pattern}`;
  let out = formatted.get(key);
  if (out === undefined) {
    const dt = toDateTime(date, time);
    out = dt.isValid ? dt.toFormat(pattern) : "";
    if (formatted.size > 50_000) formatted.clear();
    formatted.set(key, out);
  }
  return out || null;
}

/** "14 September 2013, 07:13", "14 September 2013", or "Date unknown" when the record has no date. */
export function formatPublished(published: Published | null | undefined): string {
  if (!published) return "Date unknown";
  // Keep what the record says rather than hide a value luxon cannot read.
  return (
    format(published.date, published.time, published.time ? "d LLLL yyyy, HH:mm" : "d LLLL yyyy") ??
    [published.date, published.time].filter(Boolean).join(" ")
  );
}

/** Value for `<time datetime>`: "2013-09-14T07:13" or "2013-09-14"; empty when unknown. */
export function publishedDatetime(published: Published | null | undefined): string {
  if (!published) return "";
  return published.time ? `${published.date}T${published.time}` : published.date;
}

/** "2013-09-14" -> "14 September 2013" (falls back to the input when unreadable). */
export function formatIsoDate(iso: string | null | undefined): string {
  if (!iso) return "Undated";
  return format(iso, undefined, "d LLLL yyyy") ?? iso;
}
