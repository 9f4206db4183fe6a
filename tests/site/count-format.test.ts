/**
 * Counts read as people read them, "1,253 reports", on every page that prints one: a 10,000-report
 * archive printed "10,015" on the home page and "1253 reports" beside each source.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatCount } from "../../src/util/format-count.ts";
import { REPO_ROOT } from "../helpers/seeds.ts";

describe("formatCount", () => {
  it.each([
    [7, "7"],
    [1253, "1,253"],
    [10015, "10,015"],
    [1234567, "1,234,567"],
    [Number.NaN, "NaN"],
  ])("%d -> %s", (n, text) => expect(formatCount(n)).toBe(text));
});

describe("the templates", () => {
  const layouts = path.join(REPO_ROOT, "layouts");
  const templates = readdirSync(layouts, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".njk"));

  it("print every number of reports through the count filter", () => {
    // A printed value followed by "report(s)" or by the template's own choice of the word.
    const printedCount = /\{\{\s*([^{}]+?)\s*\}\}\s*(?=reports?\b|\{\{\s*"report")/g;
    const raw: string[] = [];
    let seen = 0;
    for (const file of templates) {
      for (const m of readFileSync(path.join(layouts, file), "utf8").matchAll(printedCount)) {
        seen++;
        if (!/\|\s*count\s*$/.test(m[1]!)) raw.push(`${file}: {{ ${m[1]} }}`);
      }
    }
    expect(seen).toBeGreaterThanOrEqual(10); // the ten places that print one today
    expect(raw).toEqual([]);
  });
});
