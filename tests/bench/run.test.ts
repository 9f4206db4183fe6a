/**
 * `npm run bench` end to end at a tiny N, on a corpus made here from the project's own seeds (so it
 * runs without ../shared): every measure of the table is taken, nothing fails, and the edit and add
 * steps change reports, not the permalink ledger the builds write beside them.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { medianRun } from "../../bench/run.ts";
import { parseSeed, REPO_ROOT, seedFiles } from "../helpers/seeds.ts";

const dir = mkdtempSync(path.join(tmpdir(), "wa-bench-run-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A corpus in the BBC layout (topic folders of NNN.txt, the title on the first line) from the seeds. */
function seedCorpus(): string {
  const corpus = path.join(dir, "corpus");
  for (const [t, topic] of ["politics", "world"].entries()) {
    mkdirSync(path.join(corpus, topic), { recursive: true });
    seedFiles().forEach((f, i) => {
      const { record } = parseSeed(`seeds/${f}`);
      const text = [record.headline, "", ...record.body.map((b) => b.text).filter((_, j) => (j + t) % 2 === 0 || j < 2)].join("\n\n");
      writeFileSync(path.join(corpus, topic, `${String(i + 1).padStart(3, "0")}.txt`), text);
    });
  }
  return corpus;
}

describe("npm run bench", () => {
  it("measures a tiny archive: build, stages, add, edit, no-change, index size", () => {
    const json = path.join(dir, "out.json");
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "bench/run.ts", "--sizes", "8", "--runs", "1", "--no-browser", "--parse-sample", "8", "--corpus", seedCorpus(), "--json", json],
      { cwd: REPO_ROOT, encoding: "utf8", timeout: 240_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const [result] = JSON.parse(readFileSync(json, "utf8")).results;
    expect(result.failed).toBeUndefined();
    expect(result.n).toBe(8);
    expect(result.parse.reportsPerSecond).toBeGreaterThan(0);
    expect(result.parse.allReportsPerSecond).toEqual([result.parse.reportsPerSecond]); // --runs 1
    // Measured in a fresh process, pinned to one core where taskset exists (Debian: always).
    expect(result.parse.steadyReportsPerSecond).toBeGreaterThan(0);
    expect(result.parse.pinned).toBe(existsSync("/usr/bin/taskset"));
    expect(result.parse.unusable).toBe(0);
    expect(result.build.wallSeconds).toBeGreaterThan(0);
    expect(Object.keys(result.build.stages)).toEqual(expect.arrayContaining(["parse", "archive", "render", "index"]));
    for (const key of ["addSeconds", "addLatestSeconds", "editSeconds", "noChangeSeconds"]) expect(result.rebuild[key], key).toBeGreaterThan(0);
    expect(result.index.pagefindMB).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/\|\s+8 \|/); // the table's row
  }, 300_000);
});

describe("medianRun (the run a figure of several is reported from)", () => {
  it("takes the run with the median value, or the lower middle one of an even number", () => {
    const runs = [{ rate: 1900 }, { rate: 1500 }, { rate: 2100 }];
    expect(medianRun(runs, (r) => r.rate)).toBe(runs[0]);
    expect(medianRun([...runs, { rate: 2500 }], (r) => r.rate)).toBe(runs[0]);
    expect(medianRun([runs[1]!], (r) => r.rate)).toBe(runs[1]);
  });
});
