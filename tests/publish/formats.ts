/**
 * Format checks written from the specifications, each returning the list of violations (empty when
 * valid), so a failing test names what is wrong:
 * - Atom 1.0, RFC 4287 §4.1.1–4.1.2 (required feed and entry elements, date constructs, author rule);
 * - JSON Feed 1.1 (https://jsonfeed.org/version/1.1: required top-level and item fields);
 * - sitemaps.org protocol 0.9 (urlset namespace, absolute <loc>);
 * - the schema.org NewsArticle shape this archive promises (zod);
 * - IPTC ninjs 2.1 (ninjs-2.1.schema.json, validated with ajv).
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { z } from "zod";
import { childrenNamed, childText } from "./build-publish-site.ts";

export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const ATOM_NS = "http://www.w3.org/2005/Atom";

export function atomProblems(doc: Document): string[] {
  const problems: string[] = [];
  const feed = doc.documentElement;
  if (feed.tagName !== "feed") return [`root element is <${feed.tagName}>, expected <feed>`];
  if (feed.getAttribute("xmlns") !== ATOM_NS) problems.push(`feed namespace is ${feed.getAttribute("xmlns")}, expected ${ATOM_NS}`);
  const exactlyOne = (el: Element, name: string, where: string) => {
    const n = childrenNamed(el, name).length;
    if (n !== 1) problems.push(`${where} has ${n} <${name}>, expected exactly one`);
  };
  const dateConstruct = (el: Element, name: string, where: string) => {
    for (const d of childrenNamed(el, name)) if (!RFC3339.test(d.textContent ?? "")) problems.push(`${where} <${name}> "${d.textContent}" is not an RFC 3339 date-time`);
  };
  for (const name of ["id", "title", "updated"]) exactlyOne(feed, name, "feed");
  dateConstruct(feed, "updated", "feed");
  const feedId = childText(feed, "id") ?? "";
  if (!ABSOLUTE_IRI.test(feedId)) problems.push(`feed <id> "${feedId}" is not an absolute IRI`);
  const feedHasAuthor = childrenNamed(feed, "author").length > 0;
  for (const link of childrenNamed(feed, "link")) if (!link.getAttribute("href")) problems.push("feed <link> without href");
  const ids = new Set<string>();
  childrenNamed(feed, "entry").forEach((entry, i) => {
    const where = `entry ${i + 1}`;
    for (const name of ["id", "title", "updated"]) exactlyOne(entry, name, where);
    dateConstruct(entry, "updated", where);
    dateConstruct(entry, "published", where);
    const id = childText(entry, "id") ?? "";
    if (!ABSOLUTE_IRI.test(id)) problems.push(`${where} <id> "${id}" is not an absolute IRI`);
    if (ids.has(id)) problems.push(`${where} repeats id ${id}`);
    ids.add(id);
    if (!feedHasAuthor && childrenNamed(entry, "author").length === 0) problems.push(`${where} has no author and the feed has none`);
    for (const author of childrenNamed(entry, "author")) if (childrenNamed(author, "name").length !== 1) problems.push(`${where} author without one <name>`);
    const alternate = childrenNamed(entry, "link").some((l) => (l.getAttribute("rel") ?? "alternate") === "alternate");
    if (childrenNamed(entry, "content").length === 0 && !alternate) problems.push(`${where} has neither <content> nor an alternate link`);
    for (const link of childrenNamed(entry, "link")) if (!link.getAttribute("href")) problems.push(`${where} <link> without href`);
  });
  return problems;
}

export function jsonFeedProblems(feed: any): string[] {
  const problems: string[] = [];
  if (feed?.version !== "https://jsonfeed.org/version/1.1") problems.push(`version is ${feed?.version}`);
  if (typeof feed?.title !== "string" || !feed.title) problems.push("title missing");
  if (!Array.isArray(feed?.items)) return [...problems, "items is not an array"];
  for (const key of ["home_page_url", "feed_url"]) {
    if (key in feed && !/^https?:\/\//.test(feed[key])) problems.push(`${key} "${feed[key]}" is not a full URL`);
  }
  const ids = new Set<string>();
  feed.items.forEach((item: any, i: number) => {
    const where = `item ${i + 1}`;
    if (typeof item.id !== "string" || !item.id) problems.push(`${where} id missing`);
    if (ids.has(item.id)) problems.push(`${where} repeats id ${item.id}`);
    ids.add(item.id);
    if (typeof item.content_html !== "string" && typeof item.content_text !== "string") problems.push(`${where} has neither content_html nor content_text`);
    for (const key of ["date_published", "date_modified"]) if (key in item && !RFC3339.test(item[key])) problems.push(`${where} ${key} "${item[key]}" is not RFC 3339`);
    if ("authors" in item && !(Array.isArray(item.authors) && item.authors.every((a: any) => typeof a.name === "string"))) problems.push(`${where} authors malformed`);
    if ("tags" in item && !(Array.isArray(item.tags) && item.tags.every((t: unknown) => typeof t === "string"))) problems.push(`${where} tags malformed`);
    for (const key of Object.keys(item)) {
      const known = ["id", "url", "external_url", "title", "content_html", "content_text", "summary", "image", "banner_image", "date_published", "date_modified", "authors", "tags", "language", "attachments"];
      if (!known.includes(key) && !key.startsWith("_")) problems.push(`${where} has unknown key ${key} (extensions must start with "_")`);
    }
  });
  return problems;
}

export function sitemapProblems(doc: Document): string[] {
  const root = doc.documentElement;
  const problems: string[] = [];
  if (root.tagName !== "urlset") problems.push(`root is <${root.tagName}>, expected <urlset>`);
  if (root.getAttribute("xmlns") !== "http://www.sitemaps.org/schemas/sitemap/0.9") problems.push("urlset namespace wrong");
  const urls = childrenNamed(root, "url");
  if (urls.length > 50_000) problems.push("more than 50,000 URLs");
  for (const url of urls) {
    const locs = childrenNamed(url, "loc");
    if (locs.length !== 1) problems.push("<url> without exactly one <loc>");
    const loc = locs[0]?.textContent ?? "";
    if (!/^https?:\/\/[^\s]+$/.test(loc) || loc.length >= 2048) problems.push(`<loc> "${loc}" is not an absolute URL under 2048 characters`);
  }
  return problems;
}

export function sitemapLocs(doc: Document): string[] {
  return childrenNamed(doc.documentElement, "url").map((u) => childText(u, "loc") ?? "");
}

const isoDateOrDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?$/);
const organization = z.object({ "@type": z.literal("Organization"), name: z.string().min(1) });

/** The NewsArticle shape every article page promises (see src/site/structured-data.ts). */
export const NewsArticleShape = z
  .object({
    "@context": z.literal("https://schema.org"),
    "@type": z.literal("NewsArticle"),
    identifier: z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/),
    headline: z.string().min(1),
    url: z.string().min(1),
    mainEntityOfPage: z.object({ "@type": z.literal("WebPage"), "@id": z.string().min(1) }),
    datePublished: isoDateOrDateTime.optional(),
    description: z.string().optional(),
    articleSection: z.string().optional(),
    creditText: z.string().optional(),
    wordCount: z.number().int().nonnegative(),
    publisher: organization.optional(),
    isBasedOn: z.object({
      "@type": z.literal("DigitalDocument"),
      name: z.string(),
      url: z.string().min(1),
      encodingFormat: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/),
    }),
    sameAs: z.string().url().optional(),
    backstory: z.string().optional(),
    sdPublisher: organization,
  })
  .strict();

let ninjsValidate: ReturnType<Ajv2020["compile"]> | null = null;

/** ajv errors against the transcribed ninjs 2.1 schema; empty when the document is valid. */
export function ninjsProblems(doc: unknown): string[] {
  if (!ninjsValidate) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const schema = JSON.parse(readFileSync(new URL("./ninjs-2.1.schema.json", import.meta.url), "utf8"));
    ninjsValidate = ajv.compile(schema);
  }
  if (ninjsValidate(doc)) return [];
  return (ninjsValidate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`);
}
