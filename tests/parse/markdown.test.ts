/** Markdown reports keep Markdown's own structure (markdown-it), front matter stating the fields. */
import { describe, expect, it } from "vitest";
import { ingestBytes } from "../../src/ingest/read-report.ts";
import { parseDocument } from "../../src/parse/parse-document.ts";
import { unaccountedLines } from "../../src/record/accounting.ts";

const report = `---
headline: "Bridge closed"
source: "Valley Courier"
published: 2021-03-03
---

# Bridge closed

The council voted on Tuesday to close the old bridge
after engineers found deep cracks in its piers.

## What happens next

- Traffic will be diverted over the ring road for at least six months.
- A new bridge is planned.

> "We had no choice," the mayor said on Wednesday.
`;

describe("a Markdown report", () => {
  const doc = ingestBytes(Buffer.from(report), "seeds/bridge.md");
  const record = parseDocument(doc);

  it("takes headline, source and date from front matter, and the printed # title is the headline again", () => {
    expect(record.headline).toBe("Bridge closed");
    expect(record.headlineOrigin).toBe("stated");
    expect(record.source).toMatchObject({ name: "Valley Courier", origin: "stated" });
    expect(record.published).toMatchObject({ date: "2021-03-03", origin: "stated" });
    expect(record.fields).toContainEqual({ field: "headline", text: "# Bridge closed", line: 7 });
  });

  it("keeps its blocks: a wrapped paragraph, a heading, list items and a quote, markers stripped", () => {
    expect(record.body.map((b) => [b.type, b.text, b.line])).toEqual([
      ["paragraph", "The council voted on Tuesday to close the old bridge after engineers found deep cracks in its piers.", 9],
      ["heading", "What happens next", 12],
      ["list-item", "Traffic will be diverted over the ring road for at least six months.", 14],
      ["list-item", "A new bridge is planned.", 15],
      ["quote", '"We had no choice," the mayor said on Wednesday.', 17],
    ]);
  });

  it("loses no line", () => {
    expect(unaccountedLines(record, doc.lines)).toEqual([]);
    expect(record.removed.map((r) => r.line)).toEqual([1, 5]); // the front matter delimiters
  });
});
