import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateDir } from "../../src/eval/evaluate-dir.ts";
import { extractBody } from "../../src/eval/record-body.ts";
import { aggregate, scorePage, shingles, words } from "../../src/eval/shingle-score.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const shared = path.resolve(root, "../shared/extraction");
const dev = path.join(shared, "dev");

describe("words", () => {
  it("splits like Python's \\w+: letters, digits and underscore; apostrophes and dots split", () => {
    expect(words("Don't stop—go_now 3.5")).toEqual(["Don", "t", "stop", "go_now", "3", "5"]);
  });
  it("keeps non-Latin letters and treats combining marks as separators, as Python does", () => {
    expect(words("Москва café")).toEqual(["Москва", "café"]);
    expect(words("e\u0301t\u00e9")).toEqual(["e", "t\u00e9"]);
  });
});

describe("shingles", () => {
  it("counts 4-word shingles as a multiset", () => {
    const s = shingles("a b c d a b c d");
    expect(s.size).toBe(4); // abcd, bcda, cdab, dabc
    expect([...s.values()].reduce((x, y) => x + y, 0)).toBe(5); // abcd occurs twice
  });
  it("gives a text shorter than four words one shingle, and an empty text none", () => {
    expect(shingles("a b c").size).toBe(1);
    expect(shingles("  ... ").size).toBe(0);
  });
});

describe("scorePage", () => {
  it("scores overlap of shingles", () => {
    // gold: [one two three four], [two three four five]; pred: [two three four five], [three four five six]
    const s = scorePage("one two three four five", "two three four five six");
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBe(0.5);
  });
  it("an empty prediction scores 0/0 and does not count towards precision", () => {
    const s = scorePage("one two three four", "");
    expect([s.precision, s.recall, s.hasPrediction, s.hasGold]).toEqual([0, 0, false, true]);
  });
  it("empty gold and empty prediction count towards neither average", () => {
    const s = scorePage("", "");
    expect([s.precision, s.recall, s.hasPrediction, s.hasGold]).toEqual([1, 1, false, false]);
  });
});

describe("aggregate", () => {
  it("averages precision over pages with a prediction and recall over pages with gold", () => {
    const a = scorePage("one two three four five", "one two three four five six seven eight"); // P 2/5, R 1
    const b = scorePage("one two three four", ""); // no prediction, R 0
    const t = aggregate([a, b]);
    expect(t.precision).toBeCloseTo(0.4, 10);
    expect(t.recall).toBeCloseTo(0.5, 10);
    expect(t.f1).toBeCloseTo((2 * 0.4 * 0.5) / 0.9, 10);
  });
});

function python3(): boolean {
  try {
    execFileSync("python3", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const canCompare = existsSync(path.join(shared, "score.py")) && python3();
if (!canCompare) console.warn(`skipping the score.py cross-check: needs python3 and ${shared}`);

describe.skipIf(!canCompare)("agreement with ../shared/extraction/score.py", () => {
  function scorePy(predDir: string): [number, number, number] {
    const out = execFileSync("python3", [path.join(shared, "score.py"), dev, predDir], { encoding: "utf8" });
    const m = /F1=([\d.]+) P=([\d.]+) R=([\d.]+)/.exec(out);
    if (!m) throw new Error(`unexpected score.py output: ${out}`);
    return [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  function compare(fill: (dir: string) => void, expectPy?: [number, number, number]) {
    const dir = mkdtempSync(path.join(tmpdir(), "wa-eval-"));
    try {
      fill(dir);
      const py = scorePy(dir);
      if (expectPy) expect(py).toEqual(expectPy);
      const ours = evaluateDir(dev, (_b, file) => {
        const p = path.join(dir, file);
        return existsSync(p) ? readFileSync(p, "utf8") : "";
      }).totals;
      expect([ours.f1, ours.precision, ours.recall].map((x) => x.toFixed(3))).toEqual(py.map((x) => x.toFixed(3)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("whole dump as the prediction (README: F1 0.695, P 0.534, R 0.993)", () => {
    compare((dir) => {
      for (const f of readdirSync(dev)) if (f.endsWith(".txt") && !f.endsWith(".gold.txt")) copyFileSync(path.join(dev, f), path.join(dir, f));
    }, [0.695, 0.534, 0.993]);
  });

  it("no predictions at all", () => {
    compare(() => {}, [0, 0, 0]);
  });

  it("the parser's own output", () => {
    compare((dir) => {
      const r = evaluateDir(dev, extractBody);
      for (const p of r.pages) writeFileSync(path.join(dir, `${p.id}.txt`), p.prediction);
    });
  }, 60_000);
});
