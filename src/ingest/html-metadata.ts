/**
 * The fields an HTML page states about itself: JSON-LD (NewsArticle and kin), Open Graph / article:*
 * meta tags, <title>, <time datetime>, the canonical link. Read before anything mutates the DOM.
 */
import type { Diagnostic } from "../record/schema.ts";
import type { StatedDate, StatedFields } from "./types.ts";
import { parseStatedDate } from "./stated-date.ts";
import { titleCuts } from "./title-separators.ts";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

/** JSON-LD types that describe the article itself (schema.org Article and its subtypes). */
const ARTICLE_TYPE = /(Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|AnalysisNewsArticle)$/;

type MetaIndex = Map<string, string>;

/**
 * The first `tag` element passing `test`, in document order. Lookups by tag name rather than CSS
 * selectors: linkedom compiles a selector anew on every query, which cost more than the rest of this module.
 */
function first(doc: Document, tag: string, test: (el: Element) => boolean): Element | undefined {
  for (const el of doc.getElementsByTagName(tag)) if (test(el)) return el;
  return undefined;
}

/** Whether a space-separated attribute value holds `token`, ignoring case (CSS `[attr~=token i]`). */
function hasToken(value: string | null, token: string): boolean {
  return value !== null && value.toLowerCase().split(/[ \t\n\f\r]+/).includes(token);
}

/** All <meta> tags by lower-cased property/name/itemprop, first one wins (one pass, not one query per key). */
function indexMeta(doc: Document): MetaIndex {
  const index: MetaIndex = new Map();
  for (const el of doc.getElementsByTagName("meta")) {
    const value = el.getAttribute("content")?.trim();
    if (!value) continue;
    for (const attr of ["property", "name", "itemprop"]) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !index.has(key)) index.set(key, value);
    }
  }
  return index;
}

function metaContent(meta: MetaIndex, ...keys: string[]): { value: string; key: string } | undefined {
  for (const key of keys) {
    const value = meta.get(key.toLowerCase());
    if (value) return { value, key };
  }
  return undefined;
}

function clean(s: string | undefined): string | undefined {
  const t = s?.replace(/\s+/g, " ").trim();
  return t ? t : undefined;
}

function asText(v: Json | undefined): string | undefined {
  if (typeof v === "string") return clean(decodeEntities(v));
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return asText(v[0]);
  if (v && typeof v === "object") return asText(v.name ?? v["@value"]);
  return undefined;
}

/** JSON-LD strings are sometimes HTML-escaped by the CMS (`&amp;`, `&#39;`). */
function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return named[e.toLowerCase()] ?? m;
  });
}

function names(v: Json | undefined): string | undefined {
  if (Array.isArray(v)) {
    const all = v.map((x) => asText(x)).filter((x): x is string => !!x);
    return all.length ? [...new Set(all)].join(", ") : undefined;
  }
  return asText(v);
}

function typesOf(o: JsonObject): string[] {
  const t = o["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

/** Every object in the JSON-LD blocks, flattening arrays and @graph. */
function flatten(v: Json, out: JsonObject[] = [], depth = 0): JsonObject[] {
  if (depth > 5 || v === null || typeof v !== "object") return out;
  if (Array.isArray(v)) {
    for (const x of v) flatten(x, out, depth + 1);
    return out;
  }
  out.push(v);
  if (v["@graph"]) flatten(v["@graph"], out, depth + 1);
  return out;
}

function readJsonLd(doc: Document, file: string, diagnostics: Diagnostic[]): JsonObject | undefined {
  const objects: JsonObject[] = [];
  for (const script of doc.getElementsByTagName("script")) {
    if (script.getAttribute("type")?.toLowerCase() !== "application/ld+json") continue;
    const raw = (script.textContent ?? "").trim();
    if (!raw) continue;
    try {
      flatten(JSON.parse(raw) as Json, objects);
    } catch {
      try {
        // CMSes often leave raw newlines/tabs inside JSON strings; JSON forbids them, browsers' consumers shrug.
        flatten(JSON.parse(raw.replace(/[\u0000-\u001f]+/g, " ")) as Json, objects);
      } catch (err) {
        diagnostics.push({
          file,
          severity: "info",
          rule: "bad-json-ld",
          message: `Unexpected invalid JSON in a JSON-LD script (${(err as Error).message}), expected JSON`,
          hint: "Nothing to do; that block's metadata was ignored and the page's other metadata used.",
        });
      }
    }
  }
  return objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPE.test(t)));
}

function dateFrom(value: string | undefined, evidence: string): StatedDate | undefined {
  if (!value) return undefined;
  const parsed = parseStatedDate(value);
  return parsed ? { ...parsed, evidence } : undefined;
}

export interface HtmlMetadata {
  stated: StatedFields;
  /** The page's <title> as written. */
  title?: string;
}

const TITLE_SEPARATORS = [" - ", " | ", " — ", " – ", " :: "];

/**
 * Pages append their site's name to titles ("Council approves cycle lanes - The Example Post"). Cut it
 * when it is the page's stated site name, or (for a <title>, `loose`) any short last part.
 */
function withoutSiteName(title: string | undefined, siteName: string | undefined, loose: boolean): string | undefined {
  if (!title) return undefined;
  const norm = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  for (const { sep, at } of titleCuts(title, TITLE_SEPARATORS)) {
    const site = title.slice(at + sep.length).trim();
    const named = siteName !== undefined && norm(site) === norm(siteName);
    if (named || (loose && site.split(/\s+/).length <= 4)) return title.slice(0, at).trim();
  }
  return title;
}

export function readHtmlMetadata(doc: Document, file: string, diagnostics: Diagnostic[]): HtmlMetadata {
  const ld = readJsonLd(doc, file, diagnostics);
  const meta = indexMeta(doc);
  const title = clean(doc.getElementsByTagName("title")[0]?.textContent ?? undefined);
  const stated: StatedFields = {};

  const publisher = ld?.publisher && typeof ld.publisher === "object" ? asText(ld.publisher) : undefined;
  const source = clean(metaContent(meta, "og:site_name", "application-name")?.value) ?? publisher;
  if (source) stated.source = source;

  const h1 = clean(doc.getElementsByTagName("h1")[0]?.textContent ?? undefined);
  const headline =
    asText(ld?.headline) ??
    withoutSiteName(clean(metaContent(meta, "og:title", "twitter:title")?.value), source, false) ??
    asText(ld?.name) ??
    (title && h1 && title.startsWith(h1) ? h1 : withoutSiteName(title, source, true));
  if (headline) stated.headline = headline;

  stated.published = publishedDate(doc, meta, ld);
  if (!stated.published) delete stated.published;

  const section = clean(metaContent(meta, "article:section", "section")?.value) ?? asText(ld?.articleSection);
  if (section) stated.section = section;

  const canonical = first(doc, "link", (el) => hasToken(el.getAttribute("rel"), "canonical"))?.getAttribute("href")?.trim();
  const ldUrl = asText(ld?.url) ?? (typeof ld?.mainEntityOfPage === "string" ? ld.mainEntityOfPage : asText((ld?.mainEntityOfPage as JsonObject | undefined)?.["@id"]));
  const url = canonical || clean(metaContent(meta, "og:url")?.value) || ldUrl;
  if (url) stated.url = url;

  const metaAuthor = clean(metaContent(meta, "author", "article:author", "byl", "dc.creator", "sailthru.author")?.value);
  const byline = names(ld?.author) ?? (metaAuthor && !/^https?:\/\//.test(metaAuthor) ? metaAuthor : undefined);
  if (byline) stated.byline = byline;

  const standfirst =
    asText(ld?.description) ?? clean(metaContent(meta, "og:description", "description", "twitter:description")?.value);
  if (standfirst) stated.standfirst = standfirst;

  return { stated, title };
}

function publishedDate(doc: Document, meta: MetaIndex, ld: JsonObject | undefined): StatedDate | undefined {
  const ldDate = asText(ld?.datePublished);
  const fromLd = dateFrom(ldDate, `JSON-LD datePublished: ${ldDate}`);
  if (fromLd) return fromLd;
  const stated = metaContent(
    meta,
    "article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
  );
  const fromMeta = dateFrom(stated?.value, `<meta ${stated?.key}="${stated?.value}">`);
  if (fromMeta) return fromMeta;
  const time =
    first(doc, "time", (el) => el.getAttribute("itemprop")?.toLowerCase() === "datepublished" && el.hasAttribute("datetime")) ??
    first(doc, "time", (el) => el.hasAttribute("pubdate") && el.hasAttribute("datetime")) ??
    first(doc, "time", (el) => el.hasAttribute("datetime"));
  const dt = time?.getAttribute("datetime")?.trim();
  const fromTime = dateFrom(dt, `<time datetime="${dt}">${clean(time?.textContent ?? "") ?? ""}</time>`);
  if (fromTime) return fromTime;
  const updated = metaContent(meta, "og:updated_time", "article:modified_time");
  return dateFrom(updated?.value, `<meta ${updated?.key}="${updated?.value}">`);
}
