import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lastWord, splitSentences } from "../../src/dates/sentences.ts";

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe("splitSentences", () => {
  it("splits on full stops and glued sentences", () => {
    expect(texts("Talks lasted an hour. Talks may continue beyond Friday.The BBC's Paul Adams says so.")).toEqual([
      "Talks lasted an hour.",
      "Talks may continue beyond Friday.",
      "The BBC's Paul Adams says so.",
    ]);
  });

  it("keeps abbreviations, initials and times inside the sentence", () => {
    expect(texts("The blast came at 10:35 a.m. Friday near the U.S. embassy. Mr. Kerry and P.J. Crowley spoke.")).toEqual([
      "The blast came at 10:35 a.m. Friday near the U.S. embassy.",
      "Mr. Kerry and P.J. Crowley spoke.",
    ]);
    expect(texts("He was last seen Nov. 3, the day before.")).toEqual(["He was last seen Nov. 3, the day before."]);
  });

  it("gives each sentence's offset", () => {
    const text = "One.  Two here.";
    const [, two] = splitSentences(text);
    expect(text.slice(two.index, two.index + two.text.length)).toBe("Two here.");
  });
});

describe("closing quotes at the end of a paragraph", () => {
  it("stay with their sentence", () => {
    expect(splitSentences('He said: "We\'re obviously at a pivotal point."').map((s) => s.text)).toEqual(['He said: "We\'re obviously at a pivotal point."']);
    expect(splitSentences('"It ended." Then they left.').map((s) => s.text)).toEqual(['"It ended."', "Then they left."]);
  });
});

describe("lastWord", () => {
  it("takes the letters and full stops that end the text, from the first letter", () => {
    expect(lastWord("said Mr")).toBe("Mr");
    expect(lastWord("the U.S")).toBe("U.S");
    expect(lastWord("at 10 a.m")).toBe("a.m");
    expect(lastWord("in ..e.g")).toBe("e.g");
    expect(lastWord("was 42")).toBe("");
    expect(lastWord("ends.")).toBe("ends.");
    expect(lastWord("")).toBe("");
  });

  it("finds what the end-anchored pattern it replaces finds", () => {
    const text = fc.string({ unit: fc.constantFrom(..."aZ. 9-\u00e9'"), maxLength: 30 });
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: "binary", maxLength: 30 })), (t) => {
        expect(lastWord(t)).toBe(/([A-Za-z][A-Za-z.]*)$/.exec(t)?.[1] ?? "");
      }),
      { numRuns: 3000 },
    );
  });
});
