/**
 * The archive stage's per-report steps (timeline events, entity facts, story words) for many reports
 * at once, in worker threads: on a cold build they are most of the stage (about 6 ms a report, all
 * in one thread), and each depends on its report alone. Results go into the step caches as JSON
 * text, so the stage then reads them as cache hits and its output is the same as a one-thread run.
 * Anything that goes wrong in a worker only costs time: what was not primed is computed in the
 * build's thread as before.
 *
 * Most of the entity step is the tagger, asked about each distinct run of capitalised words once per
 * thread. Runs recur across reports, so the threads first tag the reports' distinct runs between them
 * and share the answers; then each works out its reports' steps with every run already tagged.
 */
import { rememberTaggedRuns, runsOf, taggedEntries, type RunToTag } from "../entities/find-mentions.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { collectGarbage } from "../site/collect-garbage.ts";
import type { ReportCache } from "./report-cache.ts";
import type { FromWorker, ToWorker } from "./report-steps-worker.ts";
import { threadsWanted } from "./threads.ts";
import { startWorkerPool, type WorkerPool } from "./worker-pool.ts";

export interface ParallelOptions {
  /** Worker threads; default: $WIRE_ARCHIVE_THREADS, else the machine's cores. Fewer than 2 means none. */
  threads?: number;
  /**
   * Below this many reports to compute, the build's thread does their steps (their tagging may still
   * go to one other thread: `tagAheadAlongside`): a pool takes a second to start.
   */
  minReports?: number;
  /** Reports per message: small enough to balance the threads, large enough to keep messages few. */
  chunkSize?: number;
  /** Runs per tagging message (the tagger slows on long texts: 100 runs a call beat 2,000 by a third). */
  tagBatch?: number;
}

export interface ParallelResult {
  /** Reports whose steps came from workers. */
  reports: number;
  threads: number;
  /** Runs of capitalised words the workers tagged for the entity step (each once, when all goes well). */
  taggedRuns?: number;
  /** Why the workers stopped early, when they did. */
  error?: string;
}

interface Job {
  record: ArticleRecord;
  caches: ReportCache<unknown>[];
}

type Pool = WorkerPool<ToWorker, FromWorker>;
/**
 * `minReports`' default: from this many reports missing a step, the steps go to a pool of threads
 * (`primeInWorkers`); below it, at most their tagging goes to one (`tagAheadAlongside`).
 */
const MIN_REPORTS = 500;
const WORKER = new URL("./report-steps-worker.ts", import.meta.url);

export async function primeInWorkers(
  records: readonly ArticleRecord[],
  caches: ReadonlyArray<ReportCache<unknown>>,
  opts: ParallelOptions = {},
): Promise<ParallelResult> {
  const jobs: Job[] = [];
  for (const record of records) {
    const missing = caches.filter((c) => !c.has(record));
    if (missing.length) jobs.push({ record, caches: missing });
  }
  const chunkSize = opts.chunkSize ?? 50;
  const wanted = opts.threads ?? threadsWanted();
  const threads = Math.min(wanted, Math.ceil(jobs.length / chunkSize));
  if (threads < 2 || jobs.length < (opts.minReports ?? MIN_REPORTS)) return { reports: 0, threads: 0 };

  const pool: Pool = startWorkerPool(WORKER, threads);
  let primed = 0;
  let tagged = 0;
  try {
    // While the threads start: the runs the entity step will ask the tagger about (let go after tagAhead).
    const entityJobs = jobs.filter((j) => j.caches.some((c) => c.name === "entities"));
    tagged = await tagAhead(pool, runsOf(entityJobs.map((j) => j.record)), opts.tagBatch ?? 100);
    // Tagging ahead leaves some 100 MB of garbage here at 10,000 reports (the runs, the answers' messages),
    // too little for V8 to collect before the steps' results pile up on it: 150 MB more at the peak
    // without this collection (letting the runs go alone changed nothing).
    if (tagged) collectGarbage({ force: true });
    const chunks: Job[][] = [];
    for (let i = 0; i < jobs.length; i += chunkSize) chunks.push(jobs.slice(i, i + chunkSize));
    await pool.map(
      chunks.map((chunk) => ({ chunk: chunk.map((j) => ({ record: j.record, steps: j.caches.map((c) => c.name) })) })),
      (reply, index) => {
        if (!("results" in reply)) throw new Error("a report-steps worker answered out of turn");
        chunks[index].forEach((job, i) => job.caches.forEach((cache, s) => cache.prime(job.record, reply.results[i][s])));
        primed += chunks[index].length;
      },
    );
    // Runs tagged while working out the steps (none when every run was tagged ahead), for the tag cache.
    await pool.each(
      () => ({ finish: true }),
      (reply) => {
        if (!("finished" in reply)) return;
        rememberTaggedRuns(reply.taggedRuns);
        tagged += reply.taggedRuns.length;
      },
    );
    return { reports: primed, threads, taggedRuns: tagged };
  } catch (error) {
    return { reports: primed, threads, taggedRuns: tagged, error: describe(error) };
  } finally {
    await pool.close();
  }
}

/**
 * A few reports whose names step is not cached (fewer than `minReports`: an add, an edit): the runs
 * they need that no build tagged yet are tagged in one worker thread while this thread reads their
 * events, merges the timeline and groups the stories. The tagger takes some 0.4 s to load, which then overlaps that work
 * instead of following it. Undefined when there is nothing to tag or no second core; else settles
 * (never rejects) once the answers are remembered here, with how many runs were tagged: a run it did
 * not tag is tagged in this thread as before, with the same answer.
 */
export function tagAheadAlongside(records: readonly ArticleRecord[], names: ReportCache<unknown>, opts: ParallelOptions = {}): Promise<number> | undefined {
  if ((opts.threads ?? threadsWanted()) < 2) return undefined;
  const missing = records.filter((r) => !names.has(r));
  if (!missing.length || missing.length >= (opts.minReports ?? MIN_REPORTS)) return undefined;
  const { untagged } = runsOf(missing);
  if (!untagged.length) return undefined;
  const pool: Pool = startWorkerPool(WORKER, 1);
  return tagAhead(pool, { keys: [], untagged }, opts.tagBatch ?? 100)
    .catch(() => 0)
    .finally(() => pool.close());
}

/**
 * Tags the untagged runs in batches spread over the threads, keeps the answers in this thread, then
 * gives each thread the answers it lacks for all the runs (those an earlier build tagged included).
 * Returns how many runs were tagged.
 */
async function tagAhead(pool: Pool, runs: { keys: string[]; untagged: RunToTag[] }, batch: number): Promise<number> {
  const batches: RunToTag[][] = [];
  for (let i = 0; i < runs.untagged.length; i += batch) batches.push(runs.untagged.slice(i, i + batch));
  const taggedBy: Array<Set<string>> = Array.from({ length: pool.size }, () => new Set());
  await pool.map(
    batches.map((b) => ({ tag: b })),
    (reply, _index, thread) => {
      if (!("tagged" in reply)) throw new Error("a report-steps worker answered out of turn");
      rememberTaggedRuns(reply.tagged);
      for (const [key] of reply.tagged) taggedBy[thread].add(key);
    },
  );
  if (runs.keys.length) {
    await pool.each(
      (thread): ToWorker => ({ remember: taggedEntries(runs.keys.filter((k) => !taggedBy[thread].has(k))) }),
      () => {},
    );
  }
  return runs.untagged.length;
}

/** A worker's failure arrives as its stack ("TypeError: ..."); this thread's own errors get their name put back. */
const describe = (error: unknown): string =>
  error instanceof Error ? (error.name === "Error" ? error.message : `${error.name}: ${error.message}`) : String(error);
