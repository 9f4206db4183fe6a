/**
 * Text similarity between reports: cosine of content-word counts (stopwords and short words out).
 * Enough to tell "same story" from "different story" for date inference; story grouping may
 * replace it with something that scales (shingles/MinHash).
 */
import type { ArticleRecord } from "../record/schema.ts";

const STOPWORDS = new Set(
  ("about above after again against also among been before being below between both could does doing down during each " +
    "from further have having here into itself just more most only other over said says same should some such than that " +
    "their them then there these they this those through under until very were what when where which while will with " +
    "would your year years told last first next week month since still like many much made make even well back").split(" "),
);

export type TermVector = Map<string, number>;

export function termVector(record: ArticleRecord): TermVector {
  const vector: TermVector = new Map();
  const text = [record.headline, ...record.body.map((b) => b.text)].join(" ").toLowerCase();
  for (const word of text.match(/\p{L}{4,}/gu) ?? []) {
    if (!STOPWORDS.has(word)) vector.set(word, (vector.get(word) ?? 0) + 1);
  }
  return vector;
}

export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, x] of a) {
    na += x * x;
    const y = b.get(w);
    if (y) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
