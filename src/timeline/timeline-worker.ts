/**
 * A worker thread that merges a build's extracted events into its timeline (timeline-elsewhere.ts):
 * each message is one build's events, each answer that build's timeline or why it failed.
 */
import { parentPort } from "node:worker_threads";
import { timelineOf } from "./build-timeline.ts";
import { eventsOf, type EventsToMerge } from "./events-to-merge.ts";
import type { Timeline } from "./types.ts";

export type ToTimelineWorker = EventsToMerge;
export type FromTimelineWorker = { timeline: Timeline } | { failed: string };

const port = parentPort!;
port.on("message", (events: ToTimelineWorker) => {
  let answer: FromTimelineWorker;
  try {
    answer = { timeline: timelineOf(eventsOf(events)) };
  } catch (error) {
    answer = { failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(answer);
});
