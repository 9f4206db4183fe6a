/**
 * One build in a child process. A fresh process per build means edited parser or site code takes
 * effect without restarting `dev`: the child runs the code the way this process does, the CLI (which
 * compiles edited sources afresh, bin/compiled-code.js) when this is the compiled copy, else the
 * sources through tsx.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { CODE_DIR, COMPILED_DIR } from "../code-dir.ts";

function buildCommand(): string[] {
  if (COMPILED_DIR) return [path.join(CODE_DIR, "bin", "wire-archive.js")];
  // tsx's loader, resolved from this module, so the child finds it whatever its working directory.
  return ["--import", import.meta.resolve("tsx"), path.join(CODE_DIR, "src", "cli", "main.ts")];
}

export interface RebuildResult {
  ok: boolean;
  /** The build's exit code (75: another build holds the lock); null when killed. */
  code: number | null;
  /** What the build printed (its errors, when it failed). */
  output: string;
  ms: number;
}

export interface RebuildOptions {
  root: string;
  seedsDir?: string;
  outDir?: string;
}

export interface RunningRebuild {
  child: ChildProcess;
  done: Promise<RebuildResult>;
}

export function startRebuild(opts: RebuildOptions): RunningRebuild {
  const args = [...buildCommand(), "build", "--quiet"];
  if (opts.seedsDir) args.push("--seeds", opts.seedsDir);
  if (opts.outDir) args.push("--out", opts.outDir);
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: opts.root,
    env: { ...process.env, WIRE_ARCHIVE_ROOT: opts.root },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  const done = new Promise<RebuildResult>((resolve) => {
    child.on("error", (err) => resolve({ ok: false, code: null, output: `${output}${err.message}\n`, ms: Math.round(performance.now() - started) }));
    child.on("close", (code) => resolve({ ok: code === 0, code, output, ms: Math.round(performance.now() - started) }));
  });
  return { child, done };
}
