/**
 * Term counts in order of first use (src/util/vocabulary.ts): grouping reads each report's words as
 * counts, and the vectors built from them must be those built from the words themselves, to the
 * last bit (a cosine sums in the order of a vector's terms).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCorpus } from "../../src/stories/tfidf.ts";
import { countTerms } from "../../src/util/vocabulary.ts";
import { record } from "../timeline/records.ts";

describe("countTerms", () => {
  it("counts each word, in order of first occurrence", () => {
    expect(countTerms(["talks", "geneva", "talks", "kerry", "geneva", "talks"])).toEqual({
      terms: ["talks", "geneva", "kerry"],
      counts: [3, 2, 1],
    });
    expect(countTerms([])).toEqual({ terms: [], counts: [] });
  });

  it("gives the vectors a term-frequency map of the words gives, terms in the same order", () => {
    const word = fc.constantFrom("talks", "geneva", "kerry", "lavrov", "syria", "weapons", "deal", "un");
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 30 }), { minLength: 1, maxLength: 8 }), (reports) => {
        const records = reports.map((_, i) => record(`r${i}`, "Alpha", null, ["x"]));
        const { vectors, terms } = buildCorpus(records, { counted: reports.map(countTerms), maxPostings: 3 });
        // The reference: tf as a map filled word by word, weights (1 + ln tf) * ln(1 + n / df), normalised.
        const tfs = reports.map((words) => words.reduce((tf, w) => tf.set(w, (tf.get(w) ?? 0) + 1), new Map<string, number>()));
        const df = new Map<string, number>();
        for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
        tfs.forEach((tf, i) => {
          const weights = [...tf].map(([t, c]) => [t, (1 + Math.log(c)) * Math.log(1 + reports.length / df.get(t)!)] as const);
          const norm = Math.sqrt(weights.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
          const entries = [...vectors[i].ids].map((id, k) => [terms[id], vectors[i].weights[k]]);
          expect(entries).toEqual(weights.map(([t, w]) => [t, w / norm]));
        });
      }),
      { numRuns: 300 },
    );
  });
});
