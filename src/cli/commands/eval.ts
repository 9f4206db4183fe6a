import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { evaluateDir, pageIds, slowestPages, worstPages, type DirResult } from "../../eval/evaluate-dir.ts";
import { extractBody } from "../../eval/record-body.ts";
import type { Command } from "../command.ts";

/** Timed passes per page by default: the median of 3 is steady where one sample is not. */
const PASSES = 3;

export const command: Command = {
  name: "eval",
  summary: "Score body extraction on a folder of pages with gold bodies",
  usage: `wire-archive eval <dir> [--html] [--json] [--write DIR] [--worst N]

Scores the parser on a folder laid out like ../shared/extraction/dev: ID.txt (or, with --html,
ID.html.gz) in, ID.gold.txt gold body. Each page goes through ingest and the parser; the text scored
is the record's body blocks joined, without the headline. The metric (4-word shingles, precision and
recall averaged over pages, F1 of the averages) is that of the folder's score.py.
Prints F1, precision, recall, pages, mean/max milliseconds per page (wall clock and CPU), how many
pages took over 50 ms of CPU, the slowest pages and the worst pages. A page's time covers the whole
path (reading the file, decoding, the DOM and Readability for HTML, clean-up, parse) and is the median
of 3 timed passes over all pages (one sample on a loaded machine varies 2-3x), taken after one untimed
warm-up pass: a build of many reports pays the parser's steady-state cost, not V8 compiling it.
  --html       use the ID.html.gz pages (HTML ingest path) instead of the ID.txt dumps
  --json       print the figures and every page's scores as JSON
  --write DIR  also write each prediction to DIR/ID.txt (to cross-check with score.py)
  --worst N    how many of the worst pages to list (default 10)
  --passes N   timed passes per page, the median is reported (default ${PASSES})`,
  options: {
    html: { type: "boolean" },
    json: { type: "boolean" },
    write: { type: "string" },
    worst: { type: "string" },
    passes: { type: "string" },
  },
  async run({ values, positionals }, ctx) {
    const [dirArg] = positionals;
    if (!dirArg) {
      ctx.stderr.write("wire-archive eval: missing <dir>, expected a folder of ID.txt / ID.gold.txt pages.\n");
      return 2;
    }
    const dir = path.resolve(process.cwd(), dirArg);
    if (!existsSync(dir) || !statSync(dir).isDirectory() || pageIds(dir).length === 0) {
      ctx.stderr.write(`wire-archive eval: unexpected folder ${dirArg}: expected ID.gold.txt files in it.\n`);
      return 2;
    }
    const kind = values.html ? "html" : "txt";
    const n = Number(values.worst ?? 10);
    const worst = Number.isInteger(n) && n >= 0 ? n : 10;
    const p = Number(values.passes ?? PASSES);
    const passes = Number.isInteger(p) && p >= 1 ? p : PASSES;
    const result = evaluateDir(dir, extractBody, kind, { warmUp: "all", passes });
    if (typeof values.write === "string") {
      const out = path.resolve(process.cwd(), values.write);
      mkdirSync(out, { recursive: true });
      for (const p of result.pages) writeFileSync(path.join(out, `${p.id}.txt`), p.prediction);
    }
    if (values.json) ctx.stdout.write(`${JSON.stringify(toJson(result, kind), null, 2)}\n`);
    else ctx.stdout.write(describe(result, kind, worst));
    const failed = result.pages.filter((p) => p.error);
    for (const p of failed) ctx.stderr.write(`wire-archive eval: ${p.id}: ${p.error}\n`);
    return failed.length ? 1 : 0;
  },
};

const f3 = (x: number) => x.toFixed(3);

/** How many of the slowest pages are listed. */
const SLOWEST = 5;

/** Issue 6's per-page budget, counted on CPU time (robust to other processes' load). */
const BUDGET_MS = 50;
const overBudget = (r: DirResult) => r.pages.filter((p) => p.cpuMs > BUDGET_MS).length;

function describe(r: DirResult, kind: string, worst: number): string {
  const t = r.totals;
  const lines = [
    `input: ${kind === "html" ? "HTML (.html.gz)" : "plain text (.txt)"}`,
    `F1 ${f3(t.f1)}  precision ${f3(t.precision)}  recall ${f3(t.recall)}  pages ${t.pages}`,
    `time per page: the whole path from reading the file, median of ${r.passes} timed pass${r.passes > 1 ? "es" : ""} after one untimed warm-up pass over all pages (the steady-state cost a build of many reports pays):`,
    `  CPU: mean ${r.meanCpuMs.toFixed(1)} ms, max ${r.maxCpuMs.toFixed(1)} ms, ${overBudget(r)} of ${r.pages.length} pages over ${BUDGET_MS} ms (wall clock: mean ${r.meanMs.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms)`,
    `  slowest: ${slowestPages(r, SLOWEST).map((p) => `${p.id.slice(0, 8)} ${p.cpuMs.toFixed(1)} ms`).join(", ")}`,
  ];
  if (worst > 0) {
    lines.push("", `worst ${Math.min(worst, r.pages.length)} pages:`, "  ID                 F1     P      R");
    for (const p of worstPages(r, worst)) lines.push(`  ${p.id.slice(0, 16).padEnd(17)}  ${f3(p.f1)}  ${f3(p.precision)}  ${f3(p.recall)}${p.error ? `  (error: ${p.error})` : ""}`);
  }
  return `${lines.join("\n")}\n`;
}

function toJson(r: DirResult, kind: string) {
  return {
    input: kind,
    f1: r.totals.f1,
    precision: r.totals.precision,
    recall: r.totals.recall,
    pageCount: r.totals.pages,
    meanMs: r.meanMs,
    maxMs: r.maxMs,
    meanCpuMs: r.meanCpuMs,
    maxCpuMs: r.maxCpuMs,
    warmUp: "one untimed pass over all pages",
    passes: r.passes,
    timing: `per page: median of ${r.passes} timed passes, whole path from reading the file`,
    pagesOverBudget: overBudget(r),
    budgetMs: BUDGET_MS,
    slowest: slowestPages(r, SLOWEST).map((p) => ({ id: p.id, cpuMs: p.cpuMs })),
    pages: r.pages.map(({ prediction: _p, hasPrediction: _h, hasGold: _g, ...rest }) => rest),
  };
}
