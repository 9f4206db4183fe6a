/**
 * A bare weekday ("on Monday", "Friday's meeting") resolved against the report's date, by tense.
 * News prints the weekday even for the report's own day ("Kerry said Friday" in Friday's report),
 * so past means on-or-before the anchor and future on-or-after.
 */
import { DateTime } from "luxon";
import type { Tense } from "./tense.ts";

/**
 * Without a tense marker, a weekday up to this many days back is read as past, else as the coming one.
 * News mostly reports what already happened, so an unmarked weekday is the past one unless it is
 * tomorrow's.
 */
export const UNKNOWN_PAST_WINDOW = 5;

/** Luxon weekday number (1 = Monday .. 7 = Sunday) of an English weekday name or abbreviation; null if none. */
export function weekdayNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/['’]s$/, "").replace(/\.$/, "");
  const names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  const i = names.findIndex((n) => w.startsWith(n));
  if (i < 0) return null;
  const full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][i];
  const ok = w === full || w === names[i] || (full.startsWith(w) && w.length >= 3);
  return ok ? i + 1 : null;
}

/** The ISO date (YYYY-MM-DD) of `weekday` (1 = Mon .. 7 = Sun) near `anchor` (YYYY-MM-DD) for the clause's tense. */
export function resolveWeekday(weekday: number, anchor: string, tense: Tense): string {
  const day = DateTime.fromISO(anchor, { zone: "utc" });
  const back = (day.weekday - weekday + 7) % 7; // days back to the most recent such day (0 = anchor)
  const forward = (weekday - day.weekday + 7) % 7; // days on to the coming such day (0 = anchor)
  let offset: number;
  if (tense === "past") offset = -back;
  else if (tense === "future") offset = forward;
  else offset = back <= UNKNOWN_PAST_WINDOW ? -back : forward;
  return day.plus({ days: offset }).toISODate()!;
}
