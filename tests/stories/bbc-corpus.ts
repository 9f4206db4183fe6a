/** Loads the BBC news corpus (../shared/corpora/bbc-news) through ingest, parse and the archive stage. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildArchive } from "../../src/archive/build-archive.ts";
import type { Archive } from "../../src/archive/types.ts";
import { ingestBytes } from "../../src/ingest/read-report.ts";
import { parseReport } from "../../src/parse/parse-document.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";

export const BBC_DIR = path.resolve(import.meta.dirname, "../../../shared/corpora/bbc-news");
export const BBC_PRESENT = existsSync(BBC_DIR);
export const CATEGORIES = ["business", "entertainment", "politics", "sport", "tech"];

export interface BbcCorpus {
  records: ArticleRecord[];
  /** Category (corpus folder) of each record, by record id after the archive stage. */
  categoryOf: Map<string, string>;
  /** Checksum -> ids of records whose raw bytes are identical. */
  byChecksum: Map<string, string[]>;
}

/** Parsed (not yet archived) records; `sourceFile` keeps the folder so the category can be read back. */
export function parseBbc(): ArticleRecord[] {
  const out: ArticleRecord[] = [];
  for (const category of CATEGORIES) {
    for (const file of readdirSync(path.join(BBC_DIR, category)).sort()) {
      const rel = `bbc-news/${category}/${file}`;
      const { record, usable } = parseReport(ingestBytes(readFileSync(path.join(BBC_DIR, category, file)), rel));
      if (usable) out.push(record);
    }
  }
  return out;
}

export function categoriesOf(archive: Archive): Map<string, string> {
  return new Map(archive.records.map((r) => [r.id, r.sourceFile.split("/")[1]]));
}
