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
  /** Each report's content words, when already known (default: read from the records). */
  words?: string[][];
}

export function reportText(record: ArticleRecord): string {
  return [record.headline, ...record.body.map((b) => b.text)].join("\n");
}

/** What grouping reads of one report: its content words (with repeats) and its name words. */
export interface ReportWords {
  words: string[];
  names: string[];
}

export function reportWords(record: ArticleRecord): ReportWords {
  const text = reportText(record);
  return { words: contentWords(text), names: [...nameWords(text)] };
}

export function buildCorpus(records: ArticleRecord[], opts: CorpusOptions = {}): Corpus {
  const n = records.length;
  const maxPostings = opts.maxPostings ?? Math.max(30, Math.ceil(n * 0.01));
  const keyTermCount = opts.keyTermCount ?? 15;
  const counts = records.map((r, i) => {
    const tf = new Map<string, number>();
    for (const w of opts.words?.[i] ?? contentWords(reportText(r))) tf.set(w, (tf.get(w) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  // Per term, once (not once per report that has it): its idf, and whether it is indexed.
  const idf = new Map<string, number>();
  const telling = new Set<string>();
  for (const [t, d] of df) {
    idf.set(t, Math.log(1 + n / d));
    if (d >= 2 && d <= maxPostings) telling.add(t);
  }
  const vectors = counts.map((tf) => {
    // Weights first, then the map of normalised ones: one map write a term.
    const terms = [...tf.keys()];
    const weights = new Array<number>(terms.length);
    let norm = 0;
    let k = 0;
    for (const c of tf.values()) {
      const w = (1 + Math.log(c)) * idf.get(terms[k])!;
      weights[k++] = w;
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
