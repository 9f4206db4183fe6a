/**
 * Text similarity between reports for date inference: cosine of content-word counts (stopwords and
 * short words out). Enough to tell "same story" from "different story".
 */
import type { ArticleRecord } from "../record/schema.ts";
import { countTerms, IdTable, vocabulary } from "../util/vocabulary.ts";

const STOPWORDS = new Set(
  ("about above after again against also among been before being below between both could does doing down during each " +
    "from further have having here into itself just more most only other over said says same should some such than that " +
    "their them then there these they this those through under until very were what when where which while will with " +
    "would your year years told last first next week month since still like many much made make even well back").split(" "),
);

/** The words a report is compared by, in text order: lower-cased, four letters or more, stopwords out. */
function contentWords(record: ArticleRecord): string[] {
  const text = [record.headline, ...record.body.map((b) => b.text)].join(" ").toLowerCase();
  return (text.match(/\p{L}{4,}/gu) ?? []).filter((word) => !STOPWORDS.has(word));
}

/**
 * A report's word counts as ids into a `CountVectors` vocabulary, in the order of first use. Typed
 * arrays rather than a map per report: date inference indexes every dated report's words and compares
 * each undated report with thousands of them at 40,000 reports.
 */
export interface CountVector {
  ids: Int32Array;
  counts: Float64Array;
  /** Sum of the squared counts. */
  norm2: number;
}

/** Count vectors of reports over one shared vocabulary, each made once. */
export interface CountVectors {
  of(record: ArticleRecord): CountVector;
  /** The vector's words, in its order. */
  termsOf(vector: CountVector): string[];
  /** The id of a word any vector made so far has, else undefined. */
  idOf(term: string): number | undefined;
  /**
   * The cosine of `own` with each of `others`. Counts are whole numbers, so every product and sum is
   * exact: the order they are added in does not change the result by a bit.
   */
  similarities(own: CountVector, others: readonly CountVector[]): number[];
}

export function countVectors(): CountVectors {
  const vocab = vocabulary();
  const made = new Map<ArticleRecord, CountVector>();
  const table = new IdTable();
  const make = (record: ArticleRecord): CountVector => {
    const { terms, counts } = countTerms(contentWords(record));
    let norm2 = 0;
    for (const c of counts) norm2 += c * c;
    return { ids: Int32Array.from(terms, vocab.intern), counts: Float64Array.from(counts), norm2 };
  };
  return {
    of: (record) => made.get(record) ?? made.set(record, make(record)).get(record)!,
    termsOf: (vector) => Array.from(vector.ids, (id) => vocab.words[id]),
    idOf: vocab.idOf,
    similarities(own, others) {
      table.spread(own.ids, own.counts);
      const out = others.map((other) => {
        let dot = 0;
        for (let k = 0; k < other.ids.length; k++) dot += other.counts[k] * table.at(other.ids[k]);
        return own.norm2 && other.norm2 ? dot / Math.sqrt(own.norm2 * other.norm2) : 0;
      });
      table.clear(own.ids);
      return out;
    },
  };
}
