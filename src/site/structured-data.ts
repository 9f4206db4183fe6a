/**
 * schema.org NewsArticle JSON-LD for an article page, and the script-safe serialisation of it.
 *
 * Dates: `datePublished` carries the date at the precision the record has ("2013-09-14" or
 * "2013-09-14T07:13"; ISO 8601 allows both, and no zone is invented). An inferred date is still the
 * archive's best knowledge of when the report was published, so it goes in `datePublished` too, not in
 * `dateCreated` (which would claim a different event); `backstory` (schema.org's "how this article was
 * made" text) says that it was inferred and from what words.
 */
import type { UserConfig } from "@11ty/eleventy";
import { itemUri } from "../export/item-uri.ts";
import { provenanceNotes, publishedIso } from "../export/publish-dates.ts";
import { publicUrl, type PublicLocation } from "../export/site-url.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { summaryOf } from "./blocks.ts";
import { articlePath, rawReportPath, safeHref } from "./links.ts";

export interface StructuredDataSite extends PublicLocation {
  name: string;
}

/** Media type of the raw copy the site serves (HTML is served as text, see rawReportPath). */
function rawMediaType(record: Pick<ArticleRecord, "format" | "sourceFile" | "id">): string {
  if (rawReportPath(record).endsWith(".md")) return "text/markdown";
  return "text/plain";
}

export function articleJsonLd(record: ArticleRecord, site: StructuredDataSite): Record<string, unknown> {
  const url = publicUrl(articlePath(record), site);
  const description = summaryOf(record);
  const notes = provenanceNotes(record);
  const original = safeHref(record.url);
  const published = publishedIso(record.published);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    identifier: itemUri(record),
    headline: record.headline,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    ...(published ? { datePublished: published } : {}),
    ...(description ? { description } : {}),
    ...(record.section ? { articleSection: record.section } : {}),
    ...(record.byline ? { creditText: record.byline } : {}),
    wordCount: record.wordCount,
    ...(record.source.origin !== "unknown"
      ? { publisher: { "@type": "Organization", name: record.source.name } }
      : {}),
    isBasedOn: {
      "@type": "DigitalDocument",
      name: "Raw report as received",
      url: publicUrl(rawReportPath(record), site),
      encodingFormat: rawMediaType(record),
    },
    ...(original ? { sameAs: original } : {}),
    ...(notes.length ? { backstory: notes.join(" ") } : {}),
    sdPublisher: { "@type": "Organization", name: site.name },
  };
}

/**
 * JSON for a <script type="application/ld+json"> element. `<` is escaped so no text from a report
 * (e.g. "</script>") can end the element early; JSON parsers read \u003c back as "<".
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export default function structuredDataPlugin(config: UserConfig): void {
  config.addFilter("articleJsonLd", (record: ArticleRecord, site: StructuredDataSite) => jsonForScript(articleJsonLd(record, site)));
  config.addFilter("publicUrl", (sitePath: string, site: PublicLocation) => publicUrl(sitePath, site));
  config.addFilter("publishedIso", publishedIso);
}
