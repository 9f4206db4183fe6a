/**
 * A report's names do not depend on which reports the process tagged before it. Runs of capitalised
 * words are tagged once per process, side by side in one tagger call; the tagger's sentence splitter
 * follows an open quotation mark or bracket past the paragraph break between two runs, so a
 * neighbour's context word once decided whether "The Russian government" yielded a name at all, and
 * two cold builds of one archive differed. Each check starts from a fresh module (empty run memo).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { makeAliasTable } from "../../src/entities/alias-table.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { parseSeed, seedFiles } from "../helpers/seeds.ts";

const table = makeAliasTable();
type Mention = { text: string; kind: string; start: number };

/** Names in each text, found in that order by a fresh copy of the module, which has tagged nothing yet. */
async function mentionsFromEmptyMemo(texts: string[]): Promise<Mention[][]> {
  vi.resetModules();
  const { textMentions } = await import("../../src/entities/find-mentions.ts");
  return texts.map((t) => textMentions(t, table).map(({ text, kind, start }) => ({ text, kind, start })));
}

const bodyText = (r: ArticleRecord) => r.body.map((b) => b.text).join("\n\n");

describe("names found do not depend on the runs tagged before", () => {
  // The splitter merges a split holding one opening mark with the next one holding one closing mark
  // (’ counts as one), so each case's sentence closes what the neighbour opens.
  const sentence = "The Russian government’s offer was rejected.";
  it.each([
    ["“", sentence],
    ['"', sentence],
    ["«", sentence],
    ["„", sentence],
    ["「", sentence],
    ["(", "The Russian government) had no say."],
  ])("a neighbour's context word opening with %s leaves the next run's names alone", async (mark, sentence) => {
    // One text: "Kremlin" has the opening mark in its context word, "The Russian" follows in the same call.
    const together = `He met ${mark}the Kremlin officials. ${sentence}`;
    const [inTogether] = await mentionsFromEmptyMemo([together]);
    const [alone] = await mentionsFromEmptyMemo([sentence]);
    expect(alone.length).toBeGreaterThan(0);
    const offset = together.indexOf(sentence);
    expect(inTogether.filter((m) => m.start >= offset).map((m) => ({ ...m, start: m.start - offset }))).toEqual(alone);
  });

  it("the seeds give the same names in either order", async () => {
    const texts = seedFiles().map((f) => bodyText(parseSeed(`seeds/${f}`).record));
    const forwards = await mentionsFromEmptyMemo(texts);
    const backwards = (await mentionsFromEmptyMemo([...texts].reverse())).reverse();
    expect(backwards).toEqual(forwards);
    expect(forwards.every((m) => m.length > 10)).toBe(true);
  });

  // The timeline dev set's 73 reports: many runs, quotes and brackets, and neighbours that differ by order.
  const devReports = path.resolve(import.meta.dirname, "../../../shared/timeline/dev/reports");
  const devSetThere = existsSync(devReports);
  it.skipIf(!devSetThere)(`the timeline dev set's reports give the same names in either order${devSetThere ? "" : " (skipped: ../shared/timeline/dev is absent)"}`, async () => {
    const texts = readdirSync(devReports)
      .sort()
      .map((f) => readFileSync(path.join(devReports, f), "utf8").replace(/^---\n[\s\S]*?\n---\n/, ""));
    expect(texts.length).toBeGreaterThan(50);
    const forwards = await mentionsFromEmptyMemo(texts);
    const backwards = (await mentionsFromEmptyMemo([...texts].reverse())).reverse();
    expect(backwards).toEqual(forwards);
  });
});
