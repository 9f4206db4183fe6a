/** Types for shard-search.js (plain JavaScript so the search page can load it unchanged). */
import type { ShardsManifest } from "./shard-manifest.ts";

export interface ShardMergeTarget {
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
}

export interface SortRanks {
  [key: string]: { order: string[]; collisions: Record<string, number> };
}

export function mergeShards(pagefind: ShardMergeTarget, manifest: ShardsManifest, bundleUrl: string, options?: Record<string, unknown>): Promise<void>;

export function withGlobalSort<
  O extends { sort?: Record<string, string> },
  R extends { results: Array<{ id: string; score: number; data(): Promise<{ url: string; raw_url?: string }> }> },
>(search: (term: string | null, options?: O) => Promise<R | null>, loadRanks: () => Promise<SortRanks | undefined | null>): (term: string | null, options?: O) => Promise<R | null>;
