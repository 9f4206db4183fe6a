import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endsSentence, endsWithContinuationWord, endsWithMark, isTitleLike, lastVisibleChar, startsLowercase, tokens, wordCount } from "../../src/parse/text-shape.ts";

describe("endsWithMark (a backwards read of `[marks][closers]*$` on the trimmed text)", () => {
  it("finds the mark behind closing quotes and brackets and trailing white space", () => {
    expect(endsWithMark("He left.", ".!?", `"')`)).toBe(true);
    expect(endsWithMark(`"He left."`, ".!?", `"')`)).toBe(true);
    expect(endsWithMark(`(he left.")  \u00a0`, ".!?", `"')`)).toBe(true);
    expect(endsWithMark("He left", ".!?", `"')`)).toBe(false);
    expect(endsWithMark(`He left ".`.slice(0, -1), ".!?", `"')`)).toBe(false); // a closer with no mark before it
    expect(endsWithMark("", ".!?", `"')`)).toBe(false);
    expect(endsWithMark("   ", ".!?", `"')`)).toBe(false);
  });

  it("takes at most maxClosers closers", () => {
    expect(endsWithMark(`Reform,"`, ".,;:", `"'`, 1)).toBe(true);
    expect(endsWithMark(`Reform,"'`, ".,;:", `"'`, 1)).toBe(false);
    expect(endsWithMark(`Reform,"'`, ".,;:", `"'`)).toBe(true);
  });
});

describe("text-shape predicates read from the ends of a line", () => {
  it("endsSentence", () => {
    expect(endsSentence("The talks resumed on Friday.")).toBe(true);
    expect(endsSentence("He said: 'We will go.'  ")).toBe(true);
    expect(endsSentence("Is it over?”")).toBe(true);
    expect(endsSentence("The talks resumed on")).toBe(false);
    expect(endsSentence("Talks (part one)")).toBe(false);
  });

  it("lastVisibleChar and endsWithContinuationWord", () => {
    expect(lastVisibleChar("word,  ")).toBe(",");
    expect(lastVisibleChar(" \t ")).toBe("");
    expect(endsWithContinuationWord("the minister, ")).toBe(true); // a trailing comma
    expect(endsWithContinuationWord("rates rose by 2% -")).toBe(true);
    expect(endsWithContinuationWord("talks with the")).toBe(true);
    expect(endsWithContinuationWord("talks ended")).toBe(false);
  });

  it("startsLowercase looks past leading white space", () => {
    expect(startsLowercase("  and then")).toBe(true);
    expect(startsLowercase("\u00a0élan")).toBe(true);
    expect(startsLowercase("And then")).toBe(false);
    expect(startsLowercase("   ")).toBe(false);
  });

  it("isTitleLike refuses a line ending in punctuation, a closing quote allowed after it", () => {
    expect(isTitleLike("Syria talks resume in Geneva")).toBe(true);
    expect(isTitleLike("Syria talks resume in Geneva.")).toBe(false);
    expect(isTitleLike(`"Syria talks resume in Geneva,"`)).toBe(false);
    expect(isTitleLike(`'Syria talks resume'`)).toBe(true);
  });
});

describe("tokens", () => {
  // The Unicode definition of a word; tokens() takes a faster pattern for ASCII-only text and must agree.
  const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  const expected = (text: string) => text.match(WORD) ?? [];

  it("splits words at anything but letters, digits and inner apostrophes", () => {
    expect(tokens("Don't stop: 3 o'clock, 10,000 rock'n'roll fans'")).toEqual(["Don't", "stop", "3", "o'clock", "10", "000", "rock'n'roll", "fans"]);
    expect(tokens("Zürich’s 2ème café — l’été")).toEqual(["Zürich’s", "2ème", "café", "l’été"]);
    expect(tokens("  ... ")).toEqual([]);
  });

  it("gives the Unicode pattern's tokens for any text, ASCII or not", () => {
    const ascii = fc.string({ unit: fc.constantFrom(..."ab Z9'’-. \t\u00e9\u4e2d"), maxLength: 40 });
    fc.assert(fc.property(fc.oneof(ascii, fc.string({ unit: "binary", maxLength: 40 })), (text) => {
      expect(tokens(text)).toEqual(expected(text));
    }), { numRuns: 2000 });
  });

  it("wordCount counts the same tokens without listing them", () => {
    expect(wordCount("Don't stop: 3 o'clock, 10,000 rock'n'roll fans' 9'a '")).toBe(9);
    const text = fc.string({ unit: fc.constantFrom(..."ab Z9''’-. \t\u00e9"), maxLength: 40 });
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: "binary", maxLength: 40 })), (t) => {
      expect(wordCount(t)).toBe(expected(t).length);
    }), { numRuns: 2000 });
  });
});
