/**
 * The worker pool of the archive stage's threads (src/archive/worker-pool.ts), on a worker that
 * doubles numbers: each request answered once, by whichever thread is free; the first failure stops
 * every thread and rejects the call, and the calls after it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startWorkerPool, type WorkerPool } from "../../src/archive/worker-pool.ts";

type Request = { n?: number; fail?: string; exit?: true };
type Reply = { n: number; doubled: number; thread: number };
const ECHO = new URL("../helpers/echo-worker.ts", import.meta.url);

let pool: WorkerPool<Request, Reply> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("startWorkerPool", () => {
  it("answers every request of a map once, spread over the threads, and each thread in `each`", async () => {
    pool = startWorkerPool<Request, Reply>(ECHO, 2);
    const replies = new Map<number, Reply>();
    await pool.map(
      Array.from({ length: 40 }, (_, n) => ({ n })),
      (reply, index) => {
        expect(replies.has(index)).toBe(false);
        replies.set(index, reply);
      },
    );
    expect([...replies.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    for (const [index, reply] of replies) expect(reply).toMatchObject({ n: index, doubled: index * 2 });
    expect(new Set([...replies.values()].map((r) => r.thread)).size).toBe(2);

    const each: number[] = [];
    await pool.each((thread) => ({ n: 100 + thread }), (reply, thread) => each.push(thread * 1000 + reply.doubled));
    expect(each.sort((a, b) => a - b)).toEqual([200, 1202]);
  });

  it("rejects a map on a request's failure, and the calls after it", async () => {
    pool = startWorkerPool<Request, Reply>(ECHO, 2);
    const requests: Request[] = [{ n: 1 }, { n: 2 }, { fail: "TypeError: no body" }, { n: 4 }, { n: 5 }, { n: 6 }];
    await expect(pool.map(requests, () => {})).rejects.toThrow("TypeError: no body");
    await expect(pool.each(() => ({ n: 1 }), () => {})).rejects.toThrow("TypeError: no body");
  });

  it("rejects when a thread stops, or when the caller's handler throws", async () => {
    pool = startWorkerPool<Request, Reply>(ECHO, 2);
    await expect(pool.each((thread) => (thread === 0 ? { exit: true } : { n: 1 }), () => {})).rejects.toThrow(/stopped \(exit code 3\)/);
    await pool.close();
    pool = startWorkerPool<Request, Reply>(ECHO, 2);
    await expect(
      pool.map([{ n: 1 }], () => {
        throw new Error("answered out of turn");
      }),
    ).rejects.toThrow("answered out of turn");
  });

  it("resolves a map of nothing at once", async () => {
    pool = startWorkerPool<Request, Reply>(ECHO, 2);
    await expect(pool.map([], () => {})).resolves.toBeUndefined();
  });
});
