/**
 * The date inference's outcomes kept between builds (infer-published.ts `InferenceMemo`), one JSON
 * file a code version under the build cache, written whole (2.8 MB at 10,000 reports). With it, a build that only adds dated
 * reports skips the inverted index of every dated report's words. Safe to delete.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { replaceCacheFile } from "./cache-lines.ts";
import type { InferenceMemo, StoredInferences } from "./infer-published.ts";
import { codeVersion, PARSER_INPUTS } from "./parse-cache.ts";

export interface DatesCache extends InferenceMemo {
  /** Writes what this build kept (nothing when inference did not run). */
  save(): Promise<void>;
}

const PREFIX = "dates-";
/** The code inference's outcomes depend on (tests/archive/cache-versions.test.ts checks its imports are in here). */
export const DATES_INPUTS = [...PARSER_INPUTS, "archive/infer-published.ts", "archive/rare-words.ts", "archive/similarity.ts", "dates", "util"];

export async function openDatesCache(cacheDir: string): Promise<DatesCache> {
  const name = `${PREFIX}${codeVersion(DATES_INPUTS)}.json`;
  const previous = await readFile(path.join(cacheDir, name), "utf8")
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => undefined);
  let next: StoredInferences | undefined;
  return {
    previous: isStored(previous) ? previous : undefined,
    keep: (kept) => void (next = kept),
    save: async () => {
      if (next) await replaceCacheFile(cacheDir, name, PREFIX, JSON.stringify(next));
      next = undefined;
    },
  };
}

/** A file another version or a foreign hand wrote is no memo: the outcomes are worked out afresh. */
function isStored(value: unknown): value is StoredInferences {
  const v = value as StoredInferences | undefined;
  return !!v && Array.isArray(v.stated) && !!v.undated && typeof v.undated === "object" && Object.values(v.undated).every((o) => Array.isArray(o?.words?.rare) && Array.isArray(o.words.unseen));
}
