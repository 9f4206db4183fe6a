/**
 * seeds/ -> Archive: ingest and parse every report, then run the archive-wide stage. Reports that
 * yield nothing usable are left out of the archive and returned with their diagnostics.
 */
import path from "node:path";
import { readReport } from "../ingest/read-report.ts";
import { parseReport } from "../parse/parse-document.ts";
import type { ArticleRecord, Diagnostic } from "../record/schema.ts";
import { buildArchive } from "./build-archive.ts";
import { listReports } from "./list-reports.ts";
import type { Archive } from "./types.ts";

export interface LoadOptions {
  root: string;
  /** Folder of reports, relative to root or absolute. */
  seedsDir?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface LoadResult {
  archive: Archive;
  /** Reports left out, with why. */
  skipped: Array<{ file: string; diagnostics: Diagnostic[] }>;
}

export async function loadArchive(opts: LoadOptions): Promise<LoadResult> {
  const dir = path.resolve(opts.root, opts.seedsDir ?? "seeds");
  const files = await listReports(dir);
  const records: ArticleRecord[] = [];
  const skipped: LoadResult["skipped"] = [];
  let done = 0;
  for (const file of files) {
    const { record, usable } = parseReport(await readReport(file, opts.root));
    if (usable) records.push(record);
    else skipped.push({ file: record.sourceFile, diagnostics: record.diagnostics });
    opts.onProgress?.(++done, files.length);
  }
  return { archive: buildArchive(records), skipped };
}
