/**
 * Atom 1.0 (RFC 4287) and JSON Feed 1.1 for the whole archive and for each source. Pages in
 * layouts/pages/feed-*.njk paginate over `publish.feeds` and print what these functions return.
 * The RSS plugin supplies the RFC 3339 date filter and installs Eleventy's HTML <base> plugin, which
 * rewrites root-relative links in HTML output when the site is served under a path prefix; feeds are
 * not HTML, so their URLs are made public here.
 */
import type { UserConfig } from "@11ty/eleventy";
import { dateToRfc3339, rssPlugin } from "@11ty/eleventy-plugin-rss";
import { monthPath, sourcePath, type FeedSpec } from "../export/archive-index.ts";
import { bodyHtml, bodyText, escapeMarkup } from "../export/body-html.ts";
import { itemUri, uuidV5 } from "../export/item-uri.ts";
import { precisionOf, provenanceNotes, publishedDate, publishedIso } from "../export/publish-dates.ts";
import { publicUrl, type PublicLocation } from "../export/site-url.ts";
import { xmlText } from "../export/xml-text.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { summaryOf } from "./blocks.ts";
import { articlePath, rawReportPath } from "./links.ts";

/** What feeds need to know about the site (a subset of the `site` global). */
export interface FeedSite extends PublicLocation {
  name: string;
  generatedAt: string;
}

/** A feed's own permanent id: like entry ids, independent of the host. */
export function feedUri(feed: Pick<FeedSpec, "key">): string {
  return `urn:uuid:${uuidV5(`feed/${feed.key}`)}`;
}

/**
 * When an entry last changed in a way that matters. Records carry no edit history, so a dated record's
 * entry is as old as its publication; an undated one is as new as the build that made it.
 */
function entryUpdated(record: ArticleRecord, site: FeedSite): Date {
  return publishedDate(record.published) ?? new Date(site.generatedAt);
}

function feedUpdated(feed: FeedSpec, site: FeedSite): Date {
  const times = feed.records.map((r) => entryUpdated(r, site).getTime());
  return new Date(times.length ? Math.max(...times) : Date.parse(site.generatedAt));
}

/** The article as feed content: its body, then the archive's notes on what was reasoned, not read. */
function contentHtml(record: ArticleRecord): string {
  const notes = provenanceNotes(record).map((n) => `<p><em>${escapeMarkup(n)}</em></p>`);
  return [bodyHtml(record) || "<p>This report has no body text.</p>", ...notes].join("\n");
}

export function atomFeed(feed: FeedSpec, site: FeedSite): string {
  const url = (p: string) => xmlText(publicUrl(p, site));
  const entries = feed.records.map((record) => {
    const published = publishedDate(record.published);
    const iso = publishedIso(record.published);
    const summary = summaryOf(record);
    return [
      "  <entry>",
      `    <id>${itemUri(record)}</id>`,
      `    <title>${xmlText(record.headline)}</title>`,
      `    <link rel="alternate" type="text/html" href="${url(articlePath(record))}"/>`,
      `    <link rel="via" type="text/plain" href="${url(rawReportPath(record))}" title="Raw report as received"/>`,
      published ? `    <published>${dateToRfc3339(published)}</published>` : "",
      `    <updated>${dateToRfc3339(entryUpdated(record, site))}</updated>`,
      // Dublin Core keeps the date at the precision the record has (a day, or a day and minute).
      iso ? `    <dc:date>${xmlText(iso)}</dc:date>` : "",
      record.source.origin !== "unknown" ? `    <author><name>${xmlText(record.source.name)}</name></author>` : "",
      record.section ? `    <category term="${xmlText(record.section)}"/>` : "",
      summary ? `    <summary>${xmlText(summary)}</summary>` : "",
      `    <content type="html">${xmlText(contentHtml(record))}</content>`,
      "  </entry>",
    ].filter(Boolean);
  });
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    `  <id>${feedUri(feed)}</id>`,
    `  <title>${xmlText(feed.title)}</title>`,
    `  <subtitle>${xmlText(feed.description)}</subtitle>`,
    `  <updated>${dateToRfc3339(feedUpdated(feed, site))}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${url(feed.atomPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${url(feed.pagePath)}"/>`,
    `  <link rel="alternate" type="application/feed+json" href="${url(feed.jsonPath)}"/>`,
    // Entries without a known source fall back to this (RFC 4287 §4.1.1: every entry needs an author).
    `  <author><name>${xmlText(site.name)}</name></author>`,
    `  <generator>${xmlText(site.name)}</generator>`,
    ...entries.flat(),
    `</feed>`,
    "",
  ].join("\n");
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Extension data goes under `_wire_archive`. */
export function jsonFeed(feed: FeedSpec, site: FeedSite): string {
  const items = feed.records.map((record) => {
    const published = publishedDate(record.published);
    const summary = summaryOf(record);
    return {
      id: itemUri(record),
      url: publicUrl(articlePath(record), site),
      title: record.headline,
      content_html: contentHtml(record),
      content_text: bodyText(record),
      ...(summary ? { summary } : {}),
      ...(published ? { date_published: dateToRfc3339(published) } : {}),
      ...(record.source.origin !== "unknown" ? { authors: [{ name: record.source.name }] } : {}),
      ...(record.section ? { tags: [record.section] } : {}),
      _wire_archive: {
        about: "Publication date and provenance as the archive knows them; date_published fills a missing time with 00:00 and the unknown zone with UTC.",
        date: publishedIso(record.published),
        date_precision: record.published ? precisionOf(record.published) : null,
        date_origin: record.published?.origin ?? null,
        date_evidence: record.published?.evidence ?? null,
        source: { id: record.source.id, name: record.source.name, origin: record.source.origin },
        raw_url: publicUrl(rawReportPath(record), site),
        notes: provenanceNotes(record),
      },
    };
  });
  const absolute = site.baseUrl !== null;
  const body = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    description: feed.description,
    // The spec wants full URLs here; without a base URL the site cannot know them, so they are left out.
    ...(absolute ? { home_page_url: publicUrl(feed.pagePath, site), feed_url: publicUrl(feed.jsonPath, site) } : {}),
    authors: [{ name: site.name }],
    items,
  };
  return `${JSON.stringify(body, null, 1)}\n`;
}

/** Feeds, and the archive/source paths that feeds, pages and the article meta line share. */
export default function feedsPlugin(config: UserConfig): void {
  config.addPlugin(rssPlugin);
  config.addFilter("atomFeed", atomFeed);
  config.addFilter("jsonFeed", jsonFeed);
  config.addFilter("monthPath", monthPath);
  config.addFilter("sourcePath", sourcePath);
}
