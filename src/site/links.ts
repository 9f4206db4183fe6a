/** URLs the site gives each record. One place, so pages, tests and the raw-report copy agree. */
import path from "node:path";
import type { ArticleRecord } from "../record/schema.ts";

type Identified = Pick<ArticleRecord, "id">;

export function articlePath(record: Identified): string {
  return `/articles/${record.id}/`;
}

/**
 * `/raw/<id><original extension>`: where the build copies the report as received. Markup a browser
 * would run (a saved HTML page with its scripts) gets `.txt` appended, so it is served as text on our
 * origin, never executed.
 */
export function rawReportPath(record: Pick<ArticleRecord, "id" | "sourceFile">): string {
  const ext = path.posix.extname(record.sourceFile.replaceAll("\\", "/")).toLowerCase();
  return `/raw/${record.id}${ext}${/^\.(?:html?|xhtml|svg|xml)$/.test(ext) ? ".txt" : ""}`;
}

/** Anchor of one body block, shared by the article page and pages that link into it. */
export function blockAnchor(index: number): string {
  return `b${index}`;
}

/** Absolute URL when the site knows where it is published; otherwise the root-relative path. */
export function absoluteUrl(urlPath: string, baseUrl?: string | null): string {
  if (!baseUrl) return urlPath;
  // Site paths are root-relative; resolve them under the base URL's own path (hosting under a sub-path).
  return new URL(urlPath.replace(/^\/+/, ""), baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`).href;
}

/**
 * A link taken from a raw report, if it is safe to make clickable (http, https, mailto); otherwise
 * null and the page shows it as text. Reports are untrusted: `javascript:` must never become a link.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  return /^(https?:\/\/|mailto:)/i.test(trimmed) ? trimmed : null;
}
