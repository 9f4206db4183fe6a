/**
 * The timeline merge (about 2.5 s at 10,000 reports) in a worker thread, so that the build's thread
 * works out stories and names meanwhile. The worker is started as soon as the reports are known to
 * be many: it takes about a second to start (tsx and the modules), which then overlaps the dating of
 * the reports. The timeline is the one `timelineOf` gives in the build's thread (tests check it).
 */
import { threadsWanted, tsWorker } from "../archive/threads.ts";
import type { FromTimelineWorker, ToTimelineWorker } from "./timeline-worker.ts";
import type { EventsToMerge } from "./events-to-merge.ts";
import type { Timeline } from "./types.ts";

/** Below this many reports the merge takes a fraction of a second: no worker is worth its start. */
export const TIMELINE_WORKER_MIN_REPORTS = 2000;

export interface TimelineWorker {
  /** The timeline of `events`, merged in the worker; rejects, saying why, when the worker fails. One at a time. */
  timelineOf(events: EventsToMerge): Promise<Timeline>;
  /** Stops the worker (safe to call more than once). */
  close(): Promise<void>;
}

/** A worker for an archive of `reports` reports, or undefined when one is not worth it (few reports, one thread). */
export function timelineWorkerFor(reports: number, threads = threadsWanted()): TimelineWorker | undefined {
  return reports >= TIMELINE_WORKER_MIN_REPORTS && threads >= 2 ? startTimelineWorker() : undefined;
}

export function startTimelineWorker(): TimelineWorker {
  const worker = tsWorker(new URL("./timeline-worker.ts", import.meta.url));
  // Idle, it must not keep the process alive; it is referenced while a merge is awaited.
  worker.unref();
  let failure: Error | undefined;
  let pending: { resolve: (t: Timeline) => void; reject: (e: Error) => void } | undefined;
  const settle = (outcome: { timeline: Timeline } | { error: Error }) => {
    const waiting = pending;
    pending = undefined;
    worker.unref();
    if ("timeline" in outcome) waiting?.resolve(outcome.timeline);
    else waiting?.reject(outcome.error);
  };
  worker.on("message", (message: FromTimelineWorker) =>
    settle("timeline" in message ? message : { error: new Error(`The timeline worker failed: ${message.failed}`) }),
  );
  worker.on("error", (error: unknown) => settle({ error: (failure = error instanceof Error ? error : new Error(String(error))) }));
  worker.on("exit", (code) => settle({ error: (failure ??= new Error(`The timeline worker stopped (exit code ${code})`)) }));
  return {
    timelineOf(events) {
      if (failure) return Promise.reject(failure);
      if (pending) return Promise.reject(new Error("Unexpected second timeline request, expected one at a time"));
      return new Promise<Timeline>((resolve, reject) => {
        pending = { resolve, reject };
        worker.ref();
        worker.postMessage(events satisfies ToTimelineWorker);
      });
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
