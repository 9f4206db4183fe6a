/**
 * The line classifier on the three seed reports: the article comes out whole (every paragraph, the
 * BBC's short lines and embedded timeline, Al Jazeera's subheadings) and the page furniture does not.
 * Expectations are by hand, from reading seeds/.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Line } from "../../src/ingest/types.ts";
import { classifyLines } from "../../src/parse/classify-lines.ts";

const seeds = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../seeds");

function read(name: string): Line[] {
  return readFileSync(path.join(seeds, name), "utf8")
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((text, i) => ({ n: i + 1, text }));
}

function content(lines: Line[], ctx?: { headlineLine?: number }): { kept: string[]; dropped: Map<string, string> } {
  const v = classifyLines(lines, ctx);
  const kept: string[] = [];
  const dropped = new Map<string, string>();
  for (const l of lines) {
    if (!l.text.trim()) continue;
    const verdict = v.get(l.n);
    expect(verdict, `verdict for line ${l.n}`).toBeDefined();
    if (verdict!.content) kept.push(l.text.trim());
    else {
      expect(verdict!.reason, `reason for line ${l.n}`).toMatch(/\w/);
      dropped.set(l.text.trim(), verdict!.reason!);
    }
  }
  return { kept, dropped };
}

describe("AFP dump (000)", () => {
  const lines = read("000_b8421826220f6c4c.txt");
  const { kept, dropped } = content(lines);
  it("keeps all 29 paragraphs, first to last", () => {
    expect(kept).toHaveLength(29);
    expect(kept[0]).toMatch(/^The United States and Russia were Saturday to hold a third day/);
    expect(kept).toContain(`"We're obviously at a pivotal point."`);
    expect(kept.at(-1)).toMatch(/^But they admitted that this, while weakening Moscow's claim/);
  });
  it("drops the image credit", () => {
    expect(dropped.has("[Image via Agence France-Presse]")).toBe(true);
  });
});

describe("Al Jazeera page dump (001)", () => {
  const lines = read("001_074339284b23f45c.txt");
  // The parser has found the headline on line 3 by the time it asks the classifier.
  const { kept, dropped } = content(lines, { headlineLine: 3 });
  it("keeps every paragraph and both subheadings", () => {
    expect(kept[0]).toMatch(/^The United States and Russia are to hold a third day of complex talks on Saturday/);
    expect(kept).toContain("Reviving talks");
    expect(kept).toContain("UN seeks more information");
    expect(kept).toContain(`"Both nations said they wanted to renew efforts to negotiate a peaceful end to the war in Syria", he said.`);
    expect(kept.at(-1)).toMatch(/^Syria's opposition National Coalition also said it was "deeply sceptical"/);
    const paragraphs = kept.filter((t) => /[.!?"]$/.test(t));
    expect(paragraphs).toHaveLength(20); // lines 14-28, 32, 36-46 and 50-58 (even)
  });
  it("drops the section line, share bars, caption and the teaser list after the article", () => {
    expect(dropped.has("Middle East")).toBe(true);
    expect(dropped.get("Email Article")).toMatch(/share/);
    expect(dropped.get("Send Feedback")).toBeDefined();
    expect(dropped.get("Washington and Moscow are also working to get peace talks to end Syria's war [Reuters]")).toMatch(/caption/);
    expect(dropped.get("Featured on Al Jazeera")).toMatch(/teaser/);
    expect(dropped.get("Tokyo government claims its homeless population has hit a record low, but analysts - and the homeless - beg to differ.")).toMatch(/teaser/);
    expect(kept.some((t) => t.startsWith("At least 25 tax collectors"))).toBe(false);
  });
});

describe("BBC dump (002)", () => {
  const lines = read("002_2177ecebc88f78b3.txt");
  const { kept, dropped } = content(lines);
  it("keeps the whole text, hard-wrapped lines included", () => {
    expect(kept[0]).toBe("The");
    expect(kept).toContain("US and Russian foreign ministers are due to hold their second round of");
    expect(kept).toContain("Obama's moves towards military strikes.");
    expect(kept.at(-1)).toMatch(/^More than 100,000 people have died since the uprising/);
    expect(kept).toHaveLength(34);
  });
  it("keeps the short line glued to its paragraph and the embedded timeline with its title", () => {
    expect(kept).toContain("'Not a game' While UN chief Ban Ki-moon welcomed the application, the UN would not immediately confirm that it had been accepted.");
    expect(kept).toContain("Chemichal weapons plan timeline");
    expect(kept).toContain("12 Sep: US Secretary of State John Kerry meets Mr Lavrov in Geneva");
    expect(kept).toContain("13 Sep: Second round of Geneva talks to take place");
  });
  it("drops the source line after the article", () => {
    expect(dropped.has("SOURCE: BBC")).toBe(true);
  });
});
