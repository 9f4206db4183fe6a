/**
 * The search index's shard list (`pagefind/shards.json`), as clients read it: the terminal search,
 * the bundle size summary, the offline manifest and the bench. The search page reads the same file.
 * Shard 0 is the primary bundle in pagefind/ itself (runtime, UI and its index); shard k > 0 is an
 * index-only bundle in pagefind/shard-k/, merged into the primary at search time.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

/** The search index's folder in the site; no page may be written there. */
export const BUNDLE_DIR = "pagefind";
export const SHARDS_FILE = "shards.json";
/** Global ranks for sorted searches across shards (only written when there is more than one shard). */
export const SORT_RANKS_FILE = "sort-ranks.json";
/** The search code shared by the search page and the terminal, copied into the bundle. */
export const SHARD_SEARCH_FILE = "shard-search.js";

export interface ShardsManifest {
  scheme: number;
  shardCount: number;
  /** Folder of each shard relative to pagefind/, with a trailing slash; "" is the primary bundle. */
  bundles: string[];
  /** Pages in each shard. */
  pages: number[];
  /** File (relative to pagefind/) with global ranks for sorted searches; absent with one shard. */
  sortRanks?: string;
}

/** Folder of shard `k` inside pagefind/. */
export function shardBundle(k: number): string {
  return k === 0 ? "" : `shard-${k}/`;
}

/** Matches a path inside a non-primary shard folder (relative to pagefind/). */
export const SHARD_DIR = /^shard-\d+\//;

/** The shard list of a built bundle; a bundle without one (built before sharding) is a single shard. */
export async function readShards(bundleDir: string): Promise<ShardsManifest> {
  try {
    const manifest = JSON.parse(await readFile(path.join(bundleDir, SHARDS_FILE), "utf8")) as ShardsManifest;
    if (Array.isArray(manifest.bundles) && manifest.bundles.length) return manifest;
  } catch {
    // Not written (older build): one shard.
  }
  return { scheme: 0, shardCount: 1, bundles: [""], pages: [] };
}
