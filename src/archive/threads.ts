/** The build's other threads: how many it may use, and how one is started on a TypeScript module. */
import os from "node:os";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { COMPILED_DIR, runnableModule } from "../code-dir.ts";

/** Threads a build may use: $WIRE_ARCHIVE_THREADS, else the machine's cores. */
export function threadsWanted(): number {
  return Number(process.env.WIRE_ARCHIVE_THREADS) || os.availableParallelism();
}

const BOOTSTRAP = new URL("./ts-worker.mjs", import.meta.url);

/**
 * A worker thread running the TypeScript module at `tsModule`: its compiled copy when this is the
 * compiled code (bin/compiled-code.js), else through tsx, registered in that thread.
 */
export function tsWorker(tsModule: URL, resourceLimits?: ResourceLimits): Worker {
  if (COMPILED_DIR) return new Worker(runnableModule(tsModule), { resourceLimits });
  return new Worker(BOOTSTRAP, { workerData: { tsModule: tsModule.href }, resourceLimits });
}
