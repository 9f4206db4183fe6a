/**
 * Incremental rendering: which of the previous build's pages can be kept as they are. The previous
 * build leaves a manifest (each growing page's URL, key and file); a page whose key is unchanged under
 * the same render version is not rendered again: its file is hard-linked from the previous site into
 * the new one (nothing ever writes into a linked file, so the previous site stays whole until the swap).
 */
import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, rmdirSync, unlinkSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { writeWhole } from "../build/write-whole.ts";
import type { PageKeys } from "./page-keys.ts";

const FORMAT = 1;

export interface RenderManifest {
  format: number;
  /** renderVersion(): code, templates and site settings. */
  version: string;
  /** URL -> the page's key and its file, relative to the site folder. */
  pages: Record<string, { key: string; file: string }>;
  /** This build's id: the site, once a later build replaces it and it becomes the spare, is known by it. */
  build?: string;
  /** The build whose site this one linked its kept files from (`previous`), when there was one. */
  base?: string;
  /** Files of pages and record copies this build wrote (relative): every other one is a link of `base`'s. */
  fresh?: string[];
}

/** The previous build's site and what it rendered. */
export interface PreviousRender {
  dir: string;
  manifest: RenderManifest;
}

/** URL -> file (relative) of each page to keep from the previous site. */
export function reusablePages(keys: PageKeys, version: string, previous: PreviousRender | undefined): Map<string, string> {
  const reuse = new Map<string, string>();
  if (!previous || previous.manifest.format !== FORMAT || previous.manifest.version !== version) return reuse;
  for (const [url, key] of keys) {
    const before = previous.manifest.pages[url];
    if (before?.key === key && existsSync(path.join(previous.dir, before.file))) reuse.set(url, before.file);
  }
  return reuse;
}

/**
 * Hard-links `files` (relative paths) from the previous site into `outDir`; returns those the previous
 * site lacks (the caller writes them afresh). `outDir` may be a recycled site (swap-output.ts) that
 * already holds a file there: the same file (inode) as the previous site's is left as it is, any other
 * is replaced by the link. So a rebuild that keeps most pages makes neither folders nor links for them.
 * `linkedAlready` names files known to be that same file without looking (`sameFilesInSpare`).
 */
export function linkFromPrevious(files: Iterable<string>, fromDir: string, outDir: string, linkedAlready?: (file: string) => boolean): string[] {
  const made = new Set<string>();
  const missing: string[] = [];
  for (const file of files) {
    if (linkedAlready?.(file)) continue;
    const from = path.join(fromDir, file);
    const to = path.join(outDir, file);
    const there = lstatSync(to, { throwIfNoEntry: false });
    if (there) {
      const source = lstatSync(from, { throwIfNoEntry: false });
      if (source && source.ino === there.ino && source.dev === there.dev) continue;
      // Another file (an older version): replaced by unlinking, never written into.
      unlinkSync(to);
      if (!source) {
        missing.push(file);
        continue;
      }
    }
    const dir = path.dirname(to);
    if (!there && !made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    // No stat of the source first (on a fresh folder): a file the previous site lacks fails with ENOENT.
    try {
      linkSync(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      missing.push(file);
    }
  }
  return missing;
}

/**
 * Empties a recycled site folder of everything but `keep` (relative paths, forward slashes): `files`
 * is what the folder holds (list-tree.ts), less the search index's folder, which its own step sorts
 * out. What is left are the files a build keeps, and every file it writes is then a new one (never
 * one the live site shares). Folders left empty are removed. Returns how many files were removed.
 */
export function pruneExcept(dir: string, files: readonly string[], keep: ReadonlySet<string>): number {
  const emptied = new Set<string>();
  let removed = 0;
  for (const rel of files) {
    if (keep.has(rel)) continue;
    const file = path.join(dir, rel);
    unlinkSync(file);
    emptied.add(path.dirname(file));
    removed++;
  }
  // Deepest first; a folder still holding something stays.
  for (const d of [...emptied].sort((a, b) => b.length - a.length)) removeEmptyUpTo(d, dir);
  return removed;
}

/** Removes `from` and then each parent below `root` while they are empty. */
function removeEmptyUpTo(from: string, root: string): void {
  for (let d = from; d.length > root.length && d.startsWith(root); d = path.dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
  }
}

export function manifestOf(version: string, keys: PageKeys, files: ReadonlyMap<string, string>, lineage: Pick<RenderManifest, "build" | "base" | "fresh"> = {}): RenderManifest {
  const pages: RenderManifest["pages"] = {};
  for (const [url, key] of keys) {
    const file = files.get(url);
    if (file) pages[url] = { key, file };
  }
  return { format: FORMAT, version, pages, ...lineage };
}

/**
 * Which kept files a recycled site (the spare, `spareBuild` its build) already holds as the very file
 * the live site has, so that linking them needs no look at either: the live site's build (`live`)
 * linked every file it did not write afresh from the spare's site, if that was its base. Files the
 * spare does not hold (`inSpare`, its listing) are never among them. Undefined when it cannot tell.
 */
export function sameFilesInSpare(live: RenderManifest, spareBuild: string | undefined, inSpare: ReadonlySet<string>): ((file: string) => boolean) | undefined {
  if (!spareBuild || live.base !== spareBuild || !live.fresh) return undefined;
  const fresh = new Set(live.fresh);
  return (file) => !fresh.has(file) && inSpare.has(file);
}

/** The manifest at `file`, or undefined when missing or unreadable (the next build then renders everything). */
export function readRenderManifest(file: string): RenderManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, "utf8")) as RenderManifest;
    return manifest?.format === FORMAT && manifest.pages ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Written whole: a killed build leaves the old manifest or none, never half of one. */
export async function writeRenderManifest(file: string, manifest: RenderManifest): Promise<void> {
  await writeWhole(file, JSON.stringify(manifest));
}

export async function removeRenderManifest(file: string): Promise<void> {
  await rm(file, { force: true });
}
