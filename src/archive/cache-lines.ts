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

export interface CacheLines {
  file: string;
  /** key -> value JSON, as read. */
  entries: Map<string, string>;
  /** Entries in the file when read. */
  lines: number;
  /** "\n" when the file's last line is torn: what is appended then starts on a line of its own. */
  lead: string;
}

export async function readCacheLines(file: string): Promise<CacheLines> {
  const text = await readFile(file, "utf8").catch(() => "");
  const entries = parseLines(text);
  return { file, entries, lines: entries.size, lead: text === "" || text.endsWith("\n") ? "" : "\n" };
}

/**
 * Saves what a build used (`used`: key -> value JSON) of a file read with readCacheLines, `added` being
 * the keys the file did not hold; files of other versions (other names with `prefix`) go when it is
 * written whole. A cache that cannot be written only costs time: errors are swallowed.
 */
export async function saveCacheLines(cache: CacheLines, prefix: string, used: ReadonlyMap<string, string>, added: ReadonlySet<string>): Promise<void> {
  const fresh = [...added].filter((k) => used.has(k));
  const unused = cache.lines - (used.size - fresh.length);
  const text = (keys: Iterable<string>) => [...keys].map((k) => `${JSON.stringify(k)}\t${used.get(k)}\n`).join("");
  try {
    if (cache.lines > 0 && unused <= cache.lines * MAX_UNUSED) {
      if (fresh.length) await appendFile(cache.file, cache.lead + text(fresh));
    } else {
      await replaceCacheFile(path.dirname(cache.file), path.basename(cache.file), prefix, text(used.keys()));
    }
  } catch {
    // read-only checkout, full disk: the next build computes again
  }
}

/** Parses a value read from the file; undefined for one a killed build left half-written. */
export function parseValue<T>(json: string): T | undefined {
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
    await Promise.all(stale.map((n) => rm(path.join(dir, n), { force: true })));
  } catch {
    await rm(temp, { force: true }).catch(() => {});
  }
}
