/** Writes the timeline data files of a build: data/timeline.json and data/timelinejs.json (TimelineJS3). */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ArticleRecord } from "../record/schema.ts";
import { toTimelineJs } from "./timelinejs.ts";
import type { Timeline } from "./types.ts";

/** Writes `timeline` under `dataDir`; returns the files written. */
export async function writeTimelineData(dataDir: string, timeline: Timeline, records: readonly ArticleRecord[], title = "Timeline"): Promise<string[]> {
  await mkdir(dataDir, { recursive: true });
  const files = [path.join(dataDir, "timeline.json"), path.join(dataDir, "timelinejs.json")];
  await writeFile(files[0], JSON.stringify({ count: timeline.events.length, events: timeline.events }));
  await writeFile(files[1], JSON.stringify(toTimelineJs(timeline, records, title)));
  return files;
}
