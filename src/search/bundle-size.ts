/**
 * Size of a Pagefind bundle on disk, split by what each file is for: the index proper (what grows with
 * the archive), the search runtime (fixed: JS + WebAssembly) and the UI scripts and styles (fixed).
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { SHARD_DIR, SHARD_SEARCH_FILE, SHARDS_FILE, SORT_RANKS_FILE } from "./shard-manifest.ts";

export interface BundleSize {
  files: number;
  totalBytes: number;
  /** Words, filters, metadata and page fragments: grows with the archive. */
  indexBytes: number;
  /** pagefind.js, its worker and the WebAssembly search core. */
  runtimeBytes: number;
  /** Component/default/modular UI, highlight script and their CSS. */
  uiBytes: number;
}

export type BundlePart = "index" | "runtime" | "ui";

/**
 * What a bundle file (path relative to the bundle folder, forward slashes) is for. Index shards
 * (shard-K/) and the shard lists are index; the shared shard search code is runtime.
 */
export function bundlePart(relPath: string): BundlePart {
  const rel = relPath.replace(SHARD_DIR, "");
  if (/^(fragment|index|filter)\//.test(rel) || rel.endsWith(".pf_meta") || rel === "pagefind-entry.json") return "index";
  if (rel !== relPath || [SHARDS_FILE, SORT_RANKS_FILE, "shard-pages.json"].includes(rel)) return "index";
  if (rel === "pagefind.js" || rel === "pagefind-worker.js" || rel === SHARD_SEARCH_FILE || rel.endsWith(".pagefind")) return "runtime";
  return "ui";
}

/**
 * Every file under `dir`, as paths relative to it with forward slashes. Read synchronously: Node 20's
 * recursive `readdir` promise is about seven times slower on a site of 80,000 files (2 s against 0.3 s).
 */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** `files`: the bundle's files (relative to it) when already listed. */
export function summariseBundle(bundleDir: string, files: readonly string[] = listFiles(bundleDir)): BundleSize {
  const size: BundleSize = { files: 0, totalBytes: 0, indexBytes: 0, runtimeBytes: 0, uiBytes: 0 };
  for (const rel of files) {
    const bytes = statSync(path.join(bundleDir, rel)).size;
    size.files++;
    size.totalBytes += bytes;
    size[`${bundlePart(rel)}Bytes`] += bytes;
  }
  return size;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}
