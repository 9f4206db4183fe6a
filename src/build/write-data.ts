/** Machine-readable copies of the archive under `data/`: every record and the timeline, for re-use and tests. */
import { mkdir, open } from "node:fs/promises";
import path from "node:path";
import type { Archive, SourceSummary } from "../archive/types.ts";
import { writeTimelineData } from "../timeline/write-timeline.ts";
import { writeJsonList } from "../util/write-json-list.ts";

export async function writeDataFiles(outDir: string, archive: Archive): Promise<string[]> {
  const dir = path.join(outDir, "data");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "articles.json");
  await writeArticles(file, archive);
  return [file, ...(await writeTimelineData(dir, archive.timeline, archive.records, "Wire Archive timeline"))];
}

/** `{generatedAt, count, sources, articles}`, as JSON.stringify would write it. */
async function writeArticles(file: string, archive: Archive): Promise<void> {
  await writeJsonList(file, { generatedAt: archive.generatedAt, count: archive.records.length, sources: archive.sources }, "articles", archive.records);
}

/** What data/articles.json says before its records: when it was built, how many records, the sources. */
export interface ArticlesHead {
  generatedAt: string;
  count: number;
  sources: SourceSummary[];
}

/** Where the records start: no JSON string holds this, its quotes would be escaped. */
const ARTICLES_KEY = ',"articles":[';
/** Read in pieces of this size until the records start. */
const HEAD_PIECE = 64 * 1024;

/**
 * The head of the data/articles.json at `file`, read from its first bytes up to the records (a file of
 * 10,000 reports is some 55 MB, which readers of its head need not load); undefined when there is no
 * such file or it does not open as `writeArticles` writes it.
 */
export async function readArticlesHead(file: string): Promise<ArticlesHead | undefined> {
  const handle = await open(file).catch(() => undefined);
  if (!handle) return undefined;
  try {
    let text = "";
    for (let at = 0; ; at += HEAD_PIECE) {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_PIECE), 0, HEAD_PIECE, at);
      // A character cut at the piece's end is mended when the next piece is appended before decoding.
      text += buffer.toString("latin1", 0, bytesRead);
      const end = text.indexOf(ARTICLES_KEY);
      if (end >= 0) return JSON.parse(Buffer.from(text.slice(0, end), "latin1").toString("utf8") + "}") as ArticlesHead;
      if (bytesRead < HEAD_PIECE) return undefined;
    }
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
