import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { measureLines } from "../../src/parse/classify-features.ts";
import { chooseStopList, STOP_LIST_COUNT, stopListsOf } from "../../src/parse/classify-stopwords.ts";
import { tokens } from "../../src/parse/text-shape.ts";

// measureLines reads an ASCII line's words in place, by code unit, and any other line from `tokens`:
// both must give what the features are defined as, from `tokens` and `stopListsOf`.
const piece = fc.constantFrom(
  "the", "The", "THE", "and", "said", "Minister", "it's", "That's", "don't", "O'Neil", "x'", "'s", "12", "3pm",
  "für", "Über", "das", "et", "les", "что", "Москва", "東京", "¿Qué", "el", "de", "a", "I", "because", "Because",
  " ", "  ", ", ", ". ", "-", "—", "'", "’", "\"", "(", ")", "\t",
);
const line = fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(""));

function expected(texts: string[]) {
  const sample = new Array<number>(STOP_LIST_COUNT).fill(0);
  let sampled = 0;
  for (const text of texts) {
    const words = tokens(text);
    for (const w of words) for (const list of stopListsOf(w) ?? []) sample[list]++;
    sampled += words.length;
  }
  const list = chooseStopList(sample, sampled);
  return texts
    .filter((text) => text.trim())
    .map((text) => {
      const words = tokens(text);
      const firsts = words.map((w) => w[0]).filter((c) => c.toLowerCase() !== c.toUpperCase());
      const capitals = firsts.filter((c) => c !== c.toLowerCase()).length;
      const stops = words.filter((w) => list !== undefined && (stopListsOf(w) ?? []).includes(list)).length;
      return {
        tokens: words.length,
        capShare: firsts.length ? capitals / firsts.length : 0,
        stopDensity: list === undefined ? undefined : words.length ? stops / words.length : 0,
      };
    });
}

describe("measureLines word features", () => {
  it("counts tokens, capitals and stop words as tokens() and stopListsOf() define them, ASCII lines or not", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (texts) => {
        const page = measureLines(texts.map((text, i) => ({ n: i + 1, text })));
        const got = page.lines.map(({ tokens, capShare, stopDensity }) => ({ tokens, capShare, stopDensity }));
        expect(got).toEqual(expected(texts));
      }),
      { numRuns: 1500 },
    );
  });

  it("reads a page of English prose as English and a line of names as few stop words", () => {
    const page = measureLines([
      { n: 1, text: "The minister said that the plan would be put to a vote in the spring, and that it was not over." },
      { n: 2, text: "Home News Sport Weather iPlayer" },
    ]);
    expect(page.hasStopList).toBe(true);
    expect(page.lines[0].stopDensity).toBeGreaterThan(0.4);
    expect(page.lines[1].stopDensity).toBe(0);
    expect(page.lines[1].capShare).toBe(0.8); // "iPlayer" starts lower-case
    expect(page.lines[0].tokens).toBe(21);
  });
});
