/**
 * Groups reports into stories. Two reports are linked when their TF-IDF cosine is high enough: a
 * lower bar when both are dated within a few days of each other and share names, a high one when a
 * date is missing (text alone must then carry the decision). Links are merged strongest first, and two
 * groups join only when at least half of all their cross pairs are links themselves, so a chain of
 * loosely related reports does not snowball into one topic. Candidates come from an inverted index of
 * rare terms, so the work grows with the number of reports, not its square. A story's id is its
 * earliest report's id, so adding an unrelated report leaves existing stories and their ids alone.
 */
import { DateTime } from "luxon";
import { partitionPoint } from "../archive/partition-point.ts";
import { remembered } from "../util/remembered.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { buildCorpus, reportWords, type Corpus, type ReportWords } from "./tfidf.ts";

export interface GroupOptions {
  /** Both dated, within `maxDaysApart`: link at this cosine... */
  minSimilarityDated?: number;
  /** ...or at this lower one when they also share at least `minSharedNames` names. */
  minSimilarityDatedWithNames?: number;
  minSharedNames?: number;
  /** A date missing on either side: link only at this cosine (near-rewrites of one report). */
  minSimilarityUndated?: number;
  /** Dated reports further apart than this are never linked. */
  maxDaysApart?: number;
  /** One report's words; default: read from it (the build passes a cache's). */
  wordsOf?: (record: ArticleRecord) => ReportWords;
}

export const DEFAULT_GROUP_OPTIONS: Required<Omit<GroupOptions, "wordsOf">> = {
  minSimilarityDated: 0.4,
  minSimilarityDatedWithNames: 0.2,
  minSharedNames: 6,
  minSimilarityUndated: 0.65,
  maxDaysApart: 3,
};

export interface StoryGroup {
  id: string;
  title: string;
  start: string | null;
  end: string | null;
  articleIds: string[];
}

export interface ScoredLink {
  a: number;
  b: number;
  similarity: number;
}

interface Linker {
  corpus: Corpus;
  /** The link rule for any pair: its cosine when linked, otherwise null. */
  link(a: number, b: number): number | null;
  /** The reports `link` could accept for report `i` (see windowedCandidates). */
  candidates(i: number): number[];
}

/**
 * Days since 1970 of an ISO date (NaN when unreadable: then no date test rejects a pair). Reports
 * share dates (10,000 reports fall on a few thousand days): each is read by luxon once.
 */
const dayNumber = remembered((date: string) => DateTime.fromISO(date, { zone: "utc" }).toMillis() / 86_400_000);

function makeLinker(records: ArticleRecord[], options: GroupOptions): Linker {
  const opts = { ...DEFAULT_GROUP_OPTIONS, ...options };
  const read = records.map(options.wordsOf ?? reportWords);
  const corpus = buildCorpus(records, { counted: read });
  const names = read.map((w) => new Set(w.names));
  const days = records.map((r) => (r.published ? dayNumber(r.published.date) : null));
  const link = (a: number, b: number): number | null => {
    const da = days[a];
    const db = days[b];
    // The date test first: it is free, the cosine is not, and most candidate pairs are years apart.
    if (da !== null && db !== null && Math.abs(da - db) > opts.maxDaysApart) return null;
    const similarity = corpus.cosine(corpus.vectors[a], corpus.vectors[b]);
    if (da === null || db === null) return similarity >= opts.minSimilarityUndated ? similarity : null;
    if (similarity >= opts.minSimilarityDated) return similarity;
    if (similarity < opts.minSimilarityDatedWithNames) return null;
    let shared = 0;
    for (const name of names[a]) if (names[b].has(name)) shared++;
    return shared >= opts.minSharedNames ? similarity : null;
  };
  return { corpus, link, candidates: windowedCandidates(corpus, days, opts.maxDaysApart) };
}

/**
 * The reports sharing at least two of report i's key terms (the corpus's postings of rare terms), less
 * the dated reports `link` rejects outright for their dates: for a dated report only those within
 * `maxDaysApart` of it, and the reports without a usable date, are looked at. A common term's
 * postings grow with the archive (its bar is 1% of the reports), but the part of them in a week does
 * not, so the search stays linear. Postings are read in date order, found by binary search.
 */
function windowedCandidates(corpus: Corpus, days: Array<number | null>, maxDaysApart: number): (i: number) => number[] {
  const dated = (i: number) => Number.isFinite(days[i]);
  // Each posting list split: the dated reports in date order, and those without a usable date.
  const byDate = corpus.postings.map((list) => list && { dated: list.filter(dated).sort((a, b) => days[a]! - days[b]! || a - b), undated: list.filter((j) => !dated(j)) });
  return (i) => {
    const hits = new Map<number, number>();
    const hit = (j: number) => {
      if (j !== i) hits.set(j, (hits.get(j) ?? 0) + 1);
    };
    for (const t of corpus.keyTerms[i]) {
      const list = byDate[t];
      if (!list) continue;
      let from = 0;
      let to = list.dated.length;
      if (dated(i)) {
        const day = days[i]!;
        from = partitionPoint(list.dated, (j) => days[j]! < day - maxDaysApart);
        to = partitionPoint(list.dated, (j) => days[j]! <= day + maxDaysApart);
      }
      for (let k = from; k < to; k++) hit(list.dated[k]);
      for (const j of list.undated) hit(j);
    }
    return [...hits].filter(([, c]) => c >= 2).map(([j]) => j);
  };
}

/** Linked pairs of reports (indexes into `records`), strongest first. */
export function linkReports(records: ArticleRecord[], options: GroupOptions = {}, linker = makeLinker(records, options)): ScoredLink[] {
  const n = records.length;
  const seen = new Set<number>();
  const links: ScoredLink[] = [];
  for (let i = 0; i < n; i++) {
    for (const j of linker.candidates(i)) {
      const [a, b] = i < j ? [i, j] : [j, i];
      if (seen.has(a * n + b)) continue;
      seen.add(a * n + b);
      const similarity = linker.link(a, b);
      if (similarity !== null) links.push({ a, b, similarity });
    }
  }
  return links.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
}

export function groupStories(records: ArticleRecord[], options: GroupOptions = {}): StoryGroup[] {
  const linker = makeLinker(records, options);
  const groupOf = records.map((_, i) => i);
  const members = new Map<number, number[]>(records.map((_, i) => [i, [i]]));
  for (const { a, b } of linkReports(records, options, linker)) {
    const ga = groupOf[a];
    const gb = groupOf[b];
    if (ga === gb) continue;
    const A = members.get(ga)!;
    const B = members.get(gb)!;
    let linked = 0;
    for (const x of A) for (const y of B) if (linker.link(x, y) !== null) linked++;
    if (linked * 2 < A.length * B.length) continue;
    for (const y of B) groupOf[y] = ga;
    A.push(...B);
    members.delete(gb);
  }
  return [...members.values()]
    .filter((g) => g.length >= 2)
    .map((g) => toStory(g.map((i) => records[i])))
    .sort((a, b) => compareNullableDates(b.start, a.start) || (a.id < b.id ? -1 : 1));
}

/** Oldest first; undated after dated; then by id. */
function byDateThenId(a: ArticleRecord, b: ArticleRecord): number {
  return compareNullableDates(a.published?.date ?? null, b.published?.date ?? null) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function compareNullableDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function toStory(members: ArticleRecord[]): StoryGroup {
  const sorted = [...members].sort(byDateThenId);
  const dates = sorted.map((r) => r.published?.date).filter((d): d is string => !!d);
  // A printed headline names the story better than one derived from a lead sentence.
  const titled = sorted.find((r) => r.headlineOrigin === "stated") ?? sorted[0];
  return {
    id: sorted[0].id,
    title: titled.headline,
    start: dates[0] ?? null,
    end: dates.at(-1) ?? null,
    articleIds: sorted.map((r) => r.id),
  };
}
