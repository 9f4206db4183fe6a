/**
 * Dates a report that prints none, from what it says and from dated reports of the same story.
 *
 * A report's weekdays ("said Friday", "due on Monday") only make sense in one week. For each candidate
 * day D near the date of a related, dated report, the undated report's weekday mentions are resolved
 * against D with their clause's tense; D scores by how many of them land on days the related reports
 * also speak of (the same talks, the same announcement). Embedded-timeline entries bound D: one told in
 * the future ("to take place") is on or after D, one told as done is on or before it. The best D wins;
 * ties go to the day nearest the related report. No related dated report: no date, and a warning.
 */
import { DateTime } from "luxon";
import { clauseTense, type Tense } from "../dates/tense.ts";
import { resolveWeekday, weekdayNumber } from "../dates/weekday.ts";
import { parseTimelineLabel } from "../parse/timeline-labels.ts";
import type { ArticleRecord, Diagnostic } from "../record/schema.ts";
import { cosine, termVector, type TermVector } from "./similarity.ts";

/** Below this cosine two reports are not taken to be about the same events. */
export const SAME_STORY_SIMILARITY = 0.3;
/** How far from a related report's date the undated one may be. */
const WINDOW_DAYS = 7;

interface WeekdayMention {
  weekday: number;
  tense: Tense;
  quote: string;
}

const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?\b/g;

export function weekdayMentions(record: ArticleRecord): WeekdayMention[] {
  const mentions: WeekdayMention[] = [];
  for (const block of record.body) {
    if (block.type !== "paragraph") continue;
    for (const m of block.text.matchAll(WEEKDAY)) {
      const weekday = weekdayNumber(m[1]);
      if (!weekday) continue;
      const index = m.index ?? 0;
      mentions.push({ weekday, tense: clauseTense(block.text, index), quote: quoteAround(block.text, index, m[0].length) });
    }
  }
  return mentions;
}

/** Days a dated report speaks of: its own date and its weekday mentions resolved against it. */
function daysSpokenOf(record: ArticleRecord): Set<string> {
  const date = record.published!.date;
  const days = new Set([date]);
  for (const m of weekdayMentions(record)) days.add(resolveWeekday(m.weekday, date, m.tense));
  return days;
}

/** Bounds from timeline entries whose label lacks a year: month/day plus the entry's tense. */
function timelineBounds(record: ArticleRecord): Array<{ month: number; day: number; future: boolean }> {
  const bounds = [];
  for (const block of record.body) {
    if (block.type !== "timeline") continue;
    for (const e of block.entries) {
      const parts = parseTimelineLabel(e.label);
      if (!parts?.month || !parts.day || parts.year) continue;
      const day = parts.endDay ?? parts.day;
      bounds.push({ month: parts.month, day, future: clauseTense(`${e.label}: ${e.text}`, 0, e.label.length) === "future" || /\bto (?:take place|be held|begin|start|open)\b/i.test(e.text) });
    }
  }
  return bounds;
}

export interface Inference {
  date: string;
  evidence: string;
}

export function inferPublished(record: ArticleRecord, dated: ArticleRecord[], vectors = new Map<ArticleRecord, TermVector>()): Inference | undefined {
  const vec = (r: ArticleRecord) => vectors.get(r) ?? vectors.set(r, termVector(r)).get(r)!;
  const own = vec(record);
  const related = dated
    .filter((r) => r !== record && r.published)
    .map((r) => ({ r, score: cosine(own, vec(r)) }))
    .filter((x) => x.score >= SAME_STORY_SIMILARITY)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
  if (!related.length) return undefined;
  const mentions = weekdayMentions(record);
  const bounds = timelineBounds(record);
  const anchor = related[0].r;
  const anchorDay = DateTime.fromISO(anchor.published!.date, { zone: "utc" });
  const spoken = new Set(related.flatMap(({ r }) => [...daysSpokenOf(r)]));
  let best: { date: string; score: number; distance: number } | undefined;
  for (let offset = -WINDOW_DAYS; offset <= WINDOW_DAYS; offset++) {
    const day = anchorDay.plus({ days: offset });
    const date = day.toISODate()!;
    const fits = bounds.every((b) => {
      const at = DateTime.utc(day.year, b.month, b.day).toISODate()!;
      return b.future ? at >= date : at <= date;
    });
    if (!fits) continue;
    const score = mentions.filter((m) => spoken.has(resolveWeekday(m.weekday, date, m.tense))).length;
    const distance = Math.abs(offset);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { date, score, distance };
  }
  if (!best) return undefined;
  const cue = mentions.find((m) => resolveWeekday(m.weekday, best!.date, m.tense) === best!.date) ?? mentions[0];
  const relatedText = `${anchor.source.name}, “${anchor.headline}”, ${anchor.published!.date}`;
  const evidence = cue
    ? `“${cue.quote}” read in the week of the related report (${relatedText})`
    : `the date of the related report (${relatedText})`;
  return { date: best.date, evidence };
}

/** How many of a report's rarest words pick the dated reports it is compared with. */
const CANDIDATE_TERMS = 12;

/**
 * Reports of the same story share rare words: compare an undated report only with the dated reports
 * that contain one of its rarest words, not with every dated report (an inverted index).
 */
function candidateFinder(dated: ArticleRecord[], vectors: Map<ArticleRecord, TermVector>): (record: ArticleRecord) => ArticleRecord[] {
  const postings = new Map<string, ArticleRecord[]>();
  for (const r of dated) {
    const v = vectors.get(r) ?? vectors.set(r, termVector(r)).get(r)!;
    for (const term of v.keys()) {
      const list = postings.get(term);
      if (list) list.push(r);
      else postings.set(term, [r]);
    }
  }
  return (record) => {
    const own = vectors.get(record) ?? vectors.set(record, termVector(record)).get(record)!;
    const rarest = [...own.keys()]
      .filter((t) => postings.has(t))
      .sort((a, b) => postings.get(a)!.length - postings.get(b)!.length || a.localeCompare(b))
      .slice(0, CANDIDATE_TERMS);
    return [...new Set(rarest.flatMap((t) => postings.get(t)!))];
  };
}

/** Fills `published` (origin "inferred") where the report printed no date; warns where none can be found. */
export function inferMissingDates(records: ArticleRecord[]): void {
  const vectors = new Map<ArticleRecord, TermVector>();
  const undated = records.filter((r) => !r.published);
  if (!undated.length) return;
  const stated = records.filter((r) => r.published?.origin === "stated");
  const candidatesOf = candidateFinder(stated, vectors);
  for (const record of undated) {
    const found = inferPublished(record, candidatesOf(record), vectors);
    if (found) {
      record.published = { date: found.date, origin: "inferred", evidence: found.evidence };
      continue;
    }
    const warning: Diagnostic = {
      file: record.sourceFile,
      severity: "warning",
      rule: "no-publication-date",
      message: "Unexpected report without a date: it prints none and no dated report of the same story was found.",
      hint: "Add front matter with `published: YYYY-MM-DD` (or a dateline such as `Published: 14 Sep 2013`).",
    };
    record.diagnostics.push(warning);
  }
}

function quoteAround(text: string, index: number, length: number): string {
  const from = Math.max(0, text.lastIndexOf(" ", Math.max(0, index - 25)));
  const to = text.indexOf(" ", Math.min(text.length, index + length + 20));
  return text.slice(from, to < 0 ? undefined : to).trim();
}
