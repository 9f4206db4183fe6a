/**
 * `npm run bench [-- --sizes 100,1000,10000] [--large] [--runs 3] [--corpus DIR] [--seed 1]
 *  [--json out.json] [--parse-sample 1000] [--timeout-min 30] [--keep] [--no-browser]`
 *
 * For each N: generates an archive of N reports (bench/generate-archive.ts) into a throwaway copy of
 * the project, then measures with the real CLI as a child process, each figure the median of --runs:
 * parse rate in this process (one core), full (cold) build wall time, peak RSS and stage timings,
 * rebuild after adding / editing one report and with nothing changed, search index size, the bytes
 * a browser fetches for a first search, and how the heaviest pages load and scroll on an emulated phone
 * (bench/phone-pages.ts). Prints a table with the issue's targets and writes JSON
 * (bench/results/latest.json unless --json). Measures whatever exists: a missing `add` command,
 * Pagefind output or chromium is noted, not fatal.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { DEFAULT_CORPUS, generateReport, loadCorpus } from "./generate-archive.ts";
import { measureFirstSearch } from "./first-search.ts";
import { measurePhonePages } from "./phone-pages.ts";
import type { ParseOnlyResult } from "./parse-only.ts";
import { listReports } from "../src/archive/list-reports.ts";
import { hasCommand, runCli, type CliRun, GNU_TIME } from "./run-cli.ts";
import { checkTargets, formatTable, formatTargets, type SizeResult } from "./table.ts";
import { clearBuildState, makeBenchRoot } from "./temp-root.ts";

const REPO = fileURLToPath(new URL("../", import.meta.url));
/** Above this many seconds for one full build at N ≥ 10,000, the remaining runs at that N drop to 1. */
const LONG_BUILD_SECONDS = 60;

export interface BenchOptions {
  sizes: number[];
  runs: number;
  corpusDir: string;
  seed: number;
  jsonPath: string;
  parseSample: number;
  keep: boolean;
  browser: boolean;
  /** Any one CLI run longer than this is stopped and the size marked as not finished. */
  timeoutMinutes: number;
}

function options(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string" },
      large: { type: "boolean" },
      runs: { type: "string" },
      corpus: { type: "string" },
      seed: { type: "string" },
      json: { type: "string" },
      "parse-sample": { type: "string" },
      keep: { type: "boolean" },
      "no-browser": { type: "boolean" },
      "timeout-min": { type: "string" },
    },
  });
  const sizes = (values.sizes ?? "100,1000,10000").split(",").map((s) => Number(s.replace(/[_,]/g, "")));
  if (values.large && !sizes.includes(50_000)) sizes.push(50_000);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`Unexpected --sizes "${values.sizes}", expected positive integers like 100,1000,10000`);
  return {
    sizes,
    runs: Math.max(1, Number(values.runs ?? 3)),
    corpusDir: path.resolve(values.corpus ?? DEFAULT_CORPUS),
    seed: Number(values.seed ?? 1),
    jsonPath: path.resolve(values.json ?? path.join(REPO, "bench/results/latest.json")),
    parseSample: Number(values["parse-sample"] ?? 1000),
    keep: Boolean(values.keep),
    browser: !values["no-browser"],
    timeoutMinutes: Number(values["timeout-min"] ?? 30),
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The run whose value is the median (of an even number, the lower of the middle two), whole. */
export function medianRun<T>(runs: readonly T[], value: (run: T) => number): T {
  return [...runs].sort((a, b) => value(a) - value(b))[Math.floor((runs.length - 1) / 2)]!;
}

/** The CLI's finer step timings (ms, rounded), from what it wrote besides its stages. */
function stepsOf(run: CliRun): Record<string, number> | undefined {
  const steps = (run.extra as { steps?: Record<string, number> } | undefined)?.steps;
  return steps && Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, Math.round(v)]));
}

/** Median of the values present; undefined when none is. */
function medianOf(xs: Array<number | undefined>): number | undefined {
  const present = xs.filter((x): x is number => x !== undefined);
  return present.length ? median(present) : undefined;
}

function medianStages(runs: CliRun[]): Record<string, number> | undefined {
  const withStages = runs.filter((r) => r.stages);
  if (withStages.length === 0) return undefined;
  const names = [...new Set(withStages.flatMap((r) => Object.keys(r.stages!)))];
  const stages = Object.fromEntries(names.map((k) => [k, median(withStages.map((r) => r.stages![k] ?? 0))]));
  // What the stages do not cover: process start, module loading (tsx, Eleventy), lock, swap.
  stages.other = median(withStages.map((r) => r.wallSeconds - Object.values(r.stages!).reduce((a, b) => a + b, 0)));
  return stages;
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

let timeoutMs = 30 * 60_000;

async function build(root: string): Promise<CliRun> {
  const run = await runCli(root, ["build", "--quiet"], { timeoutMs });
  if (run.timedOut) throw new Error(`build did not finish within ${timeoutMs / 60_000} min (--timeout-min); stopped`);
  if (run.exitCode !== 0) throw new Error(`build exited ${run.exitCode}: ${run.stderr.trim().split("\n").slice(-5).join(" / ")}`);
  return run;
}

/** Edits one report the way a person fixing a typo would: a sentence appended to its longest line. */
async function editReport(seedsDir: string, k: number): Promise<string> {
  const files = await listReports(seedsDir); // the reports, not the permalink ledger beside them
  const file = files[(k * 7919) % files.length];
  const lines = (await readFile(file, "utf8")).split("\n");
  let longest = 0;
  lines.forEach((l, i) => (l.length > lines[longest].length ? (longest = i) : undefined));
  lines[longest] += ` Officials declined to comment further (edit ${k + 1}).`;
  await writeFile(file, lines.join("\n"));
  return file;
}

async function dirSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += (await stat(path.join(e.parentPath, e.name))).size;
    files++;
  }
  return { bytes, files };
}

const execFileAsync = promisify(execFile);

/**
 * The parse stage alone (parse-only.ts) in a fresh process pinned to one core (`taskset -c 0`, where
 * there is one): not in this process, whose heap holds the generated archive (tracing it made the
 * collector's share of the parse loop grow), and with V8's helper threads on the same core.
 */
async function parseOnOneCore(seedsDir: string, root: string, limit: number): Promise<ParseOnlyResult & { pinned: boolean }> {
  const pinned = existsSync("/usr/bin/taskset");
  const node = [process.execPath, "--import", "tsx", path.join(REPO, "bench/parse-only.ts"), seedsDir, "--root", root, "--limit", String(limit), "--json"];
  const [cmd, ...argv] = pinned ? ["/usr/bin/taskset", "-c", "0", ...node] : node;
  // Rejects, with the child's stderr in its message, on a non-zero exit.
  const { stdout } = await execFileAsync(cmd, argv, { cwd: REPO, maxBuffer: 64 * 1024 * 1024 });
  return { ...(JSON.parse(stdout) as ParseOnlyResult), pinned };
}

async function benchSize(n: number, opts: BenchOptions): Promise<SizeResult> {
  const t0 = performance.now();
  const bench = await makeBenchRoot({ repoDir: REPO, n, corpusDir: opts.corpusDir, seed: opts.seed });
  const generateSeconds = (performance.now() - t0) / 1000;
  log(`N=${n}: generated in ${generateSeconds.toFixed(1)} s into ${bench.root}`);
  const notes: string[] = [];
  const sample = Math.min(n, opts.parseSample);
  // A cold pass swings by a fifth from run to run on a shared machine: the median run is reported.
  const parses = [];
  for (let r = 0; r < opts.runs; r++) parses.push(await parseOnOneCore(bench.seedsDir, bench.root, sample));
  const allReportsPerSecond = parses.map((p) => p.reportsPerSecond);
  const parsed = medianRun(parses, (p) => p.reportsPerSecond);
  log(
    `N=${n}: parse alone ${parsed.reportsPerSecond.toFixed(0)} reports per CPU second (${parsed.reportsPerWallSecond.toFixed(0)}/s wall; ` +
      `${parsed.steadyReportsPerSecond.toFixed(0)}/s once compiled) over ${sample} reports, ${parsed.pinned ? "a fresh process on one core" : "a fresh process (no taskset: not pinned)"}` +
      (parses.length > 1 ? `; median of ${parses.length} runs (${allReportsPerSecond.map((x) => x.toFixed(0)).join(", ")})` : ""),
  );
  if (sample < n) notes.push(`parse rate over the first ${sample} reports (--parse-sample)`);
  if (!parsed.pinned) notes.push("parse rate not pinned to one core (no taskset): other threads' CPU counts too");
  const result: SizeResult = {
    n,
    loadAverage: os.loadavg()[0],
    runs: opts.runs,
    notes,
    generateSeconds,
    parse: {
      sample,
      reportsPerSecond: parsed.reportsPerSecond,
      allReportsPerSecond,
      reportsPerWallSecond: parsed.reportsPerWallSecond,
      steadyReportsPerSecond: parsed.steadyReportsPerSecond,
      pinned: parsed.pinned,
      unusable: parsed.unusable,
      rules: parsed.rules,
    },
  };
  try {
    // Full (cold) builds: nothing left from a previous build, no cache.
    const full: CliRun[] = [];
    let fullRuns = opts.runs;
    for (let r = 0; r < fullRuns; r++) {
      await clearBuildState(bench.root);
      const run = await build(bench.root);
      full.push(run);
      log(`N=${n}: full build ${r + 1}/${fullRuns}: ${run.wallSeconds.toFixed(2)} s wall, ${run.cpuSeconds?.toFixed(2) ?? "?"} s CPU, ${run.peakRssMB?.toFixed(0) ?? "?"} MB`);
      if (r === 0 && fullRuns > 1 && n >= 10_000 && run.wallSeconds > LONG_BUILD_SECONDS) {
        fullRuns = 1;
        notes.push(`1 full build instead of ${opts.runs} (one took ${run.wallSeconds.toFixed(0)} s > ${LONG_BUILD_SECONDS} s); rebuilds: ${opts.runs} runs each`);
        log(`N=${n}: full builds are long: 1 at this size (rebuilds: ${opts.runs} each)`);
      }
    }
    // The rebuilds, a fraction of a full build each, keep their runs: their medians are what the targets compare.
    const runs = opts.runs;
    result.runs = runs;
    result.fullRuns = fullRuns;
    result.build = {
      wallSeconds: median(full.map((r) => r.wallSeconds)),
      cpuSeconds: medianOf(full.map((r) => r.cpuSeconds)),
      peakRssMB: medianOf(full.map((r) => r.peakRssMB)),
      stages: medianStages(full),
      allWallSeconds: full.map((r) => r.wallSeconds),
    };
    const cacheInfo = full.at(-1)?.extra;
    if (cacheInfo && Object.keys(cacheInfo).length) notes.push(`CLI timings extra: ${JSON.stringify(cacheInfo)}`);

    // Rebuilds on the warm state the last full build left.
    const noChange: CliRun[] = [];
    for (let r = 0; r < runs; r++) noChange.push(await build(bench.root));
    log(`N=${n}: no-change rebuild ${median(noChange.map((r) => r.wallSeconds)).toFixed(2)} s`);

    const edits: CliRun[] = [];
    for (let r = 0; r < runs; r++) {
      await editReport(bench.seedsDir, r);
      edits.push(await build(bench.root));
    }
    log(`N=${n}: edit rebuild ${median(edits.map((r) => r.wallSeconds)).toFixed(2)} s`);

    // Add: a report the archive has not seen (report N+k of the same generated sequence).
    const corpus = await loadCorpus(opts.corpusDir);
    const viaAdd = await hasCommand(bench.root, "add");
    const incoming = path.join(bench.root, "incoming");
    await mkdir(incoming, { recursive: true });
    /** Report `index` of the sequence added to the archive: by `add`, else copied into seeds/ and built. */
    const addReport = async (index: number, latest = false): Promise<CliRun> => {
      const report = generateReport(corpus, opts.seed, index, { latest });
      if (!viaAdd) {
        await writeFile(path.join(bench.seedsDir, report.fileName), report.text);
        return build(bench.root);
      }
      const file = path.join(incoming, report.fileName);
      await writeFile(file, report.text);
      let run = await runCli(bench.root, ["add", file, "--quiet"], { timeoutMs });
      if (run.exitCode === 2) run = await runCli(bench.root, ["add", file], { timeoutMs }); // no --quiet on add
      if (run.timedOut) throw new Error(`add did not finish within ${timeoutMs / 60_000} min (--timeout-min); stopped`);
      if (run.exitCode !== 0) throw new Error(`add exited ${run.exitCode}: ${run.stderr.trim().split("\n").slice(-5).join(" / ")}`);
      return run;
    };
    const adds: CliRun[] = [];
    for (let r = 0; r < runs; r++) adds.push(await addReport(n + r));
    log(`N=${n}: add rebuild ${median(adds.map((r) => r.wallSeconds)).toFixed(2)} s (${viaAdd ? "wire-archive add" : "copy + build"})`);
    // The add as news arrives: a report newer than every other (the ones above have random dates, and
    // every list page newer than them changes). Reports after the ones above, same material otherwise.
    const latestAdds: CliRun[] = [];
    for (let r = 0; r < runs; r++) latestAdds.push(await addReport(n + runs + r, true));
    const addLatestSeconds = median(latestAdds.map((r) => r.wallSeconds));
    log(`N=${n}: add rebuild, a report newer than all, ${addLatestSeconds.toFixed(2)} s`);
    notes.push(`add of a report newer than all: ${addLatestSeconds.toFixed(2)} s (CPU ${medianOf(latestAdds.map((r) => r.cpuSeconds))?.toFixed(2)} s)`);
    if (viaAdd) notes.push("add s: `wire-archive add <file>` wall time (assumed to include the rebuild)");
    // The median runs' own stage timings and steps: where an add's time goes, without a profile.
    const addRun = medianRun(adds, (r) => r.wallSeconds);
    const editRun = medianRun(edits, (r) => r.wallSeconds);
    result.rebuild = {
      addStages: addRun.stages,
      addSteps: stepsOf(addRun),
      editStages: editRun.stages,
      editSteps: stepsOf(editRun),
      addSeconds: median(adds.map((r) => r.wallSeconds)),
      addLatestSeconds,
      addVia: viaAdd ? "add" : "copy+build",
      editSeconds: median(edits.map((r) => r.wallSeconds)),
      noChangeSeconds: median(noChange.map((r) => r.wallSeconds)),
      noChangePeakRssMB: medianOf(noChange.map((r) => r.peakRssMB)),
      addCpuSeconds: medianOf(adds.map((r) => r.cpuSeconds)),
      editCpuSeconds: medianOf(edits.map((r) => r.cpuSeconds)),
      noChangeCpuSeconds: medianOf(noChange.map((r) => r.cpuSeconds)),
      allSeconds: {
        add: adds.map((r) => r.wallSeconds),
        addLatest: latestAdds.map((r) => r.wallSeconds),
        edit: edits.map((r) => r.wallSeconds),
        noChange: noChange.map((r) => r.wallSeconds),
      },
    };

    const site = path.join(bench.root, "_site");
    const pagefind = path.join(site, "pagefind");
    const siteSize = await dirSize(site);
    result.index = {
      siteMB: siteSize.bytes / 2 ** 20,
      files: siteSize.files,
      pagefindMB: existsSync(pagefind) ? (await dirSize(pagefind)).bytes / 2 ** 20 : undefined,
    };
    if (opts.browser) {
      const fs = await measureFirstSearch(site).catch((err: Error) => ({ measured: false as const, note: `error: ${err.message.split("\n")[0]}` }));
      result.firstSearch = fs.measured ? { kb: fs.bytes / 1024, requests: fs.requests } : { note: fs.note };
      const phone = await measurePhonePages(site).catch((err: Error) => ({ measured: false as const, note: `error: ${err.message.split("\n")[0]}` }));
      result.phone = phone.measured ? { pages: phone.pages, search: phone.search } : { note: phone.note };
    } else {
      result.firstSearch = { note: "--no-browser" };
      result.phone = { note: "--no-browser" };
    }
  } catch (err) {
    result.failed = (err as Error).message;
    log(`N=${n}: FAILED: ${result.failed}`);
  } finally {
    if (opts.keep) log(`N=${n}: kept ${bench.root}`);
    else await bench.remove();
  }
  return result;
}

async function main(): Promise<number> {
  const opts = options(process.argv.slice(2));
  timeoutMs = opts.timeoutMinutes * 60_000;
  if (!existsSync(opts.corpusDir)) {
    log(`no corpus at ${opts.corpusDir}: pass --corpus DIR (topic folders of NNN.txt, title on the first line)`);
    return 2;
  }
  log(`sizes ${opts.sizes.join(", ")}; ${opts.runs} run(s) each; corpus ${opts.corpusDir}; seed ${opts.seed}`);
  log(`peak RSS via ${existsSync(GNU_TIME) ? `${GNU_TIME} -v` : "process.resourceUsage() preloaded into the CLI"}; ${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB`);
  const results: SizeResult[] = [];
  for (const n of opts.sizes) {
    results.push(await benchSize(n, opts));
    // Written after every size, so a long run that is stopped still leaves what it measured.
    await mkdir(path.dirname(opts.jsonPath), { recursive: true });
    const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGB: os.totalmem() / 2 ** 30, node: process.version };
    await writeFile(opts.jsonPath, `${JSON.stringify({ date: new Date().toISOString(), machine, options: opts, results, targets: checkTargets(results) }, null, 2)}\n`);
    process.stdout.write(`\n${formatTable(results)}\n`);
  }
  process.stdout.write(`\nTargets:\n${formatTargets(checkTargets(results))}\n\nJSON: ${opts.jsonPath}\n`);
  return results.some((r) => r.failed) ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
