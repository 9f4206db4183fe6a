/** Parses the project's own seeds (always present) the way the build does, for tests. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildArchive } from "../../src/archive/build-archive.ts";
import { ingestBytes } from "../../src/ingest/read-report.ts";
import { parseReport } from "../../src/parse/parse-document.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const SEEDS_DIR = path.join(REPO_ROOT, "seeds");

export function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR).filter((f) => !f.startsWith(".")).sort();
}

/** The three founding reports by their file name's hash part; file names carry no meaning to the code. */
export const AFP = "seeds/000_b8421826220f6c4c.txt";
export const ALJAZEERA = "seeds/001_074339284b23f45c.txt";
export const BBC = "seeds/002_2177ecebc88f78b3.txt";

export function parseSeed(file: string) {
  const bytes = readFileSync(path.join(REPO_ROOT, file));
  const doc = ingestBytes(bytes, file);
  return { doc, ...parseReport(doc) };
}

/** All seeds through the archive-wide stage (cross-report date inference, ids), keyed by sourceFile. */
export function seedArchive(): Map<string, ArticleRecord> {
  const records = seedFiles().map((f) => parseSeed(`seeds/${f}`).record);
  return new Map(buildArchive(records).records.map((r) => [r.sourceFile, r]));
}
