/**
 * Scores an extractor on a folder laid out like ../shared/extraction/dev: `ID.txt` (or `ID.html.gz`)
 * in, `ID.gold.txt` gold body out. Pages are scored with the shingle metric (shingle-score.ts) and
 * timed one by one; an extractor that throws scores as an empty prediction and the error is kept.
 * A page's time covers the whole path from the file: reading it (and gunzipping a .html.gz), then the
 * extractor. With several timed passes a page's time is the median of its samples: on a loaded machine
 * one sample can be 2-3x the page's steady cost (another process's burst, a GC owed by the previous
 * page), and the passes go over all pages in turn so one burst does not hit the same page twice.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { aggregate, scorePage, type PageScore, type Totals } from "./shingle-score.ts";

export type Extractor = (bytes: Uint8Array, file: string) => string;

export interface PageResult extends PageScore {
  id: string;
  /** Wall-clock milliseconds: the median of `msSamples`. */
  ms: number;
  /** CPU milliseconds this process spent on the page (robust to other processes' load): the median of `cpuMsSamples`. */
  cpuMs: number;
  /** One wall-clock time per timed pass, in pass order. */
  msSamples: number[];
  /** One CPU time per timed pass, in pass order. */
  cpuMsSamples: number[];
  /** The prediction's text (kept so callers can write it out or inspect it). */
  prediction: string;
  error?: string;
}

export interface DirResult {
  pages: PageResult[];
  /** Timed passes over the pages; each page's time is the median of this many samples. */
  passes: number;
  totals: Totals;
  meanMs: number;
  maxMs: number;
  meanCpuMs: number;
  maxCpuMs: number;
}

export type InputKind = "txt" | "html";

/** Page ids in the folder: every `ID.gold.txt` (a missing input scores as an empty prediction). */
export function pageIds(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".gold.txt"))
    .map((f) => f.slice(0, -".gold.txt".length))
    .sort();
}

/** The input bytes and the file name to hand the extractor (`ID.html` for gzipped HTML). */
export function readInput(dir: string, id: string, kind: InputKind): { bytes: Uint8Array; file: string } | undefined {
  if (kind === "txt") {
    const p = join(dir, `${id}.txt`);
    return existsSync(p) ? { bytes: readFileSync(p), file: `${id}.txt` } : undefined;
  }
  const gz = join(dir, `${id}.html.gz`);
  if (existsSync(gz)) return { bytes: gunzipSync(readFileSync(gz)), file: `${id}.html` };
  const plain = join(dir, `${id}.html`);
  return existsSync(plain) ? { bytes: readFileSync(plain), file: `${id}.html` } : undefined;
}

export interface EvaluateOptions {
  /**
   * Run the extractor untimed before timing, so the figures measure steady-state parsing rather than
   * V8 compiling the code (and the regular expressions) on whichever pages come first: `true` runs
   * it on the first page; `"all"` on every page once (the JIT warms up over several pages, not one:
   * on the text dev set one page leaves the mean about twice the steady-state figure).
   */
  warmUp?: boolean | "all";
  /** Timed passes over all pages (default 1); a page's time is the median of its samples. */
  passes?: number;
}

/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median(xs: readonly number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

interface Run {
  prediction: string;
  error?: string;
  ms: number;
  cpuMs: number;
}

/** One page through the whole path, from reading its file to the extractor's answer, timed. */
function runPage(dir: string, id: string, kind: InputKind, extract: Extractor): Run {
  let prediction = "";
  let error: string | undefined;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const input = readInput(dir, id, kind);
  if (input) {
    try {
      prediction = extract(input.bytes, input.file);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  } else error = `missing input ${id}.${kind === "txt" ? "txt" : "html.gz"}`;
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { prediction, error, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export function evaluateDir(dir: string, extract: Extractor, kind: InputKind = "txt", opts: EvaluateOptions = {}): DirResult {
  const ids = pageIds(dir);
  const passes = Math.max(1, Math.floor(opts.passes ?? 1));
  const warmIds = opts.warmUp === "all" ? ids : opts.warmUp ? ids.slice(0, 1) : [];
  for (const id of warmIds) runPage(dir, id, kind, extract); // errors are scored (and reported) below
  // The first timed pass is also the one scored (the extractor is deterministic).
  const runs: Run[][] = ids.map(() => []);
  for (let pass = 0; pass < passes; pass++) ids.forEach((id, i) => runs[i].push(runPage(dir, id, kind, extract)));
  const pages: PageResult[] = ids.map((id, i) => {
    const [first] = runs[i];
    const gold = readFileSync(join(dir, `${id}.gold.txt`), "utf8");
    const msSamples = runs[i].map((r) => r.ms);
    const cpuMsSamples = runs[i].map((r) => r.cpuMs);
    return {
      id,
      ms: median(msSamples),
      cpuMs: median(cpuMsSamples),
      msSamples,
      cpuMsSamples,
      prediction: first.prediction,
      error: first.error,
      ...scorePage(gold, first.prediction),
    };
  });
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
  return {
    pages,
    passes,
    totals: aggregate(pages),
    meanMs: mean(pages.map((p) => p.ms)),
    maxMs: max(pages.map((p) => p.ms)),
    meanCpuMs: mean(pages.map((p) => p.cpuMs)),
    maxCpuMs: max(pages.map((p) => p.cpuMs)),
  };
}

/** The n pages that took the most CPU time (their median). */
export function slowestPages(result: DirResult, n = 5): PageResult[] {
  return [...result.pages].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, n);
}

/** The n pages with the lowest F1 (ties: lower recall first). */
export function worstPages(result: DirResult, n = 10): PageResult[] {
  return [...result.pages].sort((a, b) => a.f1 - b.f1 || a.recall - b.recall).slice(0, n);
}
