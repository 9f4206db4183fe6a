#!/usr/bin/env node
// The CLI is TypeScript run through tsx (Node 20 has no type stripping): register its loader, then hand over.
import { spawnSync } from "node:child_process";
import os from "node:os";
import v8 from "node:v8";

// V8's default heap (about 4 GB here) is too small for a 50,000-report archive, whose build holds
// about 5 GB: run with a heap of half the machine's memory unless one was chosen.
const heapMb = Math.round(os.totalmem() / 2 / 1024 / 1024);
const chosen = process.execArgv.some((a) => a.startsWith("--max-old-space-size")) || /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "");
if (!chosen && v8.getHeapStatistics().heap_size_limit < heapMb * 1024 * 1024 * 0.9) {
  const run = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${heapMb}`, ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(run.status ?? (run.signal ? 128 + (os.constants.signals[run.signal] ?? 0) : 1));
}

const { register } = await import("tsx/esm/api");
register();
const { main } = await import("../src/cli/main.ts");
const root = process.env.WIRE_ARCHIVE_ROOT ?? process.cwd();
process.exitCode = await main(process.argv.slice(2), { root, stdout: process.stdout, stderr: process.stderr });
