/**
 * A worker for tests/archive/worker-pool.test.ts: answers `{ n }` with `{ n, doubled, thread }`,
 * `{ fail }` with `{ failed }`, and `{ exit }` by stopping its thread.
 */
import { parentPort, threadId } from "node:worker_threads";

parentPort!.on("message", (message: { n?: number; fail?: string; exit?: true }) => {
  if (message.exit) process.exit(3);
  if (message.fail) parentPort!.postMessage({ failed: message.fail });
  else parentPort!.postMessage({ n: message.n, doubled: message.n! * 2, thread: threadId });
});
