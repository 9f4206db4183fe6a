/**
 * One ninjs JSON file per report, written straight to the site folder: each is a pure function of
 * its record, so sending 10,000 of them through the template engine (as pages) only cost time.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ArticleRecord } from "../record/schema.ts";
import { ninjsJson, ninjsPath, type NinjsSite } from "./ninjs.ts";

const CONCURRENT_WRITES = 32;

export async function writeNinjsFiles(outDir: string, records: readonly ArticleRecord[], site: NinjsSite): Promise<number> {
  if (!records.length) return 0;
  await mkdir(path.join(outDir, path.dirname(ninjsPath({ id: "x" }))), { recursive: true });
  let next = 0;
  const writer = async () => {
    while (next < records.length) {
      const record = records[next++];
      await writeFile(path.join(outDir, ninjsPath(record)), ninjsJson(record, site));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_WRITES, records.length) }, writer));
  return records.length;
}
