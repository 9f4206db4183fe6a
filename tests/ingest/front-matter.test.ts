import { describe, expect, it } from "vitest";
import { readFrontMatter } from "../../src/ingest/front-matter.ts";
import { ingestBytes } from "../../src/ingest/read-report.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("front matter", () => {
  it("reads stated fields, claims every front matter line and keeps real body line numbers", () => {
    const src = [
      "---", // 1
      'headline: "Explosions rock U.S. embassies in Tanzania, Kenya"', // 2
      "source: Associated Press", // 3
      "published: 1998-08-07", // 4
      "section: World", // 5
      "url: https://example.org/a", // 6
      "author: Jane Doe", // 7
      "summary: >-", // 8
      "  Two bombs exploded", // 9
      "  outside U.S. embassies.", // 10
      "---", // 11
      "", // 12
      "NAIROBI, Kenya (AP) _", // 13
      "", // 14
      "Suspected bombs exploded.", // 15
      "",
    ].join("\n");
    const doc = ingestBytes(utf8(src), "seeds/report.md");
    expect(doc.diagnostics).toEqual([]);
    expect(doc.format).toBe("markdown");
    expect(doc.stated).toEqual({
      headline: "Explosions rock U.S. embassies in Tanzania, Kenya",
      source: "Associated Press",
      published: { date: "1998-08-07", evidence: "published: 1998-08-07", line: 4 },
      section: "World",
      url: "https://example.org/a",
      byline: "Jane Doe",
      standfirst: "Two bombs exploded outside U.S. embassies.",
      lines: { headline: 2, source: 3, published: 4, section: 5, url: 6, byline: 7, standfirst: 8 },
    });
    expect(doc.claimed.map((c) => [c.line, c.field ?? c.reason])).toEqual([
      [1, "front matter delimiter"],
      [2, "headline"],
      [3, "source"],
      [4, "published"],
      [5, "section"],
      [6, "url"],
      [7, "byline"],
      [8, "standfirst"],
      [9, "standfirst"],
      [10, "standfirst"],
      [11, "front matter delimiter"],
    ]);
    expect(doc.lines).toEqual([
      { n: 12, text: "" },
      { n: 13, text: "NAIROBI, Kenya (AP) _" },
      { n: 14, text: "" },
      { n: 15, text: "Suspected bombs exploded." },
    ]);
  });

  it("accepts title/date aliases and a date with a time, keeping the time as written", () => {
    const fm = readFrontMatter("---\ntitle: Talks\ndate: 2013-09-14 07:13\n---\nBody\n", "a.md");
    expect(fm.diagnostics).toEqual([]);
    expect(fm.stated.headline).toBe("Talks");
    expect(fm.stated.published).toEqual({ date: "2013-09-14", time: "07:13", evidence: "date: 2013-09-14 07:13", line: 3 });
    expect(fm.bodyStart).toBe(5);
  });

  it("keeps the local time of a YAML timestamp with an offset rather than converting to UTC", () => {
    const fm = readFrontMatter("---\npublished: 2013-09-14T07:13:00+03:00\n---\nBody\n", "a.md");
    expect(fm.stated.published?.date).toBe("2013-09-14");
    expect(fm.stated.published?.time).toBe("07:13");
  });

  it("reports malformed YAML as bad-front-matter on the right line and falls back to plain text", () => {
    const src = [
      "---", // 1
      "headline: Talks in Geneva", // 2
      "source: AFP", // 3
      "section: World: Middle East", // 4  <- a second `: ` in a plain scalar is a YAML error
      "---", // 5
      "Body text.", // 6
    ].join("\n");
    const doc = ingestBytes(utf8(src), "seeds/bad.md");
    const bad = doc.diagnostics.filter((d) => d.rule === "bad-front-matter");
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ severity: "error", line: 4, file: "seeds/bad.md" });
    expect(bad[0].hint).toBeTruthy();
    expect(doc.fatal).toBe(false);
    expect(doc.stated).toEqual({});
    expect(doc.claimed).toEqual([]);
    // Nothing lost: every line of the file is a line of the document.
    expect(doc.lines.map((l) => l.text)).toEqual(src.split("\n"));
    expect(doc.lines[0].n).toBe(1);
  });

  it("reports an unclosed flow sequence at the line js-yaml marks", () => {
    const src = "---\nheadline: x\ntags: [a, b\nsource: y\n---\nBody\n";
    const fm = readFrontMatter(src, "a.md");
    expect(fm.found).toBe(false);
    expect(fm.diagnostics[0].rule).toBe("bad-front-matter");
    // js-yaml complains where the flow sequence is found broken: `source: y` on line 4.
    expect(fm.diagnostics[0].line).toBe(4);
  });

  it("reports a published value that is not a real date on the line of that key", () => {
    const src = [
      "---", // 1
      "headline: Talks", // 2
      "source: AFP", // 3
      "", // 4
      "published: 2013-02-30", // 5
      "---", // 6
      "Body", // 7
    ].join("\n");
    const doc = ingestBytes(utf8(src), "seeds/date.md");
    const bad = doc.diagnostics.filter((d) => d.rule === "bad-front-matter");
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ severity: "error", line: 5 });
    expect(bad[0].message).toContain("2013-02-30");
    expect(doc.stated.published).toBeUndefined();
    expect(doc.stated.headline).toBe("Talks");
    expect(doc.lines).toEqual([{ n: 7, text: "Body" }]);
    expect(doc.claimed.find((c) => c.line === 5)?.reason).toContain("published");
  });

  it("reports a text date that is not a date (quoted string)", () => {
    const fm = readFrontMatter('---\ndate: "next Tuesday"\n---\nBody\n', "a.md");
    expect(fm.diagnostics).toMatchObject([{ rule: "bad-front-matter", line: 2 }]);
  });

  it("claims unknown keys with info unknown-front-matter-key", () => {
    const fm = readFrontMatter("---\nheadline: A\ntags:\n  - syria\n  - geneva\n---\nBody\n", "a.md");
    expect(fm.diagnostics).toMatchObject([{ rule: "unknown-front-matter-key", severity: "info", line: 3 }]);
    expect(fm.claimed.map((c) => [c.line, c.field ?? c.reason])).toEqual([
      [1, "front matter delimiter"],
      [2, "headline"],
      [3, "unknown front matter key `tags`"],
      [4, "unknown front matter key `tags`"],
      [5, "unknown front matter key `tags`"],
      [6, "front matter delimiter"],
    ]);
  });

  it("parses front matter at the top of a .txt report too", () => {
    const doc = ingestBytes(utf8("---\nheadline: A\n---\nBody\n"), "seeds/a.txt");
    expect(doc.format).toBe("text");
    expect(doc.stated.headline).toBe("A");
    expect(doc.lines).toEqual([{ n: 4, text: "Body" }]);
  });

  it("treats a file without a leading --- as plain text", () => {
    const fm = readFrontMatter("Body\n---\nmore\n", "a.md");
    expect(fm).toMatchObject({ found: false, bodyStart: 1, diagnostics: [] });
  });

  it("reports a front matter block with no closing delimiter and keeps all lines", () => {
    const doc = ingestBytes(utf8("---\nheadline: A\nBody text\n"), "a.md");
    expect(doc.diagnostics).toMatchObject([{ rule: "bad-front-matter", line: 1 }]);
    expect(doc.lines.map((l) => l.n)).toEqual([1, 2, 3]);
  });
});
