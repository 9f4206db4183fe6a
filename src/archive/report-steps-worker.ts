/**
 * A worker thread of the report-steps pool (parallel-report-steps.ts): asked for a chunk of jobs, it
 * answers each with the named steps' results as JSON text; asked to finish, it sends the entity
 * tagger's memo (runs tagged here, kept in the build's tag cache) and closes.
 */
import { parentPort } from "node:worker_threads";
import { taggedRuns } from "../entities/find-mentions.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { REPORT_STEPS, type ReportStepName } from "./report-steps.ts";

export type ToWorker = { chunk: number; jobs: Array<{ record: ArticleRecord; steps: ReportStepName[] }> } | { finish: true };
export type FromWorker =
  | { ready: true }
  | { chunk: number; results: string[][] }
  | { finished: true; taggedRuns: ReturnType<typeof taggedRuns> }
  | { failed: string };

const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);

port.on("message", (message: ToWorker) => {
  try {
    if ("finish" in message) {
      send({ finished: true, taggedRuns: taggedRuns() });
      port.close();
      return;
    }
    const results = message.jobs.map(({ record, steps }) => steps.map((step) => JSON.stringify(REPORT_STEPS[step](record))));
    send({ chunk: message.chunk, results });
  } catch (error) {
    send({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
send({ ready: true });
