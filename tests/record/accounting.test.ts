import { describe, expect, it } from "vitest";
import { unaccountedLines } from "../../src/record/accounting.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";

/** A record whose only claims are body paragraphs: (line, text) pairs. */
function recordWith(paragraphs: Array<{ line: number; endLine?: number; text: string }>): ArticleRecord {
  return {
    headline: "Test",
    source: { id: "unknown", name: "Unknown source", origin: "unknown" },
    fields: [],
    body: paragraphs.map((p) => ({ type: "paragraph", ...p })),
    media: [],
    related: [],
    removed: [],
  } as unknown as ArticleRecord;
}

describe("unaccountedLines", () => {
  it("accounts for a line printed whole inside the paragraph that claims it", () => {
    const record = recordWith([{ line: 1, endLine: 2, text: "The council voted on Tuesday to close the bridge after engineers found cracks." }]);
    const lines = [
      { n: 1, text: "The council voted on Tuesday to close the bridge" },
      { n: 2, text: "  after engineers found cracks." },
    ];
    expect(unaccountedLines(record, lines)).toEqual([]);
  });

  it("does not count a line found only inside longer words as accounted for", () => {
    // "on" and "car" occur in the claim only as parts of "bacon" and "cart": the words are lost.
    const record = recordWith([{ line: 1, text: "bacon cart" }]);
    expect(unaccountedLines(record, [{ n: 1, text: "on car" }])).toEqual([{ n: 1, text: "on car" }]);
  });

  it("splits letters from digits, so a repaired glue still matches", () => {
    const record = recordWith([{ line: 1, text: "talks at the summit 9 Sep" }]);
    expect(unaccountedLines(record, [{ n: 1, text: "talks at the summit9 Sep" }])).toEqual([]);
    // The claim's "summit9" holds "summit" and "9" as words: a line with "summit 9" is accounted for.
    const glued = recordWith([{ line: 1, text: "at the summit9 Sep" }]);
    expect(unaccountedLines(glued, [{ n: 1, text: "summit 9" }])).toEqual([]);
  });

  it("reports a line whose words are missing from its claims", () => {
    const record = recordWith([{ line: 1, text: "The council voted" }]);
    expect(unaccountedLines(record, [{ n: 1, text: "The council voted twice" }])).toEqual([{ n: 1, text: "The council voted twice" }]);
  });

  it("accounts for a line split between two paragraphs (a glued sentence), word by word with repeats", () => {
    // "...the vote.Then the vote" was one input line; its pieces are two paragraphs.
    const record = recordWith([
      { line: 1, text: "Councillors delayed the vote." },
      { line: 1, text: "Then the vote passed." },
    ]);
    expect(unaccountedLines(record, [{ n: 1, text: "Councillors delayed the vote.Then the vote passed." }])).toEqual([]);
    // "vote" three times in the line, only twice in its claims: a word is lost.
    const line = { n: 1, text: "vote delayed the vote.Then the vote passed." };
    expect(unaccountedLines(record, [line])).toEqual([line]);
    // Found only inside a longer word ("voter") does not count.
    const partial = recordWith([
      { line: 1, text: "The voter left." },
      { line: 1, text: "Then it passed." },
    ]);
    const cut = { n: 1, text: "The vote left.Then it passed." };
    expect(unaccountedLines(partial, [cut])).toEqual([cut]);
  });
});
