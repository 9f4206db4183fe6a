/** URLs the site gives each record. One place, so pages, tests and the raw-report copy agree. */
import path from "node:path";
import type { ArticleRecord } from "../record/schema.ts";

type Identified = Pick<ArticleRecord, "id">;

export function articlePath(record: Identified): string {
  return `/articles/${record.id}/`;
}

/** `/raw/<id><original extension>`: where the build copies the report as received. */
export function rawReportPath(record: Pick<ArticleRecord, "id" | "sourceFile">): string {
  return `/raw/${record.id}${path.posix.extname(record.sourceFile.replaceAll("\\", "/"))}`;
}

/** Anchor of one body block, shared by the article page and pages that link into it. */
export function blockAnchor(index: number): string {
  return `b${index}`;
}

/** Absolute URL when the site knows where it is published; otherwise the root-relative path. */
export function absoluteUrl(urlPath: string, baseUrl?: string | null): string {
  if (!baseUrl) return urlPath;
  return new URL(urlPath, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`).href;
}
