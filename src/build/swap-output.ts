/**
 * Safe output: a build writes into a fresh staging folder beside the site and swaps it in only when
 * everything succeeded. The previous site is renamed aside, the new one renamed in, the old one
 * deleted; if a kill lands between the two renames, the next build restores the previous site.
 * Deleting the old site (54,000 files at 10,000 reports: seconds) is no part of the swap: it is moved
 * into a trash folder and deleted there by a detached process, while the command returns.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

const STAGING = ".staging-";
const PREVIOUS = ".previous-";

export function stagingDirFor(outDir: string): string {
  return `${outDir}${STAGING}${process.pid}-${Date.now()}`;
}

/** Removes leftovers of killed builds and puts back a site a kill left renamed aside. */
export function recoverOutput(outDir: string): void {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  if (!existsSync(parent)) return;
  const leftovers = readdirSync(parent).filter((n) => n.startsWith(base + STAGING) || n.startsWith(base + PREVIOUS));
  const previous = leftovers.filter((n) => n.startsWith(base + PREVIOUS)).sort().at(-1);
  if (previous && !existsSync(outDir)) renameSync(path.join(parent, previous), outDir);
  for (const n of leftovers) rmSync(path.join(parent, n), { recursive: true, force: true });
}

/** `trashDir`: where the previous site goes to be deleted in the background; without one it is deleted here. */
export function swapIn(stagingDir: string, outDir: string, trashDir?: string): void {
  const previous = `${outDir}${PREVIOUS}${process.pid}`;
  const hadSite = existsSync(outDir);
  if (hadSite) renameSync(outDir, previous);
  renameSync(stagingDir, outDir);
  if (hadSite) discard(previous, trashDir);
}

/** Moves `dir` into `trashDir` and empties the trash in the background; deletes `dir` at once when it cannot be moved there. */
function discard(dir: string, trashDir: string | undefined): void {
  if (trashDir) {
    try {
      mkdirSync(trashDir, { recursive: true });
      renameSync(dir, path.join(trashDir, `${path.basename(dir)}-${Date.now()}`));
      emptyTrash(trashDir);
      return;
    } catch {
      // Another file system (EXDEV) or no room for the folder: delete it here after all.
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Deletes everything in `trashDir` in a detached process that outlives this one; what it leaves (it was
 * killed) the next call deletes. Two such processes on one folder only race to delete the same files.
 */
export function emptyTrash(trashDir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(trashDir);
  } catch {
    return;
  }
  if (entries.length === 0) return;
  const script = "for (const d of process.argv.slice(1)) { try { require('fs').rmSync(d, { recursive: true, force: true }); } catch {} }";
  const child = spawn(process.execPath, ["-e", script, ...entries.map((e) => path.join(trashDir, e))], { detached: true, stdio: "ignore" });
  child.on("error", () => {});
  child.unref();
}
