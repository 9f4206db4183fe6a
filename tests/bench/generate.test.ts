/**
 * The bench's archive generator: deterministic, varied, faithful to its corpus, and what it writes
 * builds into a site where every report is usable and every line accounted for.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CORPUS, generateArchive, generateReport, hardWrap, loadCorpus, OUTLETS, type GenerateResult } from "../../bench/generate-archive.ts";
import { runCli } from "../../bench/run-cli.ts";
import { makeBenchRoot, type BenchRoot } from "../../bench/temp-root.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { PERMALINKS_FILE } from "../../src/archive/permalinks-file.ts";

const REPO = path.resolve(import.meta.dirname, "../..");
const hasCorpus = existsSync(DEFAULT_CORPUS);
if (!hasCorpus) console.warn(`\n!! ${DEFAULT_CORPUS} not found (../shared is absent): the generator tests on the BBC corpus are SKIPPED.\n`);

const temps: string[] = [];
const tempDir = (tag: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `wa-gen-${tag}-`));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

// The reports only: a build also writes its permalink ledger into the folder.
const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(dir).filter((f) => f !== PERMALINKS_FILE).sort().map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));

describe("hardWrap", () => {
  it("breaks at spaces so no line passes the width, and loses no word", () => {
    const text = "The United States and Russia were Saturday to hold a third day of complex talks, seeking to hammer out a deal.";
    const lines = hardWrap(text, 40);
    expect(lines).toEqual(["The United States and Russia were", "Saturday to hold a third day of complex", "talks, seeking to hammer out a deal."]);
    expect(hardWrap(text, 0)).toEqual([text]);
  });
});

describe("generateArchive on a small hand-made corpus (past the corpus size: recombination)", () => {
  let corpus: string;
  beforeAll(() => {
    corpus = tempDir("corpus");
    const articles: Record<string, string[]> = {
      "alpha/001.txt": ["Harbour cranes return to work", "Dockers in Portavel ended a strike on Monday.", "The port authority said ships would sail by Friday.", "Union leaders called the deal fair."],
      "alpha/002.txt": ["Grain prices climb again", "Wheat rose for a fifth week in Marlow markets.", "Bakers warned that bread would cost more.", "Farmers blamed the dry spring."],
      "beta/001.txt": ["Festival opens under rain", "The Lantern festival opened in heavy rain on Saturday.", "Organisers said ten thousand people came anyway.", "The closing concert is on Sunday."],
    };
    for (const [name, [title, ...paragraphs]] of Object.entries(articles)) {
      mkdirSync(path.join(corpus, path.dirname(name)), { recursive: true });
      writeFileSync(path.join(corpus, name), `${title}\n\n${paragraphs.join("\n\n")}\n`);
    }
  });

  it("dates a report asked for as the latest after every report it makes, and always prints the date", async () => {
    const articles = await loadCorpus(corpus);
    const dates = Array.from({ length: 400 }, (_, i) => generateReport(articles, 3, i).date).filter((d): d is string => !!d);
    const latest = Array.from({ length: 50 }, (_, i) => generateReport(articles, 3, 400 + i, { latest: true }));
    const newest = dates.reduce((a, b) => (a > b ? a : b));
    for (const r of latest) {
      expect(r.date, r.fileName).toBeDefined();
      expect(r.date! > newest, `${r.date} after ${newest}`).toBe(true);
      // A real calendar date (no 29 February outside leap years).
      expect(new Date(`${r.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(r.date);
    }
  });

  it("writes N reports, the first three the real articles and the rest recombined from real paragraphs", async () => {
    const out = tempDir("small");
    const result = await generateArchive({ n: 8, corpusDir: corpus, outDir: out, seed: 3 });
    const files = snapshot(out);
    expect(Object.keys(files)).toHaveLength(8);
    const texts = Object.values(files);
    // Each real article (its opening paragraph; wire copy prints no headline) is one of the first three.
    const firstThree = texts.slice(0, 3).join("\n").replace(/\s+/g, " ");
    for (const opening of ["Dockers in Portavel ended a strike on Monday.", "Wheat rose for a fifth week in Marlow markets.", "The Lantern festival opened in heavy rain on Saturday."]) {
      expect(firstThree).toContain(opening);
    }
    // Recombinations mix paragraphs of one topic only: the festival (beta) never meets the harbour (alpha).
    for (const r of result.reports.slice(3)) {
      const text = files[r.fileName].replace(/\s+/g, " ");
      const alpha = /Dockers|port authority|Union leaders|Wheat rose|Bakers warned|dry spring/.test(text);
      const beta = /Lantern festival|ten thousand people|closing concert/.test(text);
      expect(alpha !== beta).toBe(true);
    }
  });

  it("is deterministic: same arguments, same bytes; report i does not depend on N; another seed differs", async () => {
    const a = tempDir("a");
    const b = tempDir("b");
    const c = tempDir("c");
    const d = tempDir("d");
    await generateArchive({ n: 8, corpusDir: corpus, outDir: a, seed: 3 });
    await generateArchive({ n: 8, corpusDir: corpus, outDir: b, seed: 3 });
    await generateArchive({ n: 5, corpusDir: corpus, outDir: c, seed: 3 });
    await generateArchive({ n: 8, corpusDir: corpus, outDir: d, seed: 4 });
    expect(snapshot(b)).toEqual(snapshot(a));
    expect(snapshot(c)).toEqual(Object.fromEntries(Object.entries(snapshot(a)).slice(0, 5)));
    expect(snapshot(d)).not.toEqual(snapshot(a));
  });
});

describe.skipIf(!hasCorpus)("generateArchive on the BBC corpus (../shared)", () => {
  const N = 20;
  let gen: GenerateResult;
  let bench: BenchRoot;
  let build: Awaited<ReturnType<typeof runCli>>;
  let records: ArticleRecord[];

  beforeAll(async () => {
    bench = await makeBenchRoot({ repoDir: REPO, n: N, seed: 1, parent: tempDir("root") });
    gen = bench.generated;
    build = await runCli(bench.root, ["build"]);
    if (build.exitCode === 0) records = JSON.parse(readFileSync(path.join(bench.root, "_site/data/articles.json"), "utf8")).articles;
  }, 180_000);

  it("gives the same bytes for the same seed", async () => {
    const again = tempDir("again");
    await generateArchive({ n: N, outDir: again, seed: 1 });
    expect(snapshot(again)).toEqual(snapshot(bench.seedsDir));
  });

  it("varies outlets, styles, years and page-dump noise", () => {
    const texts = Object.values(snapshot(bench.seedsDir)).join("\n");
    expect(new Set(gen.reports.map((r) => r.outlet)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(gen.reports.map((r) => r.style)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(gen.reports.filter((r) => r.date).map((r) => r.date!.slice(0, 4))).size).toBeGreaterThanOrEqual(3);
    expect(new Set(gen.reports.map((r) => r.topic)).size).toBeGreaterThanOrEqual(3);
    // Every outlet is imaginary: none is one the parser has a profile for.
    for (const o of OUTLETS) expect(["BBC", "AFP", "Al Jazeera", "Reuters", "Associated Press"]).not.toContain(o.name);
    expect(texts).toMatch(/^SOURCE: /m);
    expect(texts).toMatch(/^---\n(?:headline|title): "/m);
    expect(texts).toMatch(/ - Harbour Post$| \| Eastern Dispatch$/m);
  });

  it("builds: every report usable, nothing unaccounted, outlet and date read as generated", () => {
    expect(build.exitCode, build.stderr).toBe(0);
    expect(build.stdout).toMatch(new RegExp(`Built ${N} reports`));
    expect(build.stdout).not.toMatch(/skipped/);
    expect(records).toHaveLength(N);
    const unaccounted = records.flatMap((r) => r.diagnostics.filter((d) => d.rule === "line-unaccounted").map((d) => `${r.sourceFile}:${d.line} ${d.message}`));
    expect(unaccounted).toEqual([]);
    for (const report of gen.reports) {
      const record = records.find((r) => r.sourceFile === `seeds/${report.fileName}`);
      expect(record, report.fileName).toBeDefined();
      expect(record!.source.name, report.fileName).toBe(report.outlet);
      if (report.date) expect(record!.published?.date, report.fileName).toBe(report.date);
    }
  });
});
