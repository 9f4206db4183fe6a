/**
 * A few worker threads answering requests one at a time each: every request gets exactly one reply,
 * or `{ failed }`. `map` hands a list of requests to whichever thread is free (threads finish at
 * different speeds); `each` sends one request to every thread. The first failure, error or early
 * exit rejects the call under way and stops every thread: the caller does the rest itself. Await each
 * call before the next: one call is under way at a time.
 */
import type { Worker } from "node:worker_threads";
import { tsWorker } from "./threads.ts";

export interface WorkerPool<Request, Reply> {
  readonly size: number;
  /** Sends each request to the next free thread; `onReply` gets each reply with its request's index and its thread. */
  map(requests: readonly Request[], onReply: (reply: Reply, index: number, thread: number) => void): Promise<void>;
  /** Sends `requestFor(thread)` to every thread and waits for all their replies. */
  each(requestFor: (thread: number) => Request, onReply: (reply: Reply, thread: number) => void): Promise<void>;
  /** Stops every thread (after the last call, or to give up). */
  close(): Promise<void>;
}

type Waiting<Reply> = (reply: Reply) => void;

export function startWorkerPool<Request, Reply extends object>(module: URL, threads: number): WorkerPool<Request, Reply> {
  const workers: Worker[] = [];
  const waiting: Array<Waiting<Reply> | undefined> = [];
  let failure: Error | undefined;
  let rejectCall: ((e: Error) => void) | undefined;
  let closing = false;
  const fail = (e: Error) => {
    if (failure) return;
    failure = e;
    for (const w of workers) void w.terminate();
    rejectCall?.(e);
  };
  for (let t = 0; t < threads; t++) {
    const worker = tsWorker(module);
    workers.push(worker);
    worker.on("message", (reply: Reply) => {
      if ("failed" in reply) return fail(new Error(String(reply.failed)));
      const take = waiting[t];
      waiting[t] = undefined;
      try {
        take?.(reply);
      } catch (e) {
        fail(e instanceof Error ? e : new Error(String(e)));
      }
    });
    worker.on("error", (e) => fail(e instanceof Error ? e : new Error(String(e))));
    worker.on("exit", (code) => {
      if (!closing) fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
  }

  /** Runs `body` with `rejectCall` set, so a failure in any thread rejects it. */
  const call = (body: (resolve: () => void) => void) =>
    new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure);
      rejectCall = reject;
      body(resolve);
    }).finally(() => {
      rejectCall = undefined;
    });

  const send = (thread: number, request: Request, take: Waiting<Reply>) => {
    waiting[thread] = take;
    workers[thread].postMessage(request);
  };

  return {
    size: threads,
    map: (requests, onReply) =>
      call((resolve) => {
        let next = 0;
        let busy = 0;
        const feed = (thread: number) => {
          if (failure) return;
          if (next === requests.length) {
            if (busy === 0) resolve();
            return;
          }
          const index = next++;
          busy++;
          send(thread, requests[index], (reply) => {
            busy--;
            onReply(reply, index, thread);
            feed(thread);
          });
        };
        for (let t = 0; t < threads; t++) feed(t);
      }),
    each: (requestFor, onReply) =>
      call((resolve) => {
        let left = threads;
        for (let t = 0; t < threads; t++) {
          send(t, requestFor(t), (reply) => {
            onReply(reply, t);
            if (--left === 0) resolve();
          });
        }
      }),
    close: async () => {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
