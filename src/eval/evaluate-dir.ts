/**
 * Scores an extractor on a folder laid out like ../shared/extraction/dev: `ID.txt` (or `ID.html.gz`)
 * in, `ID.gold.txt` gold body out. Pages are scored with the shingle metric (shingle-score.ts) and
 * timed one by one; an extractor that throws scores as an empty prediction and the error is kept.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { aggregate, scorePage, type PageScore, type Totals } from "./shingle-score.ts";

export type Extractor = (bytes: Uint8Array, file: string) => string;

export interface PageResult extends PageScore {
  id: string;
  /** Wall-clock milliseconds. */
  ms: number;
  /** CPU milliseconds this process spent on the page (robust to other processes' load). */
  cpuMs: number;
  /** The prediction's text (kept so callers can write it out or inspect it). */
  prediction: string;
  error?: string;
}

export interface DirResult {
  pages: PageResult[];
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
}

export function evaluateDir(dir: string, extract: Extractor, kind: InputKind = "txt", opts: EvaluateOptions = {}): DirResult {
  const pages: PageResult[] = [];
  const ids = pageIds(dir);
  const warmIds = opts.warmUp === "all" ? ids : opts.warmUp ? ids.slice(0, 1) : [];
  for (const id of warmIds) {
    const input = readInput(dir, id, kind);
    try {
      if (input) extract(input.bytes, input.file);
    } catch {
      // Scored (and reported) below.
    }
  }
  for (const id of ids) {
    const gold = readFileSync(join(dir, `${id}.gold.txt`), "utf8");
    const input = readInput(dir, id, kind);
    let prediction = "";
    let error: string | undefined;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    if (input) {
      try {
        prediction = extract(input.bytes, input.file);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    } else error = `missing input ${id}.${kind === "txt" ? "txt" : "html.gz"}`;
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    pages.push({ id, ms, cpuMs: (cpu.user + cpu.system) / 1000, prediction, error, ...scorePage(gold, prediction) });
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
  return {
    pages,
    totals: aggregate(pages),
    meanMs: mean(pages.map((p) => p.ms)),
    maxMs: max(pages.map((p) => p.ms)),
    meanCpuMs: mean(pages.map((p) => p.cpuMs)),
    maxCpuMs: max(pages.map((p) => p.cpuMs)),
  };
}

/** The n pages with the lowest F1 (ties: lower recall first). */
export function worstPages(result: DirResult, n = 10): PageResult[] {
  return [...result.pages].sort((a, b) => a.f1 - b.f1 || a.recall - b.recall).slice(0, n);
}
