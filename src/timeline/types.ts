/** The archive's timeline: dated happenings drawn from the reports, each citing where it was read. */
import type { Precision } from "../dates/types.ts";
import type { Tense } from "../dates/tense.ts";

export interface EventSource {
  articleId: string;
  /** Index of the block in `record.body` the quote comes from. */
  blockIndex: number;
  /** The exact sentence (or timeline entry text) the event was read from. */
  quote: string;
  /** The date words as printed ("on Monday", "5-6 Sep"). */
  expression: string;
}

export interface TimelineEvent {
  /** URL-safe id, unique in the timeline: date + first words of its first published account (event-ids.ts). */
  id: string;
  /** `YYYY-MM-DD` (day; a week's Monday), `YYYY-MM` (month) or `YYYY` (year): only what the text gives. */
  date: string;
  /** Last day (or month) of a range or week. */
  end?: string;
  precision: Precision;
  /** A short statement of the happening: the most concise of its sources' quotes. */
  text: string;
  sources: EventSource[];
}

export interface Timeline {
  events: TimelineEvent[];
}

/** An event as read from one report, before merging: also how it was told (tense) and when it was published. */
export interface ExtractedEvent extends TimelineEvent {
  tense: Tense;
  published?: string;
}
