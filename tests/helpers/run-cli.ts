/** Runs the real CLI (bin/wire-archive.js) as a child process. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "./seeds.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin/wire-archive.js"), ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    env: { ...process.env, ...opts.env },
    encoding: "utf8",
    timeout: 180_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
