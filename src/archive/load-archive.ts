/**
 * seeds/ -> Archive: ingest and parse every report, then run the archive-wide stage. Reports that
 * yield nothing usable are left out of the archive and returned with their diagnostics.
 * Per-report parse results come from the on-disk parse cache when the report is unchanged.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_MAX_BYTES } from "../ingest/decode-bytes.ts";
import { ingestBytes, readReport, sha256Hex } from "../ingest/read-report.ts";
import { parseReport, type ParsedReport } from "../parse/parse-document.ts";
import type { ArticleRecord, Diagnostic } from "../record/schema.ts";
import { buildArchive } from "./build-archive.ts";
import { listReports } from "./list-reports.ts";
import { defaultCacheDir, openParseCache, type ParseCache } from "./parse-cache.ts";
import { openChecksumIndex, type ChecksumIndex } from "./checksum-index.ts";
import { PERMALINKS_FILE, readPermalinks, type Permalinks } from "./permalinks.ts";
import type { Archive } from "./types.ts";

export interface LoadOptions {
  root: string;
  /** Folder of reports, relative to root or absolute. */
  seedsDir?: string;
  onProgress?: (done: number, total: number) => void;
  /** Parse cache to use; default: the one under <root>/.wire-archive/cache. `false`: parse everything. */
  cache?: ParseCache | false;
}

export interface LoadResult {
  archive: Archive;
  /** Reports left out, with why. */
  skipped: Array<{ file: string; diagnostics: Diagnostic[] }>;
  /** How many reports were parsed and how many came from the cache. */
  parseStats?: { parsed: number; cached: number };
  /** The reports folder's permalink ledger, as read (ids already published). */
  permalinks?: Permalinks;
}

export async function loadArchive(opts: LoadOptions): Promise<LoadResult> {
  const { records, skipped, parseStats, permalinks } = await loadParsed(opts);
  const archive = buildArchive(records, undefined, { permalinks: permalinks.entries });
  archive.diagnostics.push(...permalinks.diagnostics);
  return { archive, skipped, parseStats, permalinks };
}

/** Every report parsed on its own (no archive-wide stage yet): usable records and skipped reports. */
export async function loadParsed(opts: LoadOptions): Promise<{ records: ArticleRecord[] } & Required<Omit<LoadResult, "archive">>> {
  const dir = path.resolve(opts.root, opts.seedsDir ?? "seeds");
  const files = await listReports(dir);
  const permalinks = readPermalinks(dir, relativePath(opts.root, path.join(dir, PERMALINKS_FILE)));
  const cache = opts.cache === false ? undefined : (opts.cache ?? (await openParseCache(opts.root)));
  // Only with a cache: a report whose checksum is known without reading it is worth nothing unparsed.
  const checksums = cache ? openChecksumIndex(defaultCacheDir(opts.root)) : undefined;
  const records: ArticleRecord[] = [];
  const skipped: LoadResult["skipped"] = [];
  const parseStats = { parsed: 0, cached: 0 };
  let done = 0;
  // Reading files and cache entries overlaps (a few at a time); parsing itself is synchronous CPU work.
  const results = await mapLimited(files, IO_CONCURRENCY, async (file) => {
    const parsed = await parseFile(file, opts.root, cache, checksums);
    opts.onProgress?.(++done, files.length);
    return parsed;
  });
  await Promise.all([checksums?.save(), cache?.save()]);
  for (const { result, cached } of results) {
    parseStats[cached ? "cached" : "parsed"]++;
    if (result.usable) records.push(result.record);
    else skipped.push({ file: result.record.sourceFile, diagnostics: result.record.diagnostics });
  }
  return { records, skipped, parseStats, permalinks };
}

const IO_CONCURRENCY = 16;

/** `abs` relative to the root, with forward slashes: how records and diagnostics name files. */
const relativePath = (root: string, abs: string) => path.relative(root, abs).split(path.sep).join("/");

/** Like Promise.all over items.map(fn), with at most `limit` calls in flight; results in input order. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * One report through ingest and parse, or its cached result when its bytes and path are unchanged.
 * With `checksums`, an unchanged file (same stat as when it was last hashed) is not even read.
 */
export async function parseFile(abs: string, root: string, cache?: ParseCache, checksums?: ChecksumIndex): Promise<{ result: ParsedReport; cached: boolean }> {
  const rel = relativePath(root, abs);
  let bytes: Buffer | undefined;
  let checksum: string | undefined;
  try {
    const info = await stat(abs);
    const known = checksums?.known(abs, info);
    const hit = known ? cache?.get(rel, known) : undefined;
    if (hit) return { result: hit, cached: true };
    // Too large or unreadable: readReport answers those without loading the file.
    if (info.size <= DEFAULT_MAX_BYTES) {
      bytes = await readFile(abs);
      checksum = sha256Hex(bytes);
      checksums?.record(abs, info, checksum);
    }
  } catch {
    bytes = undefined;
  }
  if (!bytes || !checksum) return { result: parseReport(await readReport(abs, root)), cached: false };
  const hit = cache?.get(rel, checksum);
  if (hit) return { result: hit, cached: true };
  const result = parseReport(ingestBytes(bytes, rel));
  cache?.set(rel, checksum, result);
  return { result, cached: false };
}
