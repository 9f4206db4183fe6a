import { describe, expect, it } from "vitest";
import type { Block } from "../../src/record/schema.ts";
import { groupBlocks, summaryOf } from "../../src/site/blocks.ts";
import { formatIsoDate, formatPublished, publishedDatetime } from "../../src/site/dates.ts";
import { absoluteUrl, rawReportPath, safeHref } from "../../src/site/links.ts";
import { agencyWire, talksThirdDay, undatedHostile } from "./fixtures.ts";

describe("dates", () => {
  it.each([
    [{ date: "2013-09-14", time: "07:13", origin: "stated", evidence: "x" }, "14 September 2013, 07:13", "2013-09-14T07:13"],
    [{ date: "2013-09-05", origin: "inferred", evidence: "x" }, "5 September 2013", "2013-09-05"],
    [null, "Date unknown", ""],
  ] as const)("%j -> %s", (published, human, machine) => {
    expect(formatPublished(published)).toBe(human);
    expect(publishedDatetime(published)).toBe(machine);
  });

  it("keeps an unreadable date as printed rather than hiding it", () => {
    expect(formatPublished({ date: "2013-02-30", origin: "stated", evidence: "x" })).toBe("2013-02-30");
    expect(formatIsoDate("2013-09-12")).toBe("12 September 2013");
  });
});

describe("groupBlocks", () => {
  const p = (text: string): Block => ({ type: "paragraph", text, line: 1 });
  const li = (text: string): Block => ({ type: "list-item", text, line: 1 });

  it("groups consecutive list items and keeps body indexes", () => {
    const groups = groupBlocks([p("a"), li("b"), li("c"), p("d"), li("e")]);
    expect(groups.map((g) => (g.kind === "list" ? g.items.map((i) => i.index) : g.index))).toEqual([0, [1, 2], 3, [4]]);
  });

  it("returns nothing for an empty or missing body", () => {
    expect(groupBlocks([])).toEqual([]);
    expect(groupBlocks(undefined)).toEqual([]);
  });
});

describe("summaryOf", () => {
  it("prefers the standfirst", () => {
    expect(summaryOf(talksThirdDay)).toBe("John Kerry and his Russian counterpart seek to hammer out a deal.");
  });
  it("falls back to the lead paragraph, cut at a word limit with an ellipsis", () => {
    expect(summaryOf(agencyWire, 5)).toBe("The United States and Russia…");
    expect(summaryOf({ body: [] })).toBe("");
  });
});

describe("links", () => {
  it.each([
    ["seeds/000_b84.txt", "/raw/x.txt"],
    ["seeds/page.html", "/raw/x.html.txt"], // served as text: a saved page's scripts must never run on our origin
    ["seeds/page.HTM", "/raw/x.htm.txt"],
    ["seeds/story.md", "/raw/x.md"],
    ["seeds/noext", "/raw/x"],
  ])("raw path of %s is %s", (sourceFile, expected) => {
    expect(rawReportPath({ id: "x", sourceFile })).toBe(expected);
  });

  it("makes absolute URLs only when a base is known", () => {
    expect(absoluteUrl("/articles/a/", "https://ex.org/")).toBe("https://ex.org/articles/a/");
    expect(absoluteUrl("/articles/a/", "https://ex.org")).toBe("https://ex.org/articles/a/");
    expect(absoluteUrl("/articles/a/", "https://ex.org/wire")).toBe("https://ex.org/wire/articles/a/");
    expect(absoluteUrl("articles/a/", "https://ex.org/archive/")).toBe("https://ex.org/archive/articles/a/");
    expect(absoluteUrl("/articles/a/", null)).toBe("/articles/a/");
  });

  it.each([
    ["https://example.org/x", "https://example.org/x"],
    [" http://example.org ", "http://example.org"],
    ["javascript:alert(1)", null],
    ["JaVaScRiPt:alert(1)", null],
    ["data:text/html,<b>", null],
    ["", null],
  ])("safeHref(%j) = %j", (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });
});

