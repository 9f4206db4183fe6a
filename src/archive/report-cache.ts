/**
 * Per-report results of slow archive steps, kept between builds in one file per step and code version
 * under the build cache (cache-lines.ts: a build that only adds reports appends their lines; at
 * 10,000 reports, writing the files whole cost an added report's rebuild a second). A report's entry
 * is found by what the step reads of it (its file, checksum and, where the step needs them, id and
 * date) and the step's code version, so an edit to the report or the code is a miss. Safe to delete.
 */
import path from "node:path";
import type { ArticleRecord } from "../record/schema.ts";
import { openLineCache } from "./cache-lines.ts";
import { REPORT_STEPS, type ReportStepName, type StepResult } from "./report-steps.ts";

export interface ReportCache<T> {
  /** The step's name ("events"): what computes a missing entry in another thread (report-steps.ts). */
  readonly name: ReportStepName;
  /** `compute(record)`, or its stored result when the report is unchanged. Fresh objects each call. */
  get(record: ArticleRecord): T;
  /** `get(record)` as JSON text, read from the cache without parsing it (see LineCache.text). */
  text(record: ArticleRecord): string;
  /** Whether `get(record)` would be answered from the cache. */
  has(record: ArticleRecord): boolean;
  /** Stores `compute(record)` worked out elsewhere (another thread), as its JSON text, for `get`. */
  prime(record: ArticleRecord, json: string): void;
  /** Writes what this build added (or all it used), then lets the entries go (call once, when done with `get`). */
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
  const keyOf = (r: ArticleRecord) => `${r.sourceFile}\0${r.checksum}\0${opts.keyOf?.(r) ?? ""}`;
  const cache = await openLineCache(path.join(opts.dir, `${opts.name}-${opts.version.replace(/[^\w.-]/g, "_")}.lines`), `${opts.name}-`);
  return {
    name: opts.name,
    stats: cache.stats,
    has: (record) => cache.has(keyOf(record)),
    prime: (record, json) => cache.prime(keyOf(record), json),
    get: (record) => cache.get(keyOf(record), () => compute(record)),
    text: (record) => cache.text(keyOf(record), () => compute(record)),
    save: () => cache.save(),
  };
}
