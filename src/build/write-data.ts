/** Machine-readable copies of the archive under `data/`: every record and the timeline, for re-use and tests. */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/types.ts";
import { writeTimelineData } from "../timeline/write-timeline.ts";

export async function writeDataFiles(outDir: string, archive: Archive): Promise<string[]> {
  const dir = path.join(outDir, "data");
  await mkdir(dir, { recursive: true });
  const articles = { generatedAt: archive.generatedAt, count: archive.records.length, sources: archive.sources, articles: archive.records };
  const file = path.join(dir, "articles.json");
  await writeFile(file, JSON.stringify(articles));
  return [file, ...(await writeTimelineData(dir, archive.timeline, archive.records, "Wire Archive timeline"))];
}
