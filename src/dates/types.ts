/** Shared shapes of the date resolver. */
import type { Tense } from "./tense.ts";

export type Precision = "day" | "week" | "month" | "year";

/**
 * A date expression found in text and resolved against the report's date.
 * `date` carries only what the text gives: `YYYY-MM-DD` (day; for a week, its Monday),
 * `YYYY-MM` (month), `YYYY` (year). `end` is the last day/month/year of a range or week.
 */
export interface DateMention {
  /** The expression as printed, e.g. "Thursday", "5-6 Sep", "later this month". */
  text: string;
  /** Offset of `text` in the text given to findDates. */
  index: number;
  date: string;
  end?: string;
  precision: Precision;
  tense: Tense;
}

/** What a date expression says before it is placed in time. */
export type Candidate =
  | { kind: "weekday"; text: string; index: number; weekday: number; modifier?: "last" | "next" | "this" }
  | {
      kind: "calendar";
      text: string;
      index: number;
      month: number;
      day?: number;
      year?: number;
      /** Year relative to the report's ("February this year" = 0, "last year" = -1). */
      yearOffset?: number;
      end?: { month: number; day?: number; year?: number };
      modifier?: "last" | "next" | "this";
    }
  | { kind: "year"; text: string; index: number; year: number }
  /** "last week", "later this month", "next year": offset in whole units from the anchor's unit. */
  | { kind: "unit"; text: string; index: number; unit: "week" | "month" | "year"; offset: number }
  /** "11 days ago", "two months ago". */
  | { kind: "ago"; text: string; index: number; unit: "day" | "week" | "month" | "year"; amount: number }
  /** A named day: "Thanksgiving Day", "last Christmas" (index into HOLIDAYS). */
  | { kind: "holiday"; text: string; index: number; holiday: number; modifier?: "last" | "next" | "this" }
  /** "today", "yesterday", "tomorrow", "tonight". */
  | { kind: "day-offset"; text: string; index: number; days: number };
