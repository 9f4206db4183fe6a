/**
 * Safe output: a build writes into a fresh staging folder beside the site and swaps it in only when
 * everything succeeded. The previous site is renamed aside, the new one renamed in, the old one
 * deleted; if a kill lands between the two renames, the next build restores the previous site.
 */
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
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

export function swapIn(stagingDir: string, outDir: string): void {
  const previous = `${outDir}${PREVIOUS}${process.pid}`;
  const hadSite = existsSync(outDir);
  if (hadSite) renameSync(outDir, previous);
  renameSync(stagingDir, outDir);
  if (hadSite) rmSync(previous, { recursive: true, force: true });
}
