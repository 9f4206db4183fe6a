/**
 * Incremental rendering: which of the previous build's pages can be kept as they are. The previous
 * build leaves a manifest (each growing page's URL, key and file); a page whose key is unchanged under
 * the same render version is not rendered again: its file is hard-linked from the previous site into
 * the new one (nothing ever writes into a linked file, so the previous site stays whole until the swap).
 */
import { existsSync, linkSync, mkdirSync, readFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PageKeys } from "./page-keys.ts";

const FORMAT = 1;

export interface RenderManifest {
  format: number;
  /** renderVersion(): code, templates and site settings. */
  version: string;
  /** URL -> the page's key and its file, relative to the site folder. */
  pages: Record<string, { key: string; file: string }>;
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
 * site lacks (the caller writes them afresh).
 */
export function linkFromPrevious(files: Iterable<string>, fromDir: string, outDir: string): string[] {
  const made = new Set<string>();
  const missing: string[] = [];
  for (const file of files) {
    const to = path.join(outDir, file);
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    // No stat first: a file the previous site lacks fails to link with ENOENT.
    try {
      linkSync(path.join(fromDir, file), to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      missing.push(file);
    }
  }
  return missing;
}

export function manifestOf(version: string, keys: PageKeys, files: ReadonlyMap<string, string>): RenderManifest {
  const pages: RenderManifest["pages"] = {};
  for (const [url, key] of keys) {
    const file = files.get(url);
    if (file) pages[url] = { key, file };
  }
  return { format: FORMAT, version, pages };
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

/** Written to a temp name and renamed: a killed build leaves the old manifest or none, never half of one. */
export async function writeRenderManifest(file: string, manifest: RenderManifest): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(manifest));
  await rename(temp, file);
}

export async function removeRenderManifest(file: string): Promise<void> {
  await rm(file, { force: true });
}
