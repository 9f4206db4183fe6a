/**
 * Runs the real CLI (`node bin/wire-archive.js ...`) in a bench root as a child process and measures
 * it: wall time, peak RSS (GNU `/usr/bin/time -v`, else a preloaded resourceUsage hook), and the
 * build's own stage timings when the CLI writes them to $WIRE_ARCHIVE_TIMINGS.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const GNU_TIME = "/usr/bin/time";
const RSS_HOOK = fileURLToPath(new URL("./report-rss.mjs", import.meta.url));

export interface CliRun {
  exitCode: number;
  wallSeconds: number;
  /** Peak resident set size of the CLI process, MB (the largest single process, as getrusage reports). */
  peakRssMB?: number;
  /** User + system CPU seconds of the CLI process: robust to a busy machine, unlike wall time. */
  cpuSeconds?: number;
  /** Stage -> seconds, when the CLI reported them. */
  stages?: Record<string, number>;
  /** Everything else the CLI put in the timings file (e.g. parse cache hits). */
  extra?: Record<string, unknown>;
  stdout: string;
  stderr: string;
  /** True when the run was stopped for passing its time limit. */
  timedOut?: boolean;
}

let seq = 0;

export async function runCli(root: string, args: string[], opts: { timeoutMs?: number } = {}): Promise<CliRun> {
  const tag = path.join(os.tmpdir(), `wire-bench-${process.pid}-${++seq}`);
  const timingsFile = `${tag}.timings.json`;
  const rssFile = `${tag}.rss`;
  const cli = ["bin/wire-archive.js", ...args];
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ["-v", "-o", rssFile, process.execPath, ...cli]] : [process.execPath, ["--import", RSS_HOOK, ...cli]];
  const env = { ...process.env, WIRE_ARCHIVE_TIMINGS: timingsFile, WIRE_BENCH_RSS_FILE: rssFile, WIRE_ARCHIVE_ROOT: root, FORCE_COLOR: "0" };
  const started = performance.now();
  const { exitCode, stdout, stderr, timedOut } = await new Promise<{ exitCode: number; stdout: string; stderr: string; timedOut: boolean }>((resolve, reject) => {
    // Its own process group, so a time-out stops `time` and the CLI under it together.
    const child = spawn(cmd, argv, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let out = "";
    let err = "";
    let killed = false;
    child.stdout.on("data", (b) => (out += b));
    child.stderr.on("data", (b) => (err += b));
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          killed = true;
          process.kill(-child.pid!, "SIGKILL");
        }, opts.timeoutMs)
      : undefined;
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ exitCode: code ?? (signal ? 128 : 1), stdout: out, stderr: err, timedOut: killed });
    });
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const run: CliRun = { exitCode, wallSeconds, stdout, stderr, ...(timedOut ? { timedOut } : {}) };
  const rssText = await readFile(rssFile, "utf8").catch(() => "");
  if (useTime) {
    const kb = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(rssText)?.[1];
    const user = /User time \(seconds\):\s*([\d.]+)/.exec(rssText)?.[1];
    const sys = /System time \(seconds\):\s*([\d.]+)/.exec(rssText)?.[1];
    if (kb) run.peakRssMB = Number(kb) / 1024;
    if (user && sys) run.cpuSeconds = Number(user) + Number(sys);
  } else if (rssText.trim()) {
    const [kb, cpuUs] = rssText.trim().split(" ").map(Number);
    run.peakRssMB = kb / 1024;
    if (cpuUs) run.cpuSeconds = cpuUs / 1e6;
  }
  const timings = await readFile(timingsFile, "utf8").then(JSON.parse).catch(() => undefined);
  if (timings && typeof timings === "object") {
    // Accept either the bare `timings` object (stage -> ms) or `{ timings, ...extra }`.
    const { timings: inner, ...extra } = timings as Record<string, unknown>;
    const ms = (inner && typeof inner === "object" ? inner : timings) as Record<string, unknown>;
    run.stages = Object.fromEntries(Object.entries(ms).filter(([, v]) => typeof v === "number").map(([k, v]) => [k, (v as number) / 1000]));
    if (inner) run.extra = extra;
  }
  await rm(rssFile, { force: true });
  await rm(timingsFile, { force: true });
  return run;
}

/** Does this CLI have a given command? (the list `wire-archive --help` prints) */
export async function hasCommand(root: string, name: string): Promise<boolean> {
  const help = await runCli(root, ["--help"]);
  return new RegExp(`^\\s+${name}\\s`, "m").test(help.stdout);
}
