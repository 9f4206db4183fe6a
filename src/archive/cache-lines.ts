/**
 * A cache file of one entry a line, `"key"<TAB>value-json`, under the build cache: values stay text
 * until asked for, a build that only adds entries appends their lines, and the file is written whole
 * again, with only the entries the build used, when more than a fifth of its lines went unused. A line
 * a killed build tore is skipped (or, if its key survived, its value fails to parse: a miss).
 */
import { appendFile, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Unused lines (of all in the file) past which the file is written again rather than appended to. */
const MAX_UNUSED = 0.2;

/** Entries of one cache file, looked up by key; what a build used is saved back with `save`. */
export interface LineCache {
  /** `compute()`, or the stored result for `key`. Fresh objects each call. */
  get<T>(key: string, compute: () => T): T;
  /**
   * The stored result for `key` as its JSON text, unread (for another thread to parse), or `compute()`'s.
   * A line a killed build tore comes out as it is: its reader must fail on it and `get` it instead.
   */
  text(key: string, compute: () => unknown): string;
  /** The stored result for `key` (a fresh object), or undefined when there is none or it is torn. */
  lookup<T>(key: string): T | undefined;
  /** Stores a result computed by the caller, to be saved. */
  put(key: string, value: unknown): void;
  has(key: string): boolean;
  /** Stores a result worked out elsewhere (another thread), as its JSON text. */
  prime(key: string, json: string): void;
  /** Writes what this build added (or all it used), then lets the entries go (call once). */
  save(): Promise<void>;
  /** Hits include primed entries; `primed` counts those computed elsewhere. */
  readonly stats: { hits: number; misses: number; primed: number };
}

/** The cache in `file`; files beside it named with `prefix` are other versions, removed when it is written whole. */
export async function openLineCache(file: string, prefix: string): Promise<LineCache> {
  const text = await readFile(file, "utf8").catch(() => "");
  const stored = parseLines(text);
  const lines = stored.size;
  // A killed build may have left the last line torn: what is appended starts on a line of its own.
  const lead = text === "" || text.endsWith("\n") ? "" : "\n";
  // Entries this build used, as JSON text (callers may change the objects they are handed), and those
  // the file does not hold.
  const used = new Map<string, string>();
  const added = new Set<string>();
  const stats = { hits: 0, misses: 0, primed: 0 };
  const lookup = <T>(key: string): T | undefined => {
    const hit = stored.get(key);
    const value = hit === undefined ? undefined : parseValue<T>(hit);
    if (value === undefined) {
      stats.misses++;
      return undefined;
    }
    stats.hits++;
    used.set(key, hit!);
    return value;
  };
  const put = (key: string, value: unknown) => {
    used.set(key, JSON.stringify(value));
    added.add(key);
  };
  return {
    stats,
    lookup,
    put,
    has: (key) => stored.has(key),
    prime(key, json) {
      stored.set(key, json);
      added.add(key);
      stats.primed++;
    },
    text(key, compute) {
      const hit = stored.get(key);
      if (hit !== undefined) {
        stats.hits++;
        used.set(key, hit);
        return hit;
      }
      stats.misses++;
      const json = JSON.stringify(compute());
      used.set(key, json);
      added.add(key);
      return json;
    },
    get<T>(key: string, compute: () => T): T {
      const found = lookup<T>(key);
      if (found !== undefined) return found;
      const computed = compute();
      put(key, computed);
      return computed;
    },
    async save() {
      const fresh = [...added].filter((k) => used.has(k));
      const unused = lines - (used.size - fresh.length);
      const entries = (keys: Iterable<string>) => [...keys].map((k) => `${JSON.stringify(k)}\t${used.get(k)}\n`).join("");
      try {
        if (lines > 0 && unused <= lines * MAX_UNUSED) {
          if (fresh.length) await appendFile(file, lead + entries(fresh));
        } else {
          await replaceCacheFile(path.dirname(file), path.basename(file), prefix, entries(used.keys()));
        }
      } catch {
        // read-only checkout, full disk: the next build computes again
      } finally {
        stored.clear();
        used.clear();
      }
    },
  };
}

/** Parses a value read from the file; undefined for one a killed build left half-written. */
function parseValue<T>(json: string): T | undefined {
  try {
    return JSON.parse(json) as T;
  } catch {
    return undefined;
  }
}

function parseLines(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    const tab = text.indexOf("\t", at);
    if (tab > at && tab < end) {
      try {
        entries.set(JSON.parse(text.slice(at, tab)) as string, text.slice(tab + 1, end));
      } catch {
        // not an entry (a torn or foreign line)
      }
    }
    at = end + 1;
  }
  return entries;
}

/**
 * Writes a cache file whole (temp file, then rename: a killed build never leaves half a file) and
 * removes the files of other versions (same prefix). A cache that cannot be written (read-only
 * checkout, full disk) only costs time, so errors are swallowed.
 */
export async function replaceCacheFile(dir: string, fileName: string, prefix: string, text: string): Promise<void> {
  const target = path.join(dir, fileName);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, text);
    await rename(temp, target);
    const stale = (await readdir(dir)).filter((n) => n.startsWith(prefix) && n !== fileName && !n.endsWith(".tmp"));
    // recursive: an older layout kept some caches as folders of the same prefix
    await Promise.all(stale.map((n) => rm(path.join(dir, n), { recursive: true, force: true })));
  } catch {
    await rm(temp, { force: true }).catch(() => {});
  }
}
