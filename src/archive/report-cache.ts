/**
 * Per-report results of slow archive steps, kept between builds in one file per step and code version
 * under the build cache. A report's entry is found by what the step reads of it (its file, checksum
 * and, where the step needs them, id and date) and the step's code version, so an edit to the report
 * or the code is a miss. Safe to delete.
 *
 * One line per entry, `"key"<TAB>value-json`: values stay text until a report asks for its own, and a
 * build that only adds reports appends their lines (an added report wrote 100 MB of cache files again
 * at 10,000 reports). The file is written whole again, with only the entries the build used, when
 * more than a fifth of its lines went unused (edited or removed reports).
 */
import { appendFile, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ArticleRecord } from "../record/schema.ts";
import { REPORT_STEPS, type ReportStepName, type StepResult } from "./report-steps.ts";

export interface ReportCache<T> {
  /** The step's name ("events"): what computes a missing entry in another thread (report-steps.ts). */
  readonly name: ReportStepName;
  /** `compute(record)`, or its stored result when the report is unchanged. Fresh objects each call. */
  get(record: ArticleRecord): T;
  /** Whether `get(record)` would be answered from the cache. */
  has(record: ArticleRecord): boolean;
  /** Stores `compute(record)` worked out elsewhere (another thread), as its JSON text, for `get`. */
  prime(record: ArticleRecord, json: string): void;
  /** Writes the entries this build added (or the used ones, when many went unused), then lets them go (call once, when done with `get`). */
  save(): Promise<void>;
  /** Hits include primed entries; `primed` counts those computed in other threads. */
  readonly stats: { hits: number; misses: number; primed: number };
}

export interface ReportCacheOptions<N extends ReportStepName> {
  /** Folder of the cache files. */
  dir: string;
  /** The step (report-steps.ts), also the cache file's name prefix. */
  name: N;
  /** Changes whenever the step's code (or what it depends on) changes. */
  version: string;
  /** What the step reads of a record besides its text (which the checksum covers). */
  keyOf?: (record: ArticleRecord) => string;
}

/** Unused lines (of all in the file) past which the file is written again rather than appended to. */
const MAX_UNUSED = 0.2;

/** The cache of one step of report-steps.ts; a miss is computed with that step's function. */
export async function openReportCache<N extends ReportStepName>(opts: ReportCacheOptions<N>): Promise<ReportCache<StepResult<N>>> {
  type T = StepResult<N>;
  const compute = REPORT_STEPS[opts.name] as (record: ArticleRecord) => T;
  const file = path.join(opts.dir, `${opts.name}-${opts.version.replace(/[^\w.-]/g, "_")}.lines`);
  const keyOf = (r: ArticleRecord) => `${r.sourceFile}\0${r.checksum}\0${opts.keyOf?.(r) ?? ""}`;
  const fileText = await readFile(file, "utf8").catch(() => "");
  const stored = readEntries(fileText);
  const lines = stored.size;
  // A killed build may have left the last line torn: what is appended starts on a line of its own.
  const lead = fileText === "" || fileText.endsWith("\n") ? "" : "\n";
  // Entries this build used, as JSON text (later steps may change the objects they are handed), and
  // those not in the file yet.
  const used = new Map<string, string>();
  const added = new Set<string>();
  const stats = { hits: 0, misses: 0, primed: 0 };
  const computeAndKeep = (key: string, record: ArticleRecord): T => {
    stats.misses++;
    const value = compute(record);
    used.set(key, JSON.stringify(value));
    added.add(key);
    return value;
  };
  return {
    name: opts.name,
    stats,
    has: (record) => stored.has(keyOf(record)),
    prime(record, json) {
      const key = keyOf(record);
      stored.set(key, json);
      added.add(key);
      stats.primed++;
    },
    get(record) {
      const key = keyOf(record);
      const hit = stored.get(key);
      if (typeof hit !== "string") return computeAndKeep(key, record);
      let value: T;
      try {
        value = JSON.parse(hit) as T;
      } catch {
        // A line a killed build left half-written.
        return computeAndKeep(key, record);
      }
      stats.hits++;
      used.set(key, hit);
      return value;
    },
    async save() {
      const fresh = [...added].filter((k) => used.has(k));
      const unused = lines - (used.size - fresh.length);
      // Saved once, after the archive stage: the entries need not stay in memory while pages render.
      const text = (keys: Iterable<string>) => [...keys].map((k) => `${JSON.stringify(k)}\t${used.get(k)}\n`).join("");
      try {
        if (lines > 0 && unused <= lines * MAX_UNUSED) {
          if (fresh.length) await appendFile(file, lead + text(fresh));
        } else {
          await replaceCacheFile(opts.dir, path.basename(file), `${opts.name}-`, text(used.keys()));
        }
      } catch {
        // A cache that cannot be written (read-only checkout, full disk) only costs time.
      } finally {
        stored.clear();
        used.clear();
      }
    },
  };
}

/** The entries of a cache file's text: key -> value JSON; lines that are not entries are skipped. */
function readEntries(text: string): Map<string, string> {
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
