/**
 * TF-IDF vectors of reports and a candidate search over an inverted index of rare terms, so grouping
 * compares each report with the few that share its distinctive words, never all pairs.
 */
import type { ArticleRecord } from "../record/schema.ts";
import { contentWords, nameWords } from "./content-words.ts";

export type Vector = Map<string, number>;

export interface Corpus {
  vectors: Vector[];
  /** term -> indexes of the reports containing it, for terms rare enough to be telling. */
  postings: Map<string, number[]>;
  /** Each report's most telling terms (highest weight among the indexed ones). */
  keyTerms: string[][];
}

export interface CorpusOptions {
  /** Terms in more reports than this are not indexed (too common to tell stories apart). */
  maxPostings?: number;
  /** How many of its terms a report is looked up by. */
  keyTermCount?: number;
  /** Each report's content words counted, when already known (default: read from the records). */
  counted?: TermCounts[];
}

export function reportText(record: ArticleRecord): string {
  return [record.headline, ...record.body.map((b) => b.text)].join("\n");
}

/**
 * Each distinct word and how often it occurs, in order of first occurrence: the order a vector's terms
 * are summed in, so that vectors built from these are the same to the last bit as from the words.
 */
export interface TermCounts {
  terms: string[];
  counts: number[];
}

export function countTerms(words: Iterable<string>): TermCounts {
  const at = new Map<string, number>();
  const terms: string[] = [];
  const counts: number[] = [];
  for (const w of words) {
    const k = at.get(w);
    if (k === undefined) {
      at.set(w, terms.length);
      terms.push(w);
      counts.push(1);
    } else counts[k]++;
  }
  return { terms, counts };
}

/**
 * What grouping reads of one report: its content words counted and its name words. Counted, not
 * listed with repeats: every build reads every report's (from the cache), and the counts are about
 * half the text to parse and half the map writes.
 */
export interface ReportWords extends TermCounts {
  names: string[];
}

export function reportWords(record: ArticleRecord): ReportWords {
  const text = reportText(record);
  return { ...countTerms(contentWords(text)), names: [...nameWords(text)] };
}

export function buildCorpus(records: ArticleRecord[], opts: CorpusOptions = {}): Corpus {
  const n = records.length;
  const maxPostings = opts.maxPostings ?? Math.max(30, Math.ceil(n * 0.01));
  const keyTermCount = opts.keyTermCount ?? 15;
  const counted = records.map((r, i) => opts.counted?.[i] ?? countTerms(contentWords(reportText(r))));
  const df = new Map<string, number>();
  for (const { terms } of counted) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  // Per term, once (not once per report that has it): its idf, and whether it is indexed.
  const idf = new Map<string, number>();
  const telling = new Set<string>();
  for (const [t, d] of df) {
    idf.set(t, Math.log(1 + n / d));
    if (d >= 2 && d <= maxPostings) telling.add(t);
  }
  const vectors = counted.map(({ terms, counts }) => {
    // Weights first, then the map of normalised ones: one map write a term.
    const weights = new Array<number>(terms.length);
    let norm = 0;
    for (let k = 0; k < terms.length; k++) {
      const w = (1 + Math.log(counts[k])) * idf.get(terms[k])!;
      weights[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    const v: Vector = new Map();
    for (let j = 0; j < terms.length; j++) v.set(terms[j], weights[j] / norm);
    return v;
  });
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const t of v.keys()) {
      if (!telling.has(t)) continue;
      const list = postings.get(t) ?? postings.set(t, []).get(t)!;
      list.push(i);
    }
  });
  const keyTerms = vectors.map((v) => {
    const indexed: Array<[string, number]> = [];
    for (const [t, w] of v) if (telling.has(t)) indexed.push([t, w]);
    return indexed
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, keyTermCount)
      .map(([t]) => t);
  });
  return { vectors, postings, keyTerms };
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const x = large.get(t);
    if (x) dot += w * x;
  }
  return dot;
}
