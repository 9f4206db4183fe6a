/** Copies each raw report, byte for byte, to /raw/<id><ext> so article pages can link to it. */
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { ArticleRecord } from "../record/schema.ts";
import { rawReportPath } from "./links.ts";

export interface RawReportsOptions {
  records: readonly Pick<ArticleRecord, "id" | "sourceFile">[];
  /** Directory `record.sourceFile` is relative to. */
  rootDir: string;
}

/** Returns how many files were copied; rejects naming the report when one cannot be copied. */
export async function copyRawReports(options: RawReportsOptions, outDir: string): Promise<number> {
  await Promise.all(
    options.records.map(async (record) => {
      const from = path.join(options.rootDir, record.sourceFile);
      const to = path.join(outDir, rawReportPath(record));
      try {
        await mkdir(path.dirname(to), { recursive: true });
        await copyFile(from, to);
      } catch (error) {
        // A page would link to a missing file: fail the build rather than publish a dead link.
        throw new Error(
          `Cannot copy raw report ${record.sourceFile} (record ${record.id}) to ${to}: ${(error as Error).message}`,
        );
      }
    }),
  );
  return options.records.length;
}
