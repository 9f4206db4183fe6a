/**
 * Throw-away copies of the repository root for tests that build, add or kill builds: the code,
 * templates and seeds are copied, node_modules is linked. Tests never touch the real seeds/ or _site/.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export function makeTempRoot(prefix = "wa-root-", opts: { seeds?: boolean } = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  for (const entry of ["package.json", "tsconfig.json", ".eleventy.ts", "src", "layouts", ...(opts.seeds === false ? [] : ["seeds"])]) {
    const from = path.join(REPO_ROOT, entry);
    if (existsSync(from)) cpSync(from, path.join(root, entry), { recursive: true });
  }
  symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  return root;
}

export function removeTempRoot(root: string): void {
  if (root.startsWith(tmpdir())) rmSync(root, { recursive: true, force: true });
}

/** The CLI of a temp root, run as `node --import tsx src/cli/main.ts ...` (one process: a kill reaches the builder). */
export function cliArgs(args: string[]): string[] {
  return ["--import", "tsx", "src/cli/main.ts", ...args];
}

export function runCliIn(root: string, args: string[], timeout = 240_000): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, cliArgs(args), { cwd: root, env: { ...process.env, WIRE_ARCHIVE_ROOT: root }, encoding: "utf8", timeout });
  // A run killed by the timeout has no status: say so in stderr, where a failing test shows it.
  const killed = r.status === null ? `\n[runCliIn: ${r.signal ?? "no exit status"}${r.error ? `, ${r.error.message}` : ""}]` : "";
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr + killed };
}

export function spawnCliIn(root: string, args: string[]): ChildProcess & { output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, cliArgs(args), { cwd: root, env: { ...process.env, WIRE_ARCHIVE_ROOT: root }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return Object.assign(child, { output: () => output, exited });
}

/** The report files of a reports folder, sorted: not the permalink ledger a build writes beside them. */
export function reportNames(seedsDir: string): string[] {
  return readdirSync(seedsDir).filter((name) => !name.startsWith(".")).sort();
}

/** Every file under `dir` (relative path -> sha256 of its bytes); empty when dir does not exist. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, abs).split(path.sep).join("/")] = createHash("sha256").update(readFileSync(abs)).digest("hex");
  }
  return out;
}
