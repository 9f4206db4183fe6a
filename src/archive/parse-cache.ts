/**
 * On-disk cache of per-report parse results, so an unchanged report is not parsed again.
 *
 * Key: the report's path relative to the root and the sha256 of its raw bytes, in a file per parser
 * version. The path is part of the key because the record carries it (`sourceFile`, diagnostics'
 * `file`). The parser version is a hash of the code and data that decide a parse result (src/parse,
 * src/ingest, src/profiles, src/record and the locked dependency versions), so editing the parser
 * invalidates the cache without anyone having to remember to.
 *
 * Layout: <root>/.wire-archive/cache/parse-<version>.lines, one report a line (cache-lines.ts): one
 * file read instead of one a report (at 10,000 reports, opening 10,000 small files cost a rebuild over
 * a second), and a build that adds reports appends their lines. Files of older parser versions go when
 * the file is next written whole. Everything here is safe to delete: a missing, torn or foreign
 * entry is just a miss.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { CODE_DIR } from "../code-dir.ts";
import type { ParsedReport } from "../parse/parse-document.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { openLineCache } from "./cache-lines.ts";

const SRC_DIR = path.join(CODE_DIR, "src");
/**
 * What a parse result depends on besides the report itself (folders and files of src/): the parser's
 * code and data, and the date code it reads datelines with. tests/archive/cache-versions.test.ts
 * checks that everything the parser imports is in here.
 */
export const PARSER_INPUTS = ["parse", "ingest", "profiles", "record", "dates/chrono.ts", "dates/plain-date.ts", "code-dir.ts", "util/load-on-first-use.ts"];
const CACHE_FORMAT = "1";

const versionMemo = new Map<string, string>();

/** Hash of the parser's code and data, computed once per process. */
export function parserVersion(): string {
  return codeVersion(PARSER_INPUTS);
}

/**
 * Hash of the code and data in these folders (or files) of src/ and the locked dependency versions, once per
 * process: a cache keyed by it is invalidated by any edit to what produced its entries.
 */
export function codeVersion(srcFolders: readonly string[]): string {
  const memoKey = srcFolders.join("\0");
  const known = versionMemo.get(memoKey);
  if (known) return known;
  const hash = createHash("sha256").update(`cache-format ${CACHE_FORMAT}\n`);
  const files = srcFolders.map((d) => path.join(SRC_DIR, d)).flatMap((p) => (isFile(p) ? [p] : listFilesSorted(p)));
  const lock = path.join(CODE_DIR, "package-lock.json");
  if (isFile(lock)) files.push(lock);
  for (const file of files) {
    hash.update(`${path.relative(CODE_DIR, file)}\n`);
    hash.update(readFileSync(file));
    hash.update("\n");
  }
  const version = hash.digest("hex").slice(0, 16);
  versionMemo.set(memoKey, version);
  return version;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function listFilesSorted(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}

export interface ParseCache {
  /** The stored result for this report's path and bytes, or undefined. Fresh objects each call. */
  get(file: string, checksum: string): ParsedReport | undefined;
  set(file: string, checksum: string, result: ParsedReport): void;
  /** Writes what this load added (or all it used), then lets the entries go (call once, when done). */
  save(): Promise<void>;
  readonly stats: { hits: number; misses: number };
}

export interface ParseCacheOptions {
  /** Folder holding the cache (default <root>/.wire-archive/cache). */
  dir?: string;
  /** Override the parser version (tests). */
  version?: string;
}

export function defaultCacheDir(root: string): string {
  return path.join(root, ".wire-archive", "cache");
}

/** The cache file's name prefix: files (or, from the older layout, folders) with it are other parser versions. */
const PREFIX = "parse-";

export async function openParseCache(root: string, opts: ParseCacheOptions = {}): Promise<ParseCache> {
  const version = opts.version ?? parserVersion();
  const lines = await openLineCache(path.join(opts.dir ?? defaultCacheDir(root), `${PREFIX}${version}.lines`), PREFIX);
  const stats = { hits: 0, misses: 0 };
  const keyOf = (file: string, checksum: string) => `${file}\0${checksum}`;
  return {
    stats,
    get(file, checksum) {
      const entry = lines.lookup<{ record?: ArticleRecord; usable?: unknown }>(keyOf(file, checksum));
      // Guard against a foreign line under the right key: it must be this report's result.
      if (entry?.record?.checksum === checksum && entry.record.sourceFile === file && typeof entry.usable === "boolean") {
        stats.hits++;
        return { record: entry.record, usable: entry.usable };
      }
      stats.misses++;
      return undefined;
    },
    set(file, checksum, result) {
      lines.put(keyOf(file, checksum), { record: result.record, usable: result.usable });
    },
    save: () => lines.save(),
  };
}
