/**
 * Safe output: a build writes into a staging folder beside the site and swaps it in only when
 * everything succeeded. The previous site is renamed aside, the new one renamed in; if a kill lands
 * between the two renames, the next build restores the previous site.
 * The replaced site is kept as the spare, and the next build takes it as its staging folder: most of
 * its files are the ones that build keeps (hard links of the live site's), so it neither makes 20,000
 * folders and links again nor deletes the old ones (at 10,000 reports, seconds of an added report's
 * rebuild). What a build writes is always a new file (reuse-pages.ts pruneExcept), never one the live
 * site shares. Without a spare slot (no cache folder) the old site is deleted instead: moved into a
 * trash folder and deleted there by a detached process, while the command returns.
 */
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const STAGING = ".staging-";
const PREVIOUS = ".previous-";

/** Where a replaced site waits to be recycled, and where it goes to be deleted. */
export interface RetiredSites {
  /** The spare slot (one site); without it a replaced site is deleted. */
  spareDir?: string;
  /** Where sites are deleted in the background; without it they are deleted at once. */
  trashDir?: string;
}

export function stagingDirFor(outDir: string): string {
  return `${outDir}${STAGING}${process.pid}-${Date.now()}`;
}

/** A short name for an output folder, for what the build cache keeps per output folder. */
function outDirKey(outDir: string): string {
  return createHash("sha1").update(path.resolve(outDir)).digest("hex").slice(0, 12);
}

/** `<cacheDir>/<name>-<key of outDir><ext>`: what the build cache keeps for the site at `outDir`. */
export function outputCachePath(cacheDir: string, name: string, outDir: string, ext = ""): string {
  return path.join(cacheDir, `${name}-${outDirKey(outDir)}${ext}`);
}

/** The spare slot of the site at `outDir`, under the build cache. */
export function spareDirFor(cacheDir: string, outDir: string): string {
  return outputCachePath(cacheDir, "spare", outDir);
}

/**
 * Removes leftovers of killed builds (into the trash) and puts back a site a kill left renamed aside.
 * A leftover staging folder does not become the spare: what it holds is not known to be one build's.
 */
export function recoverOutput(outDir: string, retired: RetiredSites = {}): void {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  if (!existsSync(parent)) return;
  const leftovers = readdirSync(parent).filter((n) => n.startsWith(base + STAGING) || n.startsWith(base + PREVIOUS));
  const previous = leftovers.filter((n) => n.startsWith(base + PREVIOUS)).sort().at(-1);
  if (previous && !existsSync(outDir)) renameSync(path.join(parent, previous), outDir);
  for (const n of leftovers) if (existsSync(path.join(parent, n))) discard(path.join(parent, n), retired.trashDir);
}

/**
 * Takes the spare site as the staging folder of a build of `outDir` rendered with `version` (the render
 * version, page-keys.ts), with the build that made it when noted; false when there is none worth
 * taking. A spare is worth it beside a live site whose files the build keeps, and when it was rendered
 * by the same code: one rendered before a code change shares no file with today's, and emptying it
 * would cost more than a new folder.
 */
export function takeSpare(stagingDir: string, outDir: string, retired: RetiredSites, version: string): { build?: string } | false {
  const { spareDir } = retired;
  if (!spareDir || !existsSync(spareDir)) return false;
  const note = readSpareNote(spareDir);
  if (existsSync(outDir) && note.version === version) {
    try {
      renameSync(spareDir, stagingDir);
      return { build: note.build };
    } catch {
      // Another file system (EXDEV): the spare cannot serve here.
    }
  }
  discard(spareDir, retired.trashDir);
  return false;
}

/** What is known of the site a build replaces: the render version of its pages and the build that made it. */
export interface ReplacedSite {
  version?: string;
  build?: string;
}

/**
 * Puts the finished staging folder in place of the site; the site it replaces is retired (spare or
 * trash), noted with what is known of it.
 */
export function swapIn(stagingDir: string, outDir: string, retired: RetiredSites = {}, replaced: ReplacedSite = {}): void {
  const previous = `${outDir}${PREVIOUS}${process.pid}`;
  const hadSite = existsSync(outDir);
  if (hadSite) renameSync(outDir, previous);
  renameSync(stagingDir, outDir);
  if (hadSite) retire(previous, retired, replaced);
}

/**
 * The site a build replaced becomes the spare, in place of any older one (the newer shares more files
 * with the live site), with the render version of its pages (and its build) when known; deleted when
 * there is no slot.
 */
function retire(dir: string, retired: RetiredSites, { version, build }: ReplacedSite): void {
  const { spareDir } = retired;
  if (spareDir) {
    rmSync(versionFile(spareDir), { force: true });
    if (existsSync(spareDir)) discard(spareDir, retired.trashDir);
    try {
      mkdirSync(path.dirname(spareDir), { recursive: true });
      renameSync(dir, spareDir);
      if (version) writeFileSync(versionFile(spareDir), build ? `${version}\n${build}` : version);
      return;
    } catch {
      // Another file system (EXDEV): deleted below.
    }
  }
  discard(dir, retired.trashDir);
}

/** Beside the spare: the render version its pages were rendered with, and on a second line its build. */
function versionFile(spareDir: string): string {
  return `${spareDir}.version`;
}

function readSpareNote(spareDir: string): ReplacedSite {
  try {
    const [version, build] = readFileSync(versionFile(spareDir), "utf8").split("\n");
    return { version, build: build || undefined };
  } catch {
    return {};
  }
}

/** Moves `dir` into `trashDir` and empties the trash in the background; deletes `dir` at once when it cannot be moved there. */
export function discard(dir: string, trashDir: string | undefined): void {
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
