/**
 * Undo hard wrapping: consecutive lines of one paragraph become one logical line. A line continues
 * onto the next when it cannot end a paragraph (no closing punctuation and it ends on a function word
 * or comma, or the next line starts in lower case, or it is long prose cut mid-sentence). Headings and
 * timeline labels are never joined.
 */
import type { Line } from "../ingest/types.ts";
import { endsSentence, endsWithContinuationWord, startsLowercase, wordCount } from "./text-shape.ts";
import { TIMELINE_LABEL_AT_START } from "./timeline-labels.ts";

export interface LogicalLine {
  /** The joined text, single-spaced at the joins. */
  text: string;
  /** The input line numbers it was made from, in order. */
  lines: number[];
}

/** Long enough that a line without closing punctuation was cut, not a heading. */
const WRAP_MIN_WORDS = 8;

export function continuesOnto(current: string, next: string): boolean {
  const a = current.trim();
  const b = next.trim();
  if (!a || !b) return false;
  if (TIMELINE_LABEL_AT_START.test(b) || TIMELINE_LABEL_AT_START.test(a)) return false;
  if (endsSentence(a) || /[:;]$/.test(a)) return false;
  if (startsLowercase(b)) return true;
  if (endsWithContinuationWord(a)) return true;
  return wordCount(a) >= WRAP_MIN_WORDS && a.length >= 50;
}

/** Groups lines (blank lines included, as separators) into logical lines. */
export function joinWrappedLines(lines: Line[]): LogicalLine[] {
  const out: LogicalLine[] = [];
  let current: LogicalLine | undefined;
  let previous: Line | undefined;
  for (const line of lines) {
    const text = line.text.trim();
    if (!text) {
      current = undefined;
      previous = undefined;
      continue;
    }
    if (current && previous && previous.n === line.n - 1 && continuesOnto(current.text, text)) {
      current.text = `${current.text} ${text}`;
      current.lines.push(line.n);
    } else {
      current = { text, lines: [line.n] };
      out.push(current);
    }
    previous = line;
  }
  return out;
}
