/**
 * The text the extraction score compares with the gold body: the record's body blocks (paragraphs,
 * headings, quotes, list items, timelines) in order, joined with blank lines; no headline, standfirst,
 * captions or related links.
 */
import { ingestBytes } from "../ingest/read-report.ts";
import { parseDocument } from "../parse/parse-document.ts";
import type { ArticleRecord } from "../record/schema.ts";

export function bodyText(record: ArticleRecord): string {
  return record.body.map((b) => b.text).join("\n\n");
}

/** The whole pipeline as an extractor: bytes -> ingest -> parse -> body text. */
export function extractBody(bytes: Uint8Array, file: string): string {
  return bodyText(parseDocument(ingestBytes(bytes, file)));
}
