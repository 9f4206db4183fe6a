/**
 * What the live site publishes of each report (its file, page id and date), by checksum: `add` compares
 * it with the rebuilt archive to say which other reports' pages moved or were dated anew.
 *
 * Kept in the build cache, one per output folder, and written after the site goes live. It names the
 * build it describes (the site's `generatedAt`), so one left by a build that died after its swap is
 * never taken for the live site's: a reader finding another build's, or none, reads the
 * site's data/articles.json instead, which says the same at 200 times the size (half a second to read
 * and parse at 10,000 reports).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ArticleRecord } from "../record/schema.ts";
import { writeWhole } from "./write-whole.ts";
import { readArticlesHead } from "./write-data.ts";

export interface PublishedArticle {
  sourceFile: string;
  id: string;
  date?: string;
}

/** checksum -> what the site publishes of that report. */
export type PublishedIndex = Map<string, PublishedArticle>;

interface IndexFile {
  generatedAt: string;
  /** [checksum, sourceFile, id, date or null] */
  articles: Array<[string, string, string, string | null]>;
}

export async function writePublishedIndex(file: string, generatedAt: string, records: readonly ArticleRecord[]): Promise<void> {
  const data: IndexFile = { generatedAt, articles: records.map((r) => [r.checksum, r.sourceFile, r.id, r.published?.date ?? null]) };
  await writeWhole(file, JSON.stringify(data));
}

/** What the site in `outDir` publishes; empty when there is no site (or it cannot be read). */
export async function readPublished(file: string, outDir: string): Promise<PublishedIndex> {
  const articlesFile = path.join(outDir, "data", "articles.json");
  const live = (await readArticlesHead(articlesFile))?.generatedAt;
  if (live !== undefined) {
    const index = await readFile(file, "utf8")
      .then((text) => JSON.parse(text) as IndexFile)
      .catch(() => undefined);
    if (index?.generatedAt === live) return new Map(index.articles.map(([checksum, sourceFile, id, date]) => [checksum, { sourceFile, id, date: date ?? undefined }]));
  }
  try {
    const data = JSON.parse(await readFile(articlesFile, "utf8")) as { articles: ArticleRecord[] };
    return new Map(data.articles.map((a) => [a.checksum, { sourceFile: a.sourceFile, id: a.id, date: a.published?.date }]));
  } catch {
    return new Map();
  }
}
