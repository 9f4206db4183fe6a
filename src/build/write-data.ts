/** Machine-readable copies of the archive under `data/`: every record, for re-use and for tests. */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/types.ts";

export async function writeDataFiles(outDir: string, archive: Archive): Promise<string[]> {
  const dir = path.join(outDir, "data");
  await mkdir(dir, { recursive: true });
  const articles = { generatedAt: archive.generatedAt, count: archive.records.length, sources: archive.sources, articles: archive.records };
  const file = path.join(dir, "articles.json");
  await writeFile(file, JSON.stringify(articles, null, 1));
  return [file];
}
