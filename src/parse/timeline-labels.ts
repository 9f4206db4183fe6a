/**
 * Date labels that open the entries of an embedded timeline: `5-6 Sep:`, `9 Sep:`, `Sept 12:`,
 * `March 2011:`, `2011:`. Shared by the wrap joiner (never join into a label) and the timeline stage.
 */
const MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const DAY = "\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?";
const YEAR = "(?:1[89]|20)\\d{2}";
const LABEL = `(?:${DAY}\\s+${MONTH}(?:\\s+${YEAR})?|${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?|${MONTH}\\s+${YEAR}|${YEAR})`;

/** A label at the start of a line, followed by a colon. Group `label`. */
export const TIMELINE_LABEL_AT_START = new RegExp(`^(?<label>${LABEL})\\s*:\\s+`, "u");

/**
 * A label glued to the end of the previous entry (`...G20 summit9 Sep: Russia's...`) or following it
 * after a space. Only used inside a line that itself starts with a label.
 */
export const TIMELINE_LABEL_INSIDE = new RegExp(`(?<=\\S)\\s*(?=(?<![\\d\\-–])${LABEL}\\s*:\\s+\\p{Lu})`, "gu");

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export interface LabelParts {
  year?: number;
  month?: number;
  day?: number;
  endDay?: number;
}

/** Reads `5-6 Sep`, `Sept 12`, `March 2011`, `2011`, `14 Sep 2013` into parts; undefined if none. */
export function parseTimelineLabel(label: string): LabelParts | undefined {
  const month = /([A-Za-z]{3,})/.exec(label)?.[1]?.slice(0, 3).toLowerCase();
  const m = month ? MONTHS.indexOf(month) + 1 : undefined;
  const year = /\b((?:1[89]|20)\d{2})\b/.exec(label)?.[1];
  const withoutYear = label.replace(/\b(?:1[89]|20)\d{2}\b/, "");
  const days = /(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?/.exec(withoutYear);
  if (month && !m) return undefined;
  if (!m && !year) return undefined;
  return {
    year: year ? Number(year) : undefined,
    month: m || undefined,
    day: days && m ? Number(days[1]) : undefined,
    endDay: days?.[2] && m ? Number(days[2]) : undefined,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Resolves a label to ISO start/end dates. A label without a year takes the year that puts it nearest
 * before (or just after) `anchor`, the report's date: embedded timelines recount the run-up to it.
 * Only day-precise labels get start/end; a month or year label keeps no invented day.
 */
export function resolveTimelineLabel(label: string, anchor?: string): { start?: string; end?: string } {
  const parts = parseTimelineLabel(label);
  if (!parts?.month || !parts.day) return {};
  let year = parts.year;
  if (year === undefined) {
    if (!anchor) return {};
    const [ay, am] = anchor.split("-").map(Number);
    year = ay;
    // A month well after the anchor's belongs to the year before (a December entry in a January report).
    if (parts.month - am > 2) year -= 1;
    else if (am - parts.month > 9) year += 1;
  }
  const start = `${year}-${pad(parts.month)}-${pad(parts.day)}`;
  const end = parts.endDay ? `${year}-${pad(parts.month)}-${pad(parts.endDay)}` : undefined;
  return { start, end };
}
