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
import { rareWordsOf, rarest, withChangedReports, type RareWords } from "./rare-words.ts";
import { countVectors, type CountVectors } from "./similarity.ts";

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

export function inferPublished(record: ArticleRecord, dated: ArticleRecord[], vectors: CountVectors = countVectors()): Inference | undefined {
  const others = dated.filter((r) => r !== record && r.published);
  const scores = vectors.similarities(vectors.of(record), others.map((r) => vectors.of(r)));
  const related = others
    .map((r, i) => ({ r, score: scores[i]! }))
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

/** One undated report's outcome, and its rare words (indexes into the build's `stated` list). */
export interface StoredInference {
  found?: Inference;
  words: RareWords;
}

/** What a build worked out: the reports with a stated date then (by key), and each undated report's outcome. */
export interface StoredInferences {
  stated: string[];
  undated: Record<string, StoredInference>;
}

/** The last build's outcomes in, this build's out: a build that adds, changes or removes dated reports then indexes the new ones' words alone. */
export interface InferenceMemo {
  previous?: StoredInferences;
  keep(next: StoredInferences): void;
}

/** What inference reads of a report: its file, text (checksum) and headline. */
export function inferenceKey(record: ArticleRecord): string {
  return `${record.sourceFile}\0${record.checksum}\0${record.headline}`;
}

/**
 * Fills `published` (origin "inferred") where the report printed no date; warns where none can be found.
 *
 * Reports of the same story share rare words: an undated report is compared only with the dated
 * reports holding one of its rarest words (an inverted index), not with every dated report. With a
 * memo of the last build, when this one added, changed or removed dated reports (and no undated one is
 * new), each undated report's rare words are brought up to date from those reports alone
 * (rare-words.ts), and its last outcome is kept when they pick the same reports.
 */
export function inferMissingDates(records: ArticleRecord[], memo?: InferenceMemo): void {
  const undated = records.filter((r) => !r.published);
  const stated = records.filter((r) => r.published?.origin === "stated");
  const vectors = countVectors();
  const outcomes = (memo?.previous && updatedOutcomes(undated, stated, memo.previous, vectors)) ?? freshOutcomes(undated, stated, vectors);
  memo?.keep({ stated: stated.map(inferenceKey), undated: Object.fromEntries(undated.map((r) => [inferenceKey(r), outcomes.get(r)!])) });
  for (const record of undated) {
    const { found } = outcomes.get(record)!;
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

/** The dated reports holding one of the chosen words, in the order the words and then the reports come. */
function candidates(chosen: RareWords["rare"], stated: ArticleRecord[]): ArticleRecord[] {
  return [...new Set(chosen.flatMap(([, reports]) => reports))].map((i) => stated[i]!);
}

/** Every undated report's outcome, from an inverted index of every dated report's words. */
function freshOutcomes(undated: ArticleRecord[], stated: ArticleRecord[], vectors: CountVectors): Map<ArticleRecord, StoredInference> {
  const outcomes = new Map<ArticleRecord, StoredInference>();
  if (!undated.length) return outcomes;
  // Word id -> the dated reports holding it, in ascending order.
  const postings: number[][] = [];
  stated.forEach((r, i) => {
    const { ids } = vectors.of(r);
    for (let k = 0; k < ids.length; k++) (postings[ids[k]!] ??= []).push(i);
  });
  const index = { get: (term: string) => postings[vectors.idOf(term) ?? -1] };
  for (const record of undated) {
    const words = rareWordsOf(vectors.termsOf(vectors.of(record)), index);
    const found = inferPublished(record, candidates(rarest(words, CANDIDATE_TERMS)!, stated), vectors);
    outcomes.set(record, found ? { found, words } : { words });
  }
  return outcomes;
}

/**
 * The outcomes from the last build's, when every undated report was undated then too: rare words
 * updated from the dated reports added, changed (a changed one is gone and added) and gone; an outcome
 * worked out again only where they pick other reports (a changed report among them is another). Undefined
 * (work everything out afresh) otherwise, or when a report's kept rare words no longer tell its rarest.
 */
function updatedOutcomes(
  undated: ArticleRecord[],
  stated: ArticleRecord[],
  previous: StoredInferences,
  vectors: CountVectors,
): Map<ArticleRecord, StoredInference> | undefined {
  const indexNow = new Map(stated.map((r, i) => [inferenceKey(r), i]));
  const moved = previous.stated.map((key) => indexNow.get(key));
  const removed = moved.filter((i) => i === undefined).length;
  const known = new Set(previous.stated);
  const added = stated.flatMap((r, index) => (known.has(inferenceKey(r)) ? [] : [{ index, terms: new Set(vectors.termsOf(vectors.of(r))) }]));
  const outcomes = new Map<ArticleRecord, StoredInference>();
  for (const record of undated) {
    const stored = previous.undated[inferenceKey(record)];
    // A cache file written by hand or torn could point past the list: then it is no memo.
    if (!stored || !stored.words.rare.every(([, reports]) => reports.every((i) => Number.isInteger(i) && i >= 0 && i < moved.length))) return undefined;
    const words = withChangedReports(stored.words, (i) => moved[i], added, removed);
    const chosen = words && rarest(words, CANDIDATE_TERMS);
    // The last build's choice, in this build's indexes (reports keep their order, so lists stay sorted);
    // a report gone since is -1, which no choice holds.
    const before = rarest(stored.words, CANDIDATE_TERMS)?.map(([term, reports]): [string, number[]] => [term, reports.map((i) => moved[i] ?? -1)]);
    if (!words || !chosen || !before) return undefined;
    const same = JSON.stringify(chosen) === JSON.stringify(before);
    const found = same ? stored.found : inferPublished(record, candidates(chosen, stated), vectors);
    outcomes.set(record, found ? { found, words } : { words });
  }
  return outcomes;
}

function quoteAround(text: string, index: number, length: number): string {
  const from = Math.max(0, text.lastIndexOf(" ", Math.max(0, index - 25)));
  const to = text.indexOf(" ", Math.min(text.length, index + length + 20));
  return text.slice(from, to < 0 ? undefined : to).trim();
}
