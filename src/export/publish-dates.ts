/**
 * Publication dates for machine formats. The record keeps a date at its real precision (a day, or a
 * day and minute) without a time zone, because reports rarely print one. Formats that accept that
 * (schema.org, Dublin Core, sitemaps) get it as is; formats that demand a full RFC 3339 instant (Atom,
 * JSON Feed, ninjs) get a documented fill-in: a missing time is 00:00, the unknown zone is UTC.
 * The precision and origin travel alongside, so a reader can tell the fill-in from a printed time.
 */
import type { ArticleRecord, Published } from "../record/schema.ts";

export type DatePrecision = "day" | "minute";

/** "2013-09-14" or "2013-09-14T07:13": exactly what the record knows. */
export function publishedIso(published: Published | null | undefined): string | null {
  if (!published) return null;
  return published.time ? `${published.date}T${published.time}` : published.date;
}

export function precisionOf(published: Published): DatePrecision {
  return published.time ? "minute" : "day";
}

/** RFC 3339 instant for formats that require one: "2013-09-14T07:13:00Z", "2013-09-14T00:00:00Z". */
export function publishedInstant(published: Published | null | undefined): string | null {
  if (!published) return null;
  return `${published.date}T${published.time ?? "00:00"}:00Z`;
}

/** Same instant as a Date (for code that sorts or feeds it to date filters); null when undated. */
export function publishedDate(published: Published | null | undefined): Date | null {
  const instant = publishedInstant(published);
  if (!instant) return null;
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** RFC 3339 without milliseconds, as Atom and JSON Feed examples write it. */
export function toRfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Plain-language notes on what the archive reasoned rather than read: an inferred date, an inferred
 * or unknown source, a derived headline, a time-zone fill-in. Shared by JSON-LD, ninjs and feeds.
 */
export function provenanceNotes(
  record: Pick<ArticleRecord, "published" | "source" | "headlineOrigin">,
): string[] {
  const notes: string[] = [];
  const p = record.published;
  if (!p) notes.push("No publication date is printed in the report or could be inferred from it.");
  else if (p.origin === "inferred") notes.push(sentence(`Publication date ${p.date} inferred, not printed: ${p.evidence}`));
  if (p?.time) notes.push(`Time ${p.time} as printed; the report gives no time zone.`);
  if (record.source.origin === "inferred") {
    notes.push(sentence(`Source ${record.source.name} inferred${record.source.evidence ? ` from: ${record.source.evidence}` : ""}`));
  } else if (record.source.origin === "unknown") notes.push("Source unknown: the report names none.");
  if (record.headlineOrigin === "derived") notes.push("Headline derived from the lead: the report prints none.");
  return notes;
}

/** Ends a note with a full stop unless quoted evidence already ends it. */
function sentence(text: string): string {
  return /[.!?]["”’)]?$/.test(text) ? text : `${text}.`;
}
