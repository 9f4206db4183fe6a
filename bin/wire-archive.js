#!/usr/bin/env node
// The CLI is TypeScript. Node 20 cannot strip types: run a compiled copy (compiled-code.js), or the
// sources through tsx's loader when that copy cannot be made or WIRE_ARCHIVE_TSX=1 asks for them.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { compiledMain } from "./compiled-code.js";

const root = process.env.WIRE_ARCHIVE_ROOT ?? process.cwd();

/**
 * A build holds about 150 KB of heap a report (1.4 GB at 10,000), so V8's default limit (about 4 GB
 * here) is too small from some 25,000 reports on: then run again with a heap sized to the archive,
 * up to three quarters of the machine's memory. Smaller archives stay in this one process.
 */
function heapNeededMb() {
  const args = process.argv.slice(2);
  const at = args.indexOf("--seeds");
  const given = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith("--seeds="))?.slice("--seeds=".length);
  let reports = 0;
  try {
    reports = readdirSync(path.resolve(root, given ?? "seeds")).length;
  } catch {
    // No seeds folder (yet): nothing big to hold.
  }
  return reports * 0.2;
}

const limitMb = v8.getHeapStatistics().heap_size_limit / 1024 / 1024;
const chosen = process.execArgv.some((a) => a.startsWith("--max-old-space-size")) || /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "");
const neededMb = heapNeededMb();
if (!chosen && neededMb > limitMb) {
  const heapMb = Math.round(Math.min(neededMb * 1.5, (os.totalmem() * 0.75) / 1024 / 1024));
  const run = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${heapMb}`, ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(run.status ?? (run.signal ? 128 + (os.constants.signals[run.signal] ?? 0) : 1));
}

/**
 * V8 runs a regular expression's first match in its interpreter and compiles it to machine code for
 * the second. Some library patterns are slow to compile: chrono-node's "3 days ago" and "2 weeks
 * later" take about 130 ms each, so an add, which runs them a handful of times, spent 0.35 s of its
 * archive stage compiling them. After this many interpreted runs a pattern is compiled as before: a
 * long build runs its hot patterns as machine code all the same. Set before any library loads (a
 * pattern takes the count when it is made); a count given on node's command line is kept.
 */
const REGEXP_TIER_UP_RUNS = 100;
if (!process.execArgv.some((a) => a.startsWith("--regexp-tier-up"))) v8.setFlagsFromString(`--regexp-tier-up-ticks=${REGEXP_TIER_UP_RUNS}`);

const compiled = process.env.WIRE_ARCHIVE_TSX ? undefined : await compiledMain(fileURLToPath(new URL("..", import.meta.url)));
if (!compiled) {
  const { register } = await import("tsx/esm/api");
  register();
}
const { main } = await import(compiled?.href ?? "../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2), { root, stdout: process.stdout, stderr: process.stderr });
