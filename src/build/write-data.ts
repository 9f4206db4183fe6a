/** Machine-readable copies of the archive under `data/`: every record and the timeline, for re-use and tests. */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import type { Archive } from "../archive/types.ts";
import { writeTimelineData } from "../timeline/write-timeline.ts";

export async function writeDataFiles(outDir: string, archive: Archive): Promise<string[]> {
  const dir = path.join(outDir, "data");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "articles.json");
  await writeArticles(file, archive);
  return [file, ...(await writeTimelineData(dir, archive.timeline, archive.records, "Wire Archive timeline"))];
}

/**
 * `{generatedAt, count, sources, articles}` as JSON.stringify would write it, in chunks of about 1 MB:
 * the whole file as one string was 100 MB (200 MB in memory) at 10,000 reports, and a write per
 * record waited on the stream once a record.
 */
async function writeArticles(file: string, archive: Archive): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  const head = JSON.stringify({ generatedAt: archive.generatedAt, count: archive.records.length, sources: archive.sources });
  await write(`${head.slice(0, -1)},"articles":[`);
  let chunk = "";
  for (const [i, record] of archive.records.entries()) {
    chunk += `${i ? "," : ""}${JSON.stringify(record)}`;
    if (chunk.length >= 1 << 20) {
      await write(chunk);
      chunk = "";
    }
  }
  out.end(chunk + "]}");
  await once(out, "finish");
}
