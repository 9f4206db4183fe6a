/**
 * A worker thread of the report-steps pool (parallel-report-steps.ts). Each request gets one reply:
 * - `tag`: tag these runs of capitalised words, answer what the tagger said about each;
 * - `remember`: take runs other threads tagged (so this one does not tag them again);
 * - `chunk`: answer each job's named steps' results as JSON text;
 * - `finish`: answer the runs tagged here since the last `remember`, for the build's tag cache.
 */
import { parentPort } from "node:worker_threads";
import { rememberTaggedRuns, tagAll, taggedRunCount, taggedRuns, type RunToTag, type TaggedRuns } from "../entities/find-mentions.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { REPORT_STEPS, type ReportStepName } from "./report-steps.ts";

export type ToWorker =
  | { tag: RunToTag[] }
  | { remember: TaggedRuns }
  | { chunk: Array<{ record: ArticleRecord; steps: ReportStepName[] }> }
  | { finish: true };
export type FromWorker =
  | { tagged: TaggedRuns }
  | { remembered: true }
  | { results: string[][] }
  | { finished: true; taggedRuns: TaggedRuns }
  | { failed: string };

const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);
/** How many tagged runs this thread knew after the last `remember`: the ones after it are news to the build. */
let known = 0;

function answer(message: ToWorker): FromWorker {
  if ("tag" in message) return { tagged: tagAll(message.tag) };
  if ("remember" in message) {
    rememberTaggedRuns(message.remember);
    known = taggedRunCount();
    return { remembered: true };
  }
  if ("chunk" in message) {
    return { results: message.chunk.map(({ record, steps }) => steps.map((step) => JSON.stringify(REPORT_STEPS[step](record)))) };
  }
  return { finished: true, taggedRuns: taggedRuns(known) };
}

port.on("message", (message: ToWorker) => {
  try {
    send(answer(message));
  } catch (error) {
    send({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
