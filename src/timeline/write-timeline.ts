/** Writes the timeline data files of a build: data/timeline.json and data/timelinejs.json (TimelineJS3). */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { ArticleRecord } from "../record/schema.ts";
import { writeJsonList } from "../util/write-json-list.ts";
import { timelineJsParts } from "./timelinejs.ts";
import type { Timeline } from "./types.ts";

/** Writes `timeline` under `dataDir`; returns the files written. */
export async function writeTimelineData(dataDir: string, timeline: Timeline, records: readonly ArticleRecord[], title = "Timeline"): Promise<string[]> {
  await mkdir(dataDir, { recursive: true });
  const files = [path.join(dataDir, "timeline.json"), path.join(dataDir, "timelinejs.json")];
  // Each a piece at a time: 24 MB at 10,000 reports, and one JSON.stringify of it held up this thread for 0.7 s.
  await writeJsonList(files[0], { count: timeline.events.length }, "events", timeline.events);
  const timelineJs = timelineJsParts(timeline, records, title);
  await writeJsonList(files[1], timelineJs.head, "events", timelineJs.slides);
  return files;
}
