/** Loads the BBC news corpus (../shared/corpora/bbc-news) through ingest and parse, ids assigned as the archive does. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { assignUniqueIds } from "../../src/archive/assign-ids.ts";
import { ingestBytes } from "../../src/ingest/read-report.ts";
import { parseReport } from "../../src/parse/parse-document.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";

export const BBC_DIR = path.resolve(import.meta.dirname, "../../../shared/corpora/bbc-news");
export const BBC_PRESENT = existsSync(BBC_DIR);
export const CATEGORIES = ["business", "entertainment", "politics", "sport", "tech"];

/** Usable records with unique ids; `sourceFile` is `bbc-news/<category>/<file>`, so the folder can be read back. */
export function loadBbc(): ArticleRecord[] {
  const out: ArticleRecord[] = [];
  for (const category of CATEGORIES) {
    for (const file of readdirSync(path.join(BBC_DIR, category)).sort()) {
      const rel = `bbc-news/${category}/${file}`;
      const { record, usable } = parseReport(ingestBytes(readFileSync(path.join(BBC_DIR, category, file)), rel));
      if (usable) out.push(record);
    }
  }
  assignUniqueIds(out);
  return out;
}

export const categoryOf = (record: ArticleRecord) => record.sourceFile.split("/")[1];
