/** The archive's timeline: every report's events, the same happening merged across reports, in date order. */
import type { ArticleRecord } from "../record/schema.ts";
import { numberRepeatedIds } from "./event-ids.ts";
import { extractEvents } from "./extract-events.ts";
import { mergeEvents } from "./merge-events.ts";
import type { ExtractedEvent, Timeline, TimelineEvent } from "./types.ts";

export type { Timeline, TimelineEvent, EventSource } from "./types.ts";

const RANK = { year: 0, month: 1, week: 2, day: 3 } as const;

/** Date order; a month before its days ("2013-09" < "2013-09-05"), better-sourced first on a tie. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return RANK[a.precision] - RANK[b.precision] || b.sources.length - a.sources.length || a.text.localeCompare(b.text);
}

/** `extract` gives one report's events: extractEvents itself, or a cache of its results (event-cache.ts). */
export function buildTimeline(records: readonly ArticleRecord[], extract: (record: ArticleRecord) => ExtractedEvent[] = extractEvents): Timeline {
  return timelineOf(records.flatMap((r) => extract(r)));
}

/** The timeline of events already read from the reports: merged, in date order, with ids. */
export function timelineOf(extracted: ExtractedEvent[]): Timeline {
  const events = mergeEvents(extracted).sort(compareEvents);
  numberRepeatedIds(events);
  return { events };
}
