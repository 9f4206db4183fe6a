/**
 * Undo hard wrapping: consecutive lines of one paragraph become one logical line. A line continues
 * onto the next when it cannot end a paragraph (no closing punctuation and it ends on a function word
 * or comma, or the next line starts in lower case), or when it is long prose cut mid-sentence at the
 * width the text was wrapped at. Headings and timeline labels are never joined.
 *
 * The width matters because page dumps set titles and teasers line under line: "Tories under fire
 * over debate" followed by "Minister resigns" is two titles, not one cut sentence, unless the block
 * they sit in shows it was wrapped (a line that runs on into lower case) and the first reaches the
 * block's full width.
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
const WRAP_MIN_CHARS = 50;
/** A line cut by hard wrapping reaches close to the width its text was wrapped at. */
const NEAR_WIDTH = 0.75;
/** Share of a page's lines at or under its wrap width: most lines of a wrapped page are full ones. */
const WIDTH_QUANTILE = 0.9;
/** A line of a word or two ending in a verb or determiner is no title: it was cut. */
const SHORT_LINE_WORDS = 2;
/** A line ending in `:` or `;` introduces what follows: no wrap. (Out here: a literal is a new object per call.) */
const ENDS_IN_COLON = /[:;]$/;

/**
 * Whether the line `current` runs on into `next`. `wrapWidth`: the width the text around it was
 * wrapped at (see `joinWrappedLines`); 0 (unknown) takes any long line for a cut one.
 */
export function continuesOnto(current: string, next: string, wrapWidth = 0): boolean {
  const a = current.trim();
  const b = next.trim();
  if (!a || !b) return false;
  if (TIMELINE_LABEL_AT_START.test(b) || TIMELINE_LABEL_AT_START.test(a)) return false;
  if (endsSentence(a) || ENDS_IN_COLON.test(a)) return false;
  if (startsLowercase(b)) return true;
  const nearWidth = a.length >= NEAR_WIDTH * wrapWidth;
  // "... minister says" ends a headline; it ends a wrapped line only when the line is full.
  if (endsWithContinuationWord(a, !nearWidth && wordCount(a) > SHORT_LINE_WORDS)) return true;
  return wordCount(a) >= WRAP_MIN_WORDS && a.length >= WRAP_MIN_CHARS && nearWidth;
}

/**
 * The width a page's text was wrapped at, read as a high quantile of its line lengths: on a
 * hard-wrapped page that is the column limit; on a page whose paragraphs are single lines it is the
 * length of a long paragraph, which no title or teaser reaches.
 */
export function wrapWidthOf(lines: Line[]): number {
  return widthOfTrimmed(lines.map((l) => l.text.trim()));
}

function widthOfTrimmed(texts: string[]): number {
  // A typed array sorts numbers natively (ascending), without a comparator call per comparison.
  const lengths = Uint32Array.from(texts.filter((t) => t.length > 0), (t) => t.length).sort();
  if (lengths.length === 0) return 0;
  return lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * WIDTH_QUANTILE))];
}

/** A join that needs no measuring: into a lower-case word, or from a word no sentence or title ends on. */
function certainWrap(a: string, b: string): boolean {
  return !endsSentence(a) && (startsLowercase(b) || endsWithContinuationWord(a, true));
}

/**
 * Groups lines (blank lines included, as separators) into logical lines. A line joined onto its
 * predecessor by a certain wrap shows the width its paragraph was wrapped at: the predecessor's
 * length. Otherwise the page's width applies.
 */
export function joinWrappedLines(lines: Line[]): LogicalLine[] {
  const out: LogicalLine[] = [];
  const trimmed = lines.map((l) => l.text.trim());
  const pageWidth = widthOfTrimmed(trimmed);
  let current: LogicalLine | undefined;
  let previous: Line | undefined;
  let before = "";
  let localWidth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const text = trimmed[i];
    if (!text) {
      current = undefined;
      previous = undefined;
      before = "";
      continue;
    }
    const width = localWidth || pageWidth;
    if (current && previous && previous.n === line.n - 1 && continuesOnto(before, text, width)) {
      localWidth = certainWrap(before, text) ? Math.min(pageWidth, Math.max(before.length, text.length)) : localWidth;
      current.text = `${current.text} ${text}`;
      current.lines.push(line.n);
    } else {
      localWidth = 0;
      current = { text, lines: [line.n] };
      out.push(current);
    }
    previous = line;
    before = text;
  }
  return out;
}
