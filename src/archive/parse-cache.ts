/**
 * On-disk cache of per-report parse results, so an unchanged report is not parsed again.
 *
 * Key: sha256 of (parser version, the report's path relative to the root, sha256 of its raw bytes).
 * The path is part of the key because the record carries it (`sourceFile`, diagnostics' `file`).
 * The parser version is a hash of the code and data that decide a parse result (src/parse, src/ingest,
 * src/profiles, src/record and the locked dependency versions), so editing the parser invalidates
 * the cache without anyone having to remember to.
 *
 * Layout: <root>/.wire-archive/cache/parse-<version>/<key>.json, one small file per report (written
 * to a temp name, then renamed, so a killed build never leaves half a file). Folders of older parser
 * versions are removed when a new version first writes. Everything here is safe to delete: a missing
 * or unreadable entry is just a miss.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ParsedReport } from "../parse/parse-document.ts";

const SRC_DIR = fileURLToPath(new URL("../", import.meta.url));
const REPO_DIR = path.resolve(SRC_DIR, "..");
/** What a parse result depends on besides the report itself (folders of src/). */
export const PARSER_INPUTS = ["parse", "ingest", "profiles", "record"];
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
  const lock = path.join(REPO_DIR, "package-lock.json");
  if (isFile(lock)) files.push(lock);
  for (const file of files) {
    hash.update(`${path.relative(REPO_DIR, file)}\n`);
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
  get(file: string, checksum: string): Promise<ParsedReport | undefined>;
  set(file: string, checksum: string, result: ParsedReport): Promise<void>;
  readonly stats: { hits: number; misses: number; writeErrors: number };
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

export function openParseCache(root: string, opts: ParseCacheOptions = {}): ParseCache {
  const base = opts.dir ?? defaultCacheDir(root);
  const version = opts.version ?? parserVersion();
  const dir = path.join(base, `parse-${version}`);
  const stats = { hits: 0, misses: 0, writeErrors: 0 };
  let prepared: Promise<void> | undefined;
  const keyOf = (file: string, checksum: string) =>
    createHash("sha256").update(`${version}\0${file}\0${checksum}`).digest("hex");

  // On first write: create our folder and drop folders left by older parser versions.
  const prepare = () =>
    (prepared ??= (async () => {
      await mkdir(dir, { recursive: true });
      const siblings = await readdir(base).catch(() => [] as string[]);
      await Promise.all(
        siblings
          .filter((n) => n.startsWith("parse-") && n !== path.basename(dir))
          .map((n) => rm(path.join(base, n), { recursive: true, force: true })),
      );
    })());

  return {
    stats,
    async get(file, checksum) {
      try {
        const entry = JSON.parse(await readFile(path.join(dir, `${keyOf(file, checksum)}.json`), "utf8"));
        // Guard against a stale or foreign file under the right name: it must be this report's result.
        if (entry?.record?.checksum === checksum && entry.record.sourceFile === file && typeof entry.usable === "boolean") {
          stats.hits++;
          return { record: entry.record, usable: entry.usable };
        }
      } catch {
        // missing or corrupt: a miss
      }
      stats.misses++;
      return undefined;
    },
    async set(file, checksum, result) {
      const target = path.join(dir, `${keyOf(file, checksum)}.json`);
      const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        await prepare();
        await writeFile(temp, JSON.stringify({ record: result.record, usable: result.usable }));
        await rename(temp, target);
      } catch {
        // A cache that cannot be written (read-only checkout, full disk) only costs time.
        stats.writeErrors++;
        await rm(temp, { force: true }).catch(() => {});
      }
    },
  };
}
