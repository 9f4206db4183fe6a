/**
 * Per-report results of slow archive steps, kept between builds in one JSON file per step and code
 * version under the build cache. A report's entry is found by what the step reads of it (its file,
 * checksum and, where the step needs them, id and date) and the step's code version, so an edit to
 * the report or the code is a miss. The file holds the entries the last build used; safe to delete.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
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
  /** Writes the entries this build used, then lets them go (call once, when done with `get`). */
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

/** The cache of one step of report-steps.ts; a miss is computed with that step's function. */
export async function openReportCache<N extends ReportStepName>(opts: ReportCacheOptions<N>): Promise<ReportCache<StepResult<N>>> {
  type T = StepResult<N>;
  const compute = REPORT_STEPS[opts.name] as (record: ArticleRecord) => T;
  const file = path.join(opts.dir, `${opts.name}-${opts.version.replace(/[^\w.-]/g, "_")}.json`);
  const keyOf = (r: ArticleRecord) => `${r.sourceFile}\0${r.checksum}\0${opts.keyOf?.(r) ?? ""}`;
  let stored = new Map<string, string>();
  try {
    const parsed = JSON.parse(await readFile(file, "utf8"));
    if (parsed && typeof parsed === "object") stored = new Map(Object.entries(parsed as Record<string, string>));
  } catch {
    // missing or corrupt: everything is a miss
  }
  // Entries this build used, as JSON text: later steps may change the objects they are handed.
  const used = new Map<string, string>();
  const stats = { hits: 0, misses: 0, primed: 0 };
  return {
    name: opts.name,
    stats,
    has: (record) => stored.has(keyOf(record)),
    prime(record, json) {
      stored.set(keyOf(record), json);
      stats.primed++;
    },
    get(record) {
      const key = keyOf(record);
      const hit = stored.get(key);
      if (typeof hit === "string") {
        stats.hits++;
        used.set(key, hit);
        return JSON.parse(hit) as T;
      }
      stats.misses++;
      const value = compute(record);
      used.set(key, JSON.stringify(value));
      return value;
    },
    async save() {
      const text = `{${[...used].map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",")}}`;
      // Saved once, after the archive stage: the entries need not stay in memory while pages render.
      stored.clear();
      used.clear();
      await replaceCacheFile(opts.dir, path.basename(file), `${opts.name}-`, text);
    },
  };
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
