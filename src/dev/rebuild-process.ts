/**
 * One build in a child process: `node --import tsx src/cli/main.ts build --quiet`. A fresh process
 * per build means edited parser or site code takes effect without restarting `dev`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../cli/main.ts", import.meta.url));
/** tsx's loader, resolved from this module, so the child finds it whatever its working directory. */
const TSX = import.meta.resolve("tsx");

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
  const args = ["--import", TSX, MAIN, "build", "--quiet"];
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
