/**
 * The archive stage's per-report steps (timeline events, entity facts, story words) for many reports
 * at once, in worker threads: on a cold build they are most of the stage (about 6 ms a report, all
 * in one thread), and each depends on its report alone. Results go into the step caches as JSON
 * text, so the stage then reads them as cache hits and its output is the same as a one-thread run.
 * Anything that goes wrong in a worker only costs time: what was not primed is computed in the
 * build's thread as before.
 */
import type { Worker } from "node:worker_threads";
import { rememberTaggedRuns } from "../entities/find-mentions.ts";
import type { ArticleRecord } from "../record/schema.ts";
import type { ReportCache } from "./report-cache.ts";
import type { FromWorker, ToWorker } from "./report-steps-worker.ts";
import { threadsWanted, tsWorker } from "./threads.ts";

export interface ParallelOptions {
  /** Worker threads; default: $WIRE_ARCHIVE_THREADS, else the machine's cores. Fewer than 2 means none. */
  threads?: number;
  /** Below this many reports to compute, the build's thread does them: a worker takes a second to start. */
  minReports?: number;
  /** Reports per message: small enough to balance the threads, large enough to keep messages few. */
  chunkSize?: number;
}

export interface ParallelResult {
  /** Reports whose steps came from workers. */
  reports: number;
  threads: number;
  /** Why the workers stopped early, when they did. */
  error?: string;
}

interface Job {
  record: ArticleRecord;
  caches: ReportCache<unknown>[];
}

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
  if (threads < 2 || jobs.length < (opts.minReports ?? 500)) return { reports: 0, threads: 0 };
  const chunks: Job[][] = [];
  for (let i = 0; i < jobs.length; i += chunkSize) chunks.push(jobs.slice(i, i + chunkSize));
  return runPool(chunks, threads);
}

function runPool(chunks: Job[][], threads: number): Promise<ParallelResult> {
  return new Promise((resolve) => {
    const workers: Worker[] = [];
    let next = 0;
    let primed = 0;
    let running = threads;
    let error: string | undefined;
    const exited = () => {
      if (--running === 0) resolve({ reports: primed, threads, ...(error ? { error } : {}) });
    };
    const fail = (reason: string) => {
      error ??= reason;
      next = chunks.length; // hand out no more work; the build's thread does the rest
      for (const w of workers) void w.terminate();
    };
    const sendNext = (worker: Worker) => {
      const message: ToWorker =
        next < chunks.length
          ? { chunk: next, jobs: chunks[next++].map((j) => ({ record: j.record, steps: j.caches.map((c) => c.name) })) }
          : { finish: true };
      worker.postMessage(message);
    };
    for (let t = 0; t < threads; t++) {
      const worker = tsWorker(WORKER);
      workers.push(worker);
      let done = false;
      worker.on("message", (message: FromWorker) => {
        if ("failed" in message) return fail(message.failed);
        if ("chunk" in message) {
          chunks[message.chunk].forEach((job, i) => job.caches.forEach((cache, s) => cache.prime(job.record, message.results[i][s])));
          primed += chunks[message.chunk].length;
        }
        if ("finished" in message) {
          rememberTaggedRuns(message.taggedRuns);
          done = true;
          return;
        }
        sendNext(worker);
      });
      worker.on("error", (e) => fail(e instanceof Error ? e.message : String(e)));
      worker.on("exit", (code) => {
        if (!done && !error) fail(`a report-steps worker stopped (exit code ${code})`);
        exited();
      });
    }
  });
}
