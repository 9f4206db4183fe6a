/**
 * Each story's comparison kept between builds: comparing a story's reports sentence by sentence is a
 * third of grouping's cost (a second at 10,000 reports), and an added report changes one story at
 * most. A comparison is a function of its reports alone, so it is found by the reports as they are
 * (every field, in the story's order) and this folder's code version.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { openLineCache } from "../archive/cache-lines.ts";
import { codeVersion } from "../archive/parse-cache.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { compareStory } from "./compare-story.ts";
import type { StoryComparison } from "./types.ts";

export interface ComparisonCache {
  /** compareStory(reports), or its stored result when the reports are the same. Fresh objects each call. */
  compare(reports: ArticleRecord[]): StoryComparison;
  /** Writes what this build added (or all it used), then lets the entries go. */
  save(): Promise<void>;
  readonly stats: { hits: number; misses: number };
}

const PREFIX = "story-comparisons-";
/** The code a comparison depends on (tests/archive/cache-versions.test.ts checks its imports are in here). */
export const COMPARISON_INPUTS = ["stories", "util", "dates/sentences.ts"];

export async function openComparisonCache(cacheDir: string): Promise<ComparisonCache> {
  const cache = await openLineCache(path.join(cacheDir, `${PREFIX}${codeVersion(COMPARISON_INPUTS)}.lines`), PREFIX);
  return {
    get stats() {
      return { hits: cache.stats.hits, misses: cache.stats.misses };
    },
    compare(reports) {
      const hash = createHash("sha1");
      for (const r of reports) hash.update(JSON.stringify(r)).update("\0");
      return cache.get(hash.digest("base64url"), () => compareStory(reports));
    },
    save: () => cache.save(),
  };
}
