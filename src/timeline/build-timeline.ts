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

/**
 * Date and first words, with `-2`, `-3`... for events sharing those, numbered in the order of their
 * texts (then of their first sources), not the timeline's: a source added to one of them moves it up the
 * timeline, and must not swap the ids, and so the links, of the two.
 */
function assignIds(events: TimelineEvent[]): void {
  const byBase = new Map<string, TimelineEvent[]>();
  for (const e of events) {
    const base = `${e.date}-${slugWords(e.text) || "event"}`;
    const group = byBase.get(base);
    if (group) group.push(e);
    else byBase.set(base, [e]);
  }
  for (const [base, group] of byBase) {
    if (group.length > 1) group.sort((a, b) => compareCodeUnits(a.text, b.text) || compareCodeUnits(firstSource(a), firstSource(b)));
    group.forEach((e, i) => (e.id = i === 0 ? base : `${base}-${i + 1}`));
  }
}

const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const firstSource = (e: TimelineEvent) => (e.sources[0] ? `${e.sources[0].articleId}#${e.sources[0].blockIndex}` : "");

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
