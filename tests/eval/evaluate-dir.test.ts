import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { evaluateDir, median, slowestPages, type DirResult, type PageResult } from "../../src/eval/evaluate-dir.ts";

describe("median", () => {
  it("is the middle sample, or the mean of the two middle ones", () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([5, 100, 6])).toBe(6); // one slow outlier does not move it
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBe(0);
  });
});

describe("evaluateDir with several timed passes", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "wa-eval-dir-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, "a.txt"), "one two three four five");
  writeFileSync(path.join(dir, "a.gold.txt"), "one two three four five");
  writeFileSync(path.join(dir, "b.gold.txt"), "six seven eight nine ten"); // no b.txt

  const calls: string[] = [];
  const result = evaluateDir(
    dir,
    (bytes, file) => {
      calls.push(file);
      // Only the first call (the warm-up) differs: the scored prediction is the first timed pass's.
      return calls.length === 1 ? "warm-up text" : new TextDecoder().decode(bytes);
    },
    "txt",
    { warmUp: "all", passes: 3 },
  );
  const a = result.pages.find((p) => p.id === "a")!;
  const b = result.pages.find((p) => p.id === "b")!;

  it("runs one warm-up and three timed passes over the pages that have input", () => {
    expect(result.passes).toBe(3);
    expect(calls).toEqual(["a.txt", "a.txt", "a.txt", "a.txt"]);
  });

  it("keeps every pass's sample and reports their median per page", () => {
    for (const p of result.pages) {
      expect(p.cpuMsSamples).toHaveLength(3);
      expect(p.msSamples).toHaveLength(3);
      expect(p.cpuMs).toBe(median(p.cpuMsSamples));
      expect(p.ms).toBe(median(p.msSamples));
    }
    expect(result.maxCpuMs).toBe(Math.max(a.cpuMs, b.cpuMs));
  });

  it("scores the first timed pass's prediction and reports a missing input", () => {
    expect(a.prediction).toBe("one two three four five");
    expect(a.f1).toBe(1);
    expect(b.error).toBe("missing input b.txt");
    expect(b.f1).toBe(0);
  });

  it("defaults to one timed pass", () => {
    const one = evaluateDir(dir, (bytes) => new TextDecoder().decode(bytes));
    expect(one.passes).toBe(1);
    expect(one.pages.every((p) => p.cpuMsSamples.length === 1)).toBe(true);
  });
});

describe("slowestPages", () => {
  it("lists the pages with the highest median CPU time first", () => {
    const page = (id: string, cpuMs: number) => ({ id, cpuMs }) as PageResult;
    const r = { pages: [page("a", 12), page("b", 48), page("c", 3), page("d", 31)] } as DirResult;
    expect(slowestPages(r, 2).map((p) => p.id)).toEqual(["b", "d"]);
    expect(slowestPages(r).map((p) => p.id)).toEqual(["b", "d", "a", "c"]);
  });
});
