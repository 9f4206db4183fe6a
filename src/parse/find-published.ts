/**
 * The publication date a page dump prints next to its article, once the article is found. A web page
 * prints many dates (today's date in the header, teasers' dates, comment times, a tweet's date); the
 * article's is on a dateline-shaped line (the date and little else: a keyword, a byline, a time) in
 * the masthead just above the article's first line. Failing that, a "Published ..." line inside or
 * just after the article (some sites print it at the foot). A line with both a publication and an
 * update date gives the publication date.
 */
import { removeLine, type Draft } from "./draft.ts";
import type { LogicalLine } from "./logical-lines.ts";
import { datesIn, type DatelineDate } from "./parse-dateline.ts";
import { wordCount } from "./text-shape.ts";

/** How far above the article's first line (in input lines) the masthead may print the date. */
const MASTHEAD_REACH = 40;
/** How far below the article's last line a "Published" foot line may sit. */
const FOOT_REACH = 10;
/** Words a dateline may carry besides the date: a keyword, a byline, a time zone, "2 min read". */
const DATELINE_EXTRA_WORDS = 8;
const PUBLISHED_WORD = /\b(?:published|posted|original(?:ly published)?|first published|released)\b/i;
const ANY_DATE_WORD = /\b(?:published|posted|updated|original|released|modified)\b/i;

/** How far above the printed headline a dateline may sit (sites print section and date over it). */
const ABOVE_HEADLINE_REACH = 6;
/** The article's first lines may be a dateline the classifier kept (a short line set apart). */
const LEADING_CONTENT_LINES = 2;
const LEADING_DATELINE_MAX_WORDS = 12;

/**
 * Sets `published` from the dateline nearest the article, if no earlier stage found one. Returns the
 * content without a leading dateline it took from the article's first lines.
 */
export function findPublished(d: Draft, content: LogicalLine[]): LogicalLine[] {
  if (d.published || content.length === 0) return content;
  const first = content[0].lines[0];
  const last = content.at(-1)!.lines.at(-1)!;
  const inContent = new Set(content.flatMap((l) => l.lines));
  const printed = d.headlineRepeatLine ?? d.headline?.line;
  const headline = printed !== undefined && printed > 1 && printed < first ? printed : undefined;

  // A dateline the classifier kept as the article's first line (it reads like a short heading).
  for (const l of content.slice(0, LEADING_CONTENT_LINES)) {
    if (l.lines.length > 1 || wordCount(l.text) > LEADING_DATELINE_MAX_WORDS) continue;
    const hit = datelineAt(d, l.lines[0], new Set(), false);
    if (!hit) continue;
    take(d, l.lines[0], hit);
    removeLine(d, d.lineByNumber.get(l.lines[0])!, "dateline");
    return content.filter((x) => x !== l);
  }
  // Nearest to the article's first line wins: the header's "today" and teasers' dates sit further up.
  const ranges: Array<[number, number]> =
    headline !== undefined
      ? [
          [first - 1, headline + 1],
          [headline - 1, headline - ABOVE_HEADLINE_REACH],
        ]
      : [[first - 1, first - MASTHEAD_REACH]];
  for (const [from, to] of ranges) {
    for (let n = from; n >= Math.max(1, to); n--) {
      const hit = datelineAt(d, n, inContent, false);
      if (hit) {
        take(d, n, preferPublished(d, n, hit, inContent));
        return content;
      }
    }
  }
  for (let n = first; n <= last + FOOT_REACH; n++) {
    const hit = datelineAt(d, n, inContent, true);
    if (hit) {
      take(d, n, hit);
      return content;
    }
  }
  return content;
}

/** An "Updated" line may sit just under the "Published" one: the publication date is the one wanted. */
function preferPublished(d: Draft, n: number, hit: DatelineDate & { line?: number }, inContent: Set<number>): DatelineDate & { line?: number } {
  if (!UPDATED_ONLY.test(d.lineByNumber.get(n)?.text ?? "") || PUBLISHED_WORD.test(d.lineByNumber.get(n)?.text ?? "")) return hit;
  for (let m = n - 1; m >= Math.max(1, n - UPDATE_PAIR_REACH); m--) {
    const above = datelineAt(d, m, inContent, false);
    if (above && !UPDATED_ONLY.test(d.lineByNumber.get(m)!.text)) return { ...above, line: m };
  }
  return hit;
}
const SENTENCE_END = /(?:\b\d{4}|\b(?!sept\b)\p{Ll}{3,})[.!?](?=\s|$)/u;
const UPDATED_ONLY = /\b(?:updated|modified)\b/i;
const UPDATE_PAIR_REACH = 3;

function datelineAt(d: Draft, n: number, inContent: Set<number>, keywordNeeded: boolean): DatelineDate | undefined {
  if (inContent.has(n)) return undefined;
  const text = d.lineByNumber.get(n)?.text.trim();
  if (!text) return undefined;
  if (keywordNeeded && !ANY_DATE_WORD.test(text)) return undefined;
  // A caption dates its photo in a sentence ("A ship leaves port on Aug. 31, 2019."): not a dateline.
  if (SENTENCE_END.test(text)) return undefined;
  const dates = datesIn(text);
  if (dates.length === 0) return undefined;
  const dateWords = dates.reduce((sum, x) => sum + wordCount(x.text), 0);
  if (wordCount(text) - dateWords > DATELINE_EXTRA_WORDS) return undefined;
  return publicationDate(text, dates);
}

/** The first date after "Published"/"Original" when the line names one; otherwise the line's first date. */
export function publicationDate(text: string, dates: Array<DatelineDate & { index: number }>): DatelineDate {
  const at = PUBLISHED_WORD.exec(text);
  if (!at) return dates[0];
  // `dates` may come from a slice of `text` (a profile pattern's date group): compare by the words after the keyword.
  const after = text.slice(at.index + at[0].length);
  return dates.find((x) => after.includes(x.text)) ?? dates[0];
}

function take(d: Draft, n: number, hit: DatelineDate & { line?: number }): void {
  const line = hit.line ?? n;
  const text = d.lineByNumber.get(line)!.text.trim();
  d.published = { date: hit.date, time: hit.time, origin: "stated", evidence: text, line };
}
