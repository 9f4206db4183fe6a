/**
 * A record as an IPTC ninjs 2.1 news item (https://www.iptc.org/std/ninjs/), the news industry's JSON
 * format. Mapping:
 * - uri: the record's permanent urn:uuid (the only property ninjs requires);
 * - firstcreated/versioncreated: the publication instant (ninjs wants a full date-time, so a missing
 *   time is 00:00 and the unknown zone UTC, see publish-dates.ts); the record's real precision and
 *   any inference are stated in `ednote` and `descriptions`;
 * - headlines, bodies (plain text and HTML), by, infosources (the outlet), altids (archive id,
 *   checksum, raw file), renditions (article page and raw report; only with absolute URLs, since
 *   ninjs `href` is a URI).
 */
import type { ArticleRecord } from "../record/schema.ts";
import { articlePath, rawReportPath } from "../site/links.ts";
import { bodyHtml, bodyText } from "./body-html.ts";
import { itemUri } from "./item-uri.ts";
import { provenanceNotes, publishedInstant, publishedIso } from "./publish-dates.ts";
import { publicUrl, type PublicLocation } from "./site-url.ts";

export const NINJS_VERSION = "2.1";
export const NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json";

export interface NinjsSite extends PublicLocation {
  name: string;
}

export function ninjsPath(record: Pick<ArticleRecord, "id">): string {
  return `/data/ninjs/${record.id}.json`;
}

export function toNinjs(record: ArticleRecord, site: NinjsSite): Record<string, unknown> {
  const instant = publishedInstant(record.published);
  const text = bodyText(record);
  // Words of this body, not record.wordCount (which counts the whole report's text).
  const wordcount = text.split(/\s+/).filter(Boolean).length;
  const notes = provenanceNotes(record);
  const iso = publishedIso(record.published);
  const renditions = site.baseUrl
    ? [
        { name: "article", href: publicUrl(articlePath(record), site), contenttype: "text/html", title: record.headline },
        { name: "raw", href: publicUrl(rawReportPath(record), site), contenttype: "text/plain", title: "Raw report as received" },
      ]
    : [];
  return {
    uri: itemUri(record),
    standard: { name: "ninjs", version: NINJS_VERSION, schema: NINJS_SCHEMA },
    type: "text",
    representationtype: "full",
    profile: "wire-archive-report",
    ...(instant ? { firstcreated: instant, versioncreated: instant } : {}),
    pubstatus: "usable",
    ...(notes.length ? { ednote: notes.join(" ") } : {}),
    headlines: [{ role: "main", value: record.headline }],
    descriptions: [
      ...(record.standfirst ? [{ role: "summary", value: record.standfirst }] : []),
      ...(iso ? [{ role: "publication-date", value: iso }] : []),
      ...(record.published ? [{ role: "publication-date-evidence", value: record.published.evidence }] : []),
    ],
    bodies: [
      { role: "main", contenttype: "text/plain", wordcount, charcount: text.length, value: text },
      { role: "main", contenttype: "text/html", wordcount, value: bodyHtml(record) },
    ],
    ...(record.byline ? { by: record.byline } : {}),
    ...(record.source.origin !== "unknown"
      ? { infosources: [{ name: record.source.name, role: "source", literal: record.source.id }] }
      : {}),
    ...(record.section ? { subjects: [{ name: record.section, rel: "section" }] } : {}),
    altids: [
      { role: "wire-archive-id", value: record.id },
      { role: "sha256", value: record.checksum },
      { role: "source-file", value: record.sourceFile },
    ],
    ...(renditions.length ? { renditions } : {}),
  };
}

export function ninjsJson(record: ArticleRecord, site: NinjsSite): string {
  return `${JSON.stringify(toNinjs(record, site), null, 1)}\n`;
}
