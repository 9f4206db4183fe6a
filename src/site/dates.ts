/** Human and machine renderings of article dates (luxon). Reports carry no time zone, so none is shown. */
import { DateTime } from "luxon";
import type { Published } from "../record/schema.ts";

function toDateTime(date: string, time?: string): DateTime {
  return DateTime.fromISO(time ? `${date}T${time}` : date, { zone: "utc", locale: "en-GB" });
}

/** "14 September 2013, 07:13", "14 September 2013", or "Date unknown" when the record has no date. */
export function formatPublished(published: Published | null | undefined): string {
  if (!published) return "Date unknown";
  const dt = toDateTime(published.date, published.time);
  // Keep what the record says rather than hide a value luxon cannot read.
  if (!dt.isValid) return [published.date, published.time].filter(Boolean).join(" ");
  return dt.toFormat(published.time ? "d LLLL yyyy, HH:mm" : "d LLLL yyyy");
}

/** Value for `<time datetime>`: "2013-09-14T07:13" or "2013-09-14"; empty when unknown. */
export function publishedDatetime(published: Published | null | undefined): string {
  if (!published) return "";
  return published.time ? `${published.date}T${published.time}` : published.date;
}

/** "2013-09-14" -> "14 September 2013" (falls back to the input when unreadable). */
export function formatIsoDate(iso: string | null | undefined): string {
  if (!iso) return "Undated";
  const dt = toDateTime(iso);
  return dt.isValid ? dt.toFormat("d LLLL yyyy") : iso;
}
