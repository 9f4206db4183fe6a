/**
 * TF-IDF vectors of reports and a candidate search over an inverted index of rare terms, so grouping
 * compares each report with the few that share its distinctive words, never all pairs.
 */
import type { ArticleRecord } from "../record/schema.ts";
import { countTerms, IdTable, vocabulary, type TermCounts } from "../util/vocabulary.ts";
import { contentWords, nameWords } from "./content-words.ts";

/**
 * A report's weighted terms: ids into its corpus's `terms`, in the report's order of first use, and
 * their normalised weights. Typed arrays, not a map per report: at 40,000 reports the maps were some
 * 12 million entries, and collecting them was a third of grouping's time (more in a build's big heap).
 */
export interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

export interface Corpus {
  /** Term id -> term. */
  terms: readonly string[];
  vectors: Vector[];
  /** Term id -> indexes of the reports containing it, for terms rare enough to be telling (else undefined). */
  postings: Array<number[] | undefined>;
  /** Each report's most telling term ids (highest weight among the indexed ones). */
  keyTerms: number[][];
  /** Cosine of two of its (normalised) vectors. */
  cosine(a: Vector, b: Vector): number;
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
  const vocab = vocabulary();
  const ids = counted.map((c) => Int32Array.from(c.terms, vocab.intern));
  const terms = vocab.words;
  const df = new Uint32Array(terms.length);
  for (const list of ids) for (let k = 0; k < list.length; k++) df[list[k]]++;
  // Per term, once (not once per report that has it): its idf, and whether it is indexed.
  const idf = new Float64Array(terms.length);
  const telling = new Uint8Array(terms.length);
  for (let t = 0; t < terms.length; t++) {
    idf[t] = Math.log(1 + n / df[t]);
    telling[t] = df[t] >= 2 && df[t] <= maxPostings ? 1 : 0;
  }
  const vectors = counted.map(({ counts }, i): Vector => {
    const own = ids[i];
    const weights = new Float64Array(own.length);
    let norm = 0;
    for (let k = 0; k < own.length; k++) {
      const w = (1 + Math.log(counts[k])) * idf[own[k]];
      weights[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < own.length; k++) weights[k] /= norm;
    return { ids: own, weights };
  });
  const postings = new Array<number[] | undefined>(terms.length);
  vectors.forEach((v, i) => {
    for (let k = 0; k < v.ids.length; k++) {
      const t = v.ids[k];
      if (telling[t]) (postings[t] ??= []).push(i);
    }
  });
  const keyTerms = vectors.map((v) => {
    const indexed: Array<[number, number]> = [];
    for (let k = 0; k < v.ids.length; k++) if (telling[v.ids[k]]) indexed.push([v.ids[k], v.weights[k]]);
    return indexed
      .sort((a, b) => b[1] - a[1] || (terms[a[0]] < terms[b[0]] ? -1 : 1))
      .slice(0, keyTermCount)
      .map(([t]) => t);
  });
  return { terms, vectors, postings, keyTerms, cosine: cosineOver(terms.length) };
}

/**
 * Cosine of two normalised vectors (their dot product): the larger one spread over a table indexed by
 * term id, the smaller one's terms looked up in it in their own order, so that the sum is added up in
 * the same order, to the same last bit, as a lookup of each of its terms in the other's map.
 */
function cosineOver(termCount: number): (a: Vector, b: Vector) => number {
  const table = new IdTable(termCount);
  return (a, b) => {
    const [small, large] = a.ids.length <= b.ids.length ? [a, b] : [b, a];
    table.spread(large.ids, large.weights);
    let dot = 0;
    for (let k = 0; k < small.ids.length; k++) {
      const x = table.at(small.ids[k]);
      if (x) dot += small.weights[k] * x;
    }
    table.clear(large.ids);
    return dot;
  };
}
