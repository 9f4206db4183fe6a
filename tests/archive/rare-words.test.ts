/**
 * An undated report's rarest words among the dated reports (src/archive/rare-words.ts): brought up to
 * date from added and removed reports, they name the same words and reports an index of every report
 * names, or say they cannot tell.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rarest, rareWordsOf, withChangedReports } from "../../src/archive/rare-words.ts";

/** A report's words, each once. */
const vector = (...terms: string[]): Set<string> => new Set(terms);

/** word -> ascending indexes of the reports (word lists) holding it. */
function indexOf(reports: string[][]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  reports.forEach((words, i) => {
    for (const w of new Set(words)) postings.set(w, [...(postings.get(w) ?? []), i]);
  });
  return postings;
}

describe("rare words", () => {
  it("ranks by how many dated reports hold a word, then by the word; keeps some and notes the next rank", () => {
    const postings = indexOf([["geneva", "talks"], ["talks", "treaty"], ["talks", "treaty", "geneva"], ["summit"]]);
    const words = rareWordsOf(vector("talks", "treaty", "geneva", "summit", "kremlin"), postings, 3);
    expect(words.rare).toEqual([
      ["summit", [3]],
      ["geneva", [0, 2]],
      ["treaty", [1, 2]],
    ]);
    expect(words.bound).toEqual([3, "talks"]);
    expect(words.unseen).toEqual(["kremlin"]);
  });

  it("counts added reports in, moves earlier ones to their new places, and a word first seen becomes rarest", () => {
    const words = rareWordsOf(vector("geneva", "treaty", "kremlin"), indexOf([["geneva"], ["treaty", "geneva"]]));
    // One report added in front: the earlier ones move up one place.
    const updated = withChangedReports(words, (i) => i + 1, [{ index: 0, terms: vector("kremlin", "treaty") }])!;
    expect(updated.rare).toEqual([
      ["kremlin", [0]],
      ["geneva", [1, 2]],
      ["treaty", [0, 2]],
    ]);
    expect(updated.unseen).toEqual([]);
  });

  it("cannot tell the rarest when too few kept words rank before the words it did not keep", () => {
    const words = rareWordsOf(vector("a1", "b2", "c3"), indexOf([["a1", "b2", "c3"], ["b2", "c3"], ["c3"]]), 2);
    expect(rarest(words, 2)!.map(([t]) => t)).toEqual(["a1", "b2"]);
    // Two reports holding a1 and b2: c3 (not kept) may now rank before them.
    const updated = withChangedReports(words, (i) => i, [
      { index: 3, terms: vector("a1", "b2") },
      { index: 4, terms: vector("a1", "b2") },
    ])!;
    expect(rarest(updated, 2)).toBeUndefined();
  });

  it("drops removed reports, lowers the bound by how many went, and gives up on a word no report holds any more", () => {
    const reports = [["a1", "c3"], ["b2", "c3"], ["c3", "d4"], ["d4"], ["d4"]];
    const words = rareWordsOf(vector("a1", "b2", "c3", "d4"), indexOf(reports), 2);
    expect(words.rare).toEqual([
      ["a1", [0]],
      ["b2", [1]],
    ]);
    expect(words.bound).toEqual([3, "c3"]);
    // Report 3 gone (one holding d4 alone): the others after it move down one place.
    const gone = withChangedReports(words, (i) => (i === 3 ? undefined : i < 3 ? i : i - 1), [], 1)!;
    expect(gone.rare).toEqual(words.rare);
    // c3 and d4, left out, may now be held by 2 reports: the rarest two are still known.
    expect(gone.bound).toEqual([2, ""]);
    expect(rarest(gone, 2)).toEqual(words.rare);
    // Report 1 gone: b2 is held by none, so it is no rare word at all, and where it goes is not known here.
    expect(withChangedReports(words, (i) => (i === 1 ? undefined : i < 1 ? i : i - 1), [], 1)).toBeUndefined();
  });

  it("updated from added and removed reports, names the rarest words and their reports as an index of all reports does (or cannot tell)", () => {
    const word = fc.constantFrom("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet");
    const report = fc.uniqueArray(word, { maxLength: 6 });
    let told = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(report, { maxLength: 8 }),
        fc.array(fc.boolean(), { maxLength: 8 }),
        fc.array(report, { maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        report,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (before, gone, added, places, own, kept, count) => {
        // Some earlier reports go (removed, or changed: a changed one comes back among the added); the
        // added reports go in at arbitrary places among the rest (as new files sort in).
        const order = before.map((words, i) => ({ words, was: i as number | undefined })).filter((_, i) => !gone[i]);
        const removed = before.length - order.length;
        added.forEach((words, k) => order.splice((places[k] ?? 0) % (order.length + 1), 0, { words, was: undefined }));
        const moved = new Map(order.flatMap((r, now) => (r.was === undefined ? [] : [[r.was, now] as const])));
        const addedNow = order.flatMap((r, index) => (r.was === undefined ? [{ index, terms: vector(...r.words) }] : []));
        const updated = withChangedReports(rareWordsOf(vector(...own), indexOf(before), kept), (i) => moved.get(i), addedNow, removed);
        const fresh = rarest(rareWordsOf(vector(...own), indexOf(order.map((r) => r.words)), 100), count);
        const got = updated && rarest(updated, count);
        runs++;
        if (got === undefined) return;
        told++;
        expect(got).toEqual(fresh);
        },
      ),
      { numRuns: 2000 },
    );
    expect(told, `told the rarest in ${told} of ${runs} cases`).toBeGreaterThan(runs / 2);
  });
});
