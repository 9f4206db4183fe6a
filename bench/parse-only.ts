/**
 * The parse stage alone, in this process, on one core: ingest (decode, front matter, lines) +
 * parseReport per file, on bytes read beforehand; no archive, no render. Gives reports/s and a census of diagnostics (a generated archive should parse cleanly).
 *
 * CLI: `npx tsx bench/parse-only.ts DIR [--root DIR] [--limit N] [--profile OUT.cpuprofile] [--json]`
 * --profile records a CPU profile of the parse loop (not module loading) with positions mapped back to
 * the .ts sources (tsx's source maps), so `bench/profile-summary.ts` can print real file:line hot spots.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listReports } from "../src/archive/list-reports.ts";
import { ingestBytes } from "../src/ingest/read-report.ts";
import { parseReport } from "../src/parse/parse-document.ts";
import { startProfile, stopProfile } from "./cpu-profile.ts";

export interface ParseOnlyResult {
  reports: number;
  unusable: number;
  /** Wall seconds of the parse loop. */
  seconds: number;
  /** CPU seconds (user + system) of the parse loop: the same on a busy machine. */
  cpuSeconds: number;
  /** Reports per CPU second: the parse rate on one core, whatever else the machine is doing. */
  reportsPerSecond: number;
  /** Reports per wall second. */
  reportsPerWallSecond: number;
  /**
   * Reports per CPU second on the last of STEADY_PASSES further passes over the same reports: the
   * steady-state rate, once V8 has compiled and optimised the code and the regular expressions (the
   * timed first pass pays that one-off cost, about half a CPU second).
   */
  steadyReportsPerSecond: number;
  /** rule id -> count, over every report's diagnostics. */
  rules: Record<string, number>;
  /** A few example diagnostics per rule, for reading. */
  examples: Record<string, string[]>;
}

const STEADY_PASSES = 3;

/** Parses the reports in `dir` (the first `limit` of them, by name, when given). */
export async function parseOnly(dir: string, root = path.dirname(dir), limit = Infinity, profileTo?: string): Promise<ParseOnlyResult> {
  const files = (await listReports(dir)).slice(0, limit);
  const rules: Record<string, number> = {};
  const examples: Record<string, string[]> = {};
  let unusable = 0;
  // Files are read before the clock starts: the figure is parsing on one core, not disk latency.
  const inputs = await Promise.all(files.map(async (f) => ({ rel: path.relative(root, f).split(path.sep).join("/"), bytes: await readFile(f) })));
  // Warm up module loading and profile compilation so the figure is the steady-state rate.
  if (inputs[0]) parseReport(ingestBytes(inputs[0].bytes, inputs[0].rel));
  const session = profileTo ? await startProfile() : undefined;
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  for (const { rel, bytes } of inputs) {
    const { record, usable } = parseReport(ingestBytes(bytes, rel));
    if (!usable) unusable++;
    for (const d of record.diagnostics) {
      rules[d.rule] = (rules[d.rule] ?? 0) + 1;
      const ex = (examples[d.rule] ??= []);
      if (ex.length < 3) ex.push(`${record.sourceFile}:${d.line ?? "?"} ${d.message}`);
    }
  }
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpuSeconds = (used.user + used.system) / 1e6;
  if (session && profileTo) await stopProfile(session, profileTo);
  // V8 keeps optimising over the next pass or two: the third further pass is the steady state.
  let steadyReportsPerSecond = 0;
  for (let pass = 0; pass < STEADY_PASSES; pass++) {
    const cpu1 = process.cpuUsage();
    for (const { rel, bytes } of inputs) parseReport(ingestBytes(bytes, rel));
    const again = process.cpuUsage(cpu1);
    steadyReportsPerSecond = files.length / ((again.user + again.system) / 1e6);
  }
  return { reports: files.length, unusable, seconds, cpuSeconds, reportsPerSecond: files.length / cpuSeconds, reportsPerWallSecond: files.length / seconds, steadyReportsPerSecond, rules, examples };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? "seeds");
  const rootAt = process.argv.indexOf("--root");
  const limitAt = process.argv.indexOf("--limit");
  const root = rootAt > 0 ? path.resolve(process.argv[rootAt + 1]) : path.dirname(dir);
  const profileAt = process.argv.indexOf("--profile");
  const profileTo = profileAt > 0 ? path.resolve(process.argv[profileAt + 1]) : undefined;
  const result = await parseOnly(dir, root, limitAt > 0 ? Number(process.argv[limitAt + 1]) : Infinity, profileTo);
  // For `npm run bench`, which runs this in a fresh process pinned to one core.
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(result));
    process.exit(0);
  }
  if (profileTo) console.log(`CPU profile (source-mapped): ${profileTo}`);
  console.log(
    `${result.reports} reports (${result.unusable} unusable) in ${result.cpuSeconds.toFixed(2)} CPU s (${result.seconds.toFixed(2)} s wall): ${result.reportsPerSecond.toFixed(0)} reports per CPU second`,
  );
  console.log(`  steady state (the last of ${STEADY_PASSES} further passes over the same reports, code compiled and optimised): ${result.steadyReportsPerSecond.toFixed(0)} reports per CPU second`);
  for (const [rule, count] of Object.entries(result.rules).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${rule}: ${count}`);
    for (const ex of result.examples[rule]) console.log(`      ${ex}`);
  }
}
