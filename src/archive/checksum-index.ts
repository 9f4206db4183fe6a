/**
 * The checksum of each report as of its last reading, keyed by what `stat` says of the file (size,
 * modification and change times, inode), so that a rebuild or an `add` need not read and hash every
 * unchanged report again (at 10,000 reports that was 4 s of an `add`). Git's index does the same.
 * An edit changes the times, so it misses. But a file edited just after it was hashed can keep the
 * times it was hashed with (on a file system with coarse timestamps), so an entry is trusted only when
 * the file had last changed TRUST_MARGIN_MS or more before the hashing began ("racily clean" entries,
 * in git's words, are hashed again).
 *
 * Layout: <cache>/checksums.json, `{format, hashedFrom, files: {path: [size, mtimeMs, ctimeMs, ino, sha256]}}`,
 * `hashedFrom` being when the run that wrote it opened the index (before it hashed anything).
 * Safe to delete: every report is then hashed once more.
 */
import type { Stats } from "node:fs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { replaceCacheFile } from "./cache-lines.ts";

const FILE = "checksums.json";
const FORMAT = 1;
/** Files changed this close to (or after) the start of the run that hashed them are hashed again. */
export const TRUST_MARGIN_MS = 2000;

type Entry = [size: number, mtimeMs: number, ctimeMs: number, ino: number, checksum: string];

export interface ChecksumIndex {
  /** The checksum recorded for `file` when its stat is the one recorded, else undefined. */
  known(file: string, stat: Stats): string | undefined;
  /** What `file` (with this stat) was read as. */
  record(file: string, stat: Stats, checksum: string): void;
  /** Writes the entries recorded or confirmed since opening (files gone since are dropped). */
  save(): Promise<void>;
}

export function openChecksumIndex(cacheDir: string, now: () => number = Date.now): ChecksumIndex {
  const openedAt = now();
  let stored: Record<string, Entry> = {};
  let hashedFrom = 0;
  try {
    const data = JSON.parse(readFileSync(path.join(cacheDir, FILE), "utf8")) as { format?: number; hashedFrom?: number; files?: Record<string, Entry> };
    if (data.format === FORMAT && typeof data.hashedFrom === "number" && data.files) ({ files: stored, hashedFrom } = data as { files: Record<string, Entry>; hashedFrom: number });
  } catch {
    // Missing or unreadable: every file is hashed.
  }
  const current = new Map<string, Entry>();
  const entryOf = (stat: Stats, checksum: string): Entry => [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, checksum];
  return {
    known(file, stat) {
      const e = stored[file];
      if (!e || e[0] !== stat.size || e[1] !== stat.mtimeMs || e[2] !== stat.ctimeMs || e[3] !== stat.ino) return undefined;
      if (Math.max(stat.mtimeMs, stat.ctimeMs) >= hashedFrom - TRUST_MARGIN_MS) return undefined;
      current.set(file, e);
      return e[4];
    },
    record(file, stat, checksum) {
      current.set(file, entryOf(stat, checksum));
    },
    async save() {
      const files = Object.fromEntries(current);
      await replaceCacheFile(cacheDir, FILE, `${FILE}.`, JSON.stringify({ format: FORMAT, hashedFrom: openedAt, files }));
    },
  };
}
