/** The archive's timeline: every report's events, the same happening merged across reports, in date order. */
import type { ArticleRecord } from "../record/schema.ts";
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

function slugWords(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9\s-]/g, "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .join("-")
    .replace(/-+/g, "-")
    .slice(0, 60)
    .replace(/-$/, "");
}

function assignIds(events: TimelineEvent[]): void {
  const used = new Map<string, number>();
  for (const e of events) {
    const base = `${e.date}-${slugWords(e.text) || "event"}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    e.id = n === 1 ? base : `${base}-${n}`;
  }
}

/** `extract` gives one report's events: extractEvents itself, or a cache of its results (event-cache.ts). */
export function buildTimeline(records: readonly ArticleRecord[], extract: (record: ArticleRecord) => ExtractedEvent[] = extractEvents): Timeline {
  return timelineOf(records.flatMap((r) => extract(r)));
}

/** The timeline of events already read from the reports: merged, in date order, with ids. */
export function timelineOf(extracted: ExtractedEvent[]): Timeline {
  const events = mergeEvents(extracted).sort(compareEvents);
  assignIds(events);
  return { events };
}
