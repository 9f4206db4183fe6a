import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asciiStopListsAt, stopListsOf } from "../../src/parse/classify-stopwords.ts";

describe("stopListsOf (a word's stop-word lists, any case)", () => {
  it("finds a stop word in any case, in every list that has it", () => {
    expect(stopListsOf("the")).toEqual(stopListsOf("THE"));
    expect(stopListsOf("The")?.length).toBeGreaterThan(0);
    expect(stopListsOf("Über")).toEqual(stopListsOf("über")); // a capital beyond ASCII
    expect(stopListsOf("ЧТО")).toEqual(stopListsOf("что"));
    expect(stopListsOf("a")!.length).toBeGreaterThan(1); // English, Spanish, Portuguese, Italian, French
    expect(stopListsOf("Syria")).toBeUndefined();
  });

  it("answers for a word as for its lower case (it lowers only words that may change)", () => {
    const letters = fc.constantFrom(..."abcdeilmnorstuzÄÉİIOTWäéöüçвчтЧТ'".split(""));
    fc.assert(
      fc.property(fc.array(letters, { minLength: 1, maxLength: 8 }).map((cs) => cs.join("")), (word) => {
        expect(stopListsOf(word)).toEqual(stopListsOf(word.toLowerCase()));
      }),
      { numRuns: 2000 },
    );
    for (const word of ["The", "tHe", "AND", "Für", "À", "Était"]) expect(stopListsOf(word)).toEqual(stopListsOf(word.toLowerCase()));
  });
});

describe("asciiStopListsAt (a word looked up where it stands in its line)", () => {
  it("answers as stopListsOf for the same word sliced out, in any case", () => {
    const letters = fc.constantFrom(..."abcdeghilmnorstuwyTHEAIO'".split(""));
    fc.assert(
      fc.property(fc.string({ maxLength: 3 }), fc.array(letters, { minLength: 1, maxLength: 9 }).map((cs) => cs.join("")), (before, word) => {
        const text = ` ${before.replace(/[^\x00-\x7f]/g, "")} ${word} `;
        const start = text.lastIndexOf(word);
        expect(asciiStopListsAt(text, start, start + word.length)).toEqual(stopListsOf(word));
      }),
      { numRuns: 3000 },
    );
    for (const word of ["the", "The", "because", "BECAUSE", "it's", "That's", "a", "l", "d", "Syria", "becauses"]) {
      expect(asciiStopListsAt(word, 0, word.length)).toEqual(stopListsOf(word));
    }
  });
});
