/**
 * Date inference with the last build's outcomes (src/archive/infer-published.ts InferenceMemo): a build
 * that adds, corrects or removes dated reports brings each undated report's rare words up to date from
 * those alone and takes its last outcome when they pick the same reports; whatever path it takes, every report
 * comes out dated as a fresh inference dates it, and keeps what a fresh inference keeps.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inferMissingDates, type StoredInferences } from "../../src/archive/infer-published.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { record } from "../timeline/records.ts";

/** A hand-built report whose headline (read with the body) is its id: no shared headline words. */
const rec = (...args: Parameters<typeof record>): ArticleRecord => ({ ...record(...args), headline: args[0] });

/** Runs inference on copies of `records` with `previous`; returns what it dated and what it kept. */
function infer(records: ArticleRecord[], previous?: StoredInferences): { dated: Array<[string, unknown]>; kept: StoredInferences } {
  const copies = structuredClone(records);
  let kept: StoredInferences | undefined;
  inferMissingDates(copies, { previous, keep: (next) => void (kept = next) });
  return { dated: copies.map((r) => [r.id, r.published ?? r.diagnostics.map((d) => d.rule)]), kept: kept! };
}

const talks = [
  rec("d1", "Wire", "2013-09-14", ["Negotiators gathered in Geneva on Thursday for chemical weapons talks, officials confirmed."]),
  rec("u1", "Paper", null, ["The Geneva chemical weapons talks resumed on Thursday, negotiators said."]),
  rec("o1", "Wire", "2011-03-02", ["Farmers harvested wheat across the plains during a record summer."]),
];

describe("inferMissingDates with the last build's outcomes", () => {
  it("takes them when the added dated report holds none of an undated report's rarest words (a changed stored outcome shows it was taken)", () => {
    const first = infer(talks);
    // Thursday, read in the week of the Saturday report that speaks of Thursday too: that Saturday (nearest).
    expect(first.dated.find(([id]) => id === "u1")![1]).toMatchObject({ date: "2013-09-14", origin: "inferred" });
    const key = Object.keys(first.kept.undated)[0];
    const marked: StoredInferences = { ...first.kept, undated: { [key]: { ...first.kept.undated[key], found: { date: "1999-01-01", evidence: "stored" } } } };
    const added = [...talks, rec("a1", "Wire", "2012-05-05", ["Orchestra musicians rehearsed symphonies nightly."])];
    expect(infer(added, marked).dated.find(([id]) => id === "u1")![1]).toMatchObject({ date: "1999-01-01", evidence: "stored" });
  });

  it("takes them when a dated report that holds none of an undated report's rarest words changed or went", () => {
    const first = infer(talks);
    const key = Object.keys(first.kept.undated)[0];
    const marked: StoredInferences = { ...first.kept, undated: { [key]: { ...first.kept.undated[key], found: { date: "1999-01-01", evidence: "stored" } } } };
    // o1, the harvest report, shares no word with u1: a correction of it (new checksum) or its removal.
    const edited = talks.map((r) => (r.id === "o1" ? { ...r, checksum: "1".repeat(64) } : r));
    const removed = talks.filter((r) => r.id !== "o1");
    for (const records of [edited, removed]) expect(infer(records, marked).dated.find(([id]) => id === "u1")![1]).toMatchObject({ date: "1999-01-01", evidence: "stored" });
  });

  it("works them out again when an added dated report holds a rare word, the related dated report changed or went, or an undated one is new", () => {
    const first = infer(talks);
    const key = Object.keys(first.kept.undated)[0];
    const marked: StoredInferences = { ...first.kept, undated: { [key]: { ...first.kept.undated[key], found: { date: "1999-01-01", evidence: "stored" } } } };
    const related = [...talks, rec("a2", "Agency", "2013-09-13", ["Geneva negotiators met over chemical weapons."])];
    // d1, the report u1 was dated from: corrected (same words, new checksum), or removed.
    const edited = talks.map((r) => (r.id === "d1" ? { ...r, checksum: "1".repeat(64) } : r));
    const removed = talks.filter((r) => r.id !== "d1");
    const newUndated = [...talks, rec("u2", "Paper", null, ["Chemical weapons talks in Geneva went on."])];
    // A memo pointing past its own list of dated reports (written by hand, or torn) is no memo.
    const broken: StoredInferences = { ...first.kept, undated: { [key]: { ...marked.undated[key], words: { ...first.kept.undated[key].words, rare: [["geneva", [7]]] } } } };
    expect(infer(talks, broken).dated).toEqual(infer(talks).dated);
    for (const records of [related, edited, removed, newUndated]) {
      expect(infer(records, marked).dated).toEqual(infer(records).dated);
      expect(JSON.stringify(infer(records, marked).dated)).not.toContain("1999-01-01");
    }
  });

  it("dates every report as a fresh inference does, build after build of added, changed and removed reports (and takes the stored outcomes often)", () => {
    // Topics with words of their own: an added report of one topic leaves the others' undated reports as they were.
    // Twenty words a topic, up to fifteen a report: more than the twelve rarest an undated report is looked up by.
    const topics = ["talks", "harvest", "league"].map((base) => Array.from({ length: 20 }, (_, j) => `${base}${String.fromCharCode(97 + j)}`));
    const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    const text = fc
      .tuple(fc.constantFrom(0, 1, 2), fc.array(fc.integer({ min: 0, max: 19 }), { minLength: 2, maxLength: 15 }), fc.option(fc.constantFrom(...days)))
      .map(([topic, picks, day]) => `${day ? `On ${day}, ` : ""}${picks.map((k) => topics[topic][k]).join(" ")}.`);
    const report = fc.record({ text, day: fc.option(fc.integer({ min: 1, max: 20 }), { freq: 3 }) });
    // A report's checksum follows its text, as a file's does: a changed report is another to the memo.
    const asRecord = (r: { text: string; day: number | null }, i: number) => ({
      ...rec(`r${i}`, i % 2 ? "Wire" : "Paper", r.day === null ? null : `2013-09-${String(r.day).padStart(2, "0")}`, [r.text]),
      checksum: createHash("sha256").update(`${r.day} ${r.text}`).digest("hex"),
    });
    const sentinel = (kept: StoredInferences): StoredInferences => ({
      ...kept,
      undated: Object.fromEntries(Object.entries(kept.undated).map(([k, o]) => [k, { ...o, found: { date: "1999-01-01", evidence: "stored" } }])),
    });
    const step = fc.record({
      added: fc.array(report, { maxLength: 2 }),
      changed: fc.array(fc.record({ at: fc.nat(), report }), { maxLength: 1 }),
      removed: fc.array(fc.nat(), { maxLength: 1 }),
    });
    let rebuilds = 0;
    let taken = 0;
    fc.assert(
      fc.property(fc.array(report, { minLength: 2, maxLength: 8 }), fc.array(step, { maxLength: 3 }), (base, steps) => {
        let records = base.map(asRecord);
        let kept = infer(records).kept;
        let made = records.length;
        for (const { added, changed, removed } of steps) {
          // A changed report keeps its file and id; a removed one goes; the added ones come last.
          const changes = new Map(changed.map(({ at, report: r }) => [at % records.length, r]));
          const gone = new Set(removed.map((at) => at % records.length));
          records = records.flatMap((r, i) => (gone.has(i) ? [] : changes.has(i) ? [{ ...asRecord(changes.get(i)!, 0), id: r.id, sourceFile: r.sourceFile, headline: r.headline }] : [r]));
          records = [...records, ...added.map((r) => asRecord(r, made++))];
          if (!records.length) return;
          const withMemo = infer(records, kept);
          const fresh = infer(records);
          expect(withMemo.dated).toEqual(fresh.dated);
          // What it keeps for the next build is what a fresh inference keeps: the memo does not drift.
          expect(withMemo.kept).toEqual(fresh.kept);
          rebuilds++;
          if (Object.keys(kept.undated).length && JSON.stringify(infer(records, sentinel(kept)).dated).includes("1999-01-01")) taken++;
          kept = withMemo.kept;
        }
      }),
      { numRuns: 300 },
    );
    expect(taken, `stored outcomes taken in ${taken} of ${rebuilds} rebuilds`).toBeGreaterThan(rebuilds / 10);
  });
});
