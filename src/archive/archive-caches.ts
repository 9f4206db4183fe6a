/**
 * The caches of the archive stage's slow steps, opened and saved together: the entity tagger's
 * answers, each report's entity facts, timeline events and story words, each story's comparison, the
 * date inference's outcomes. A build opens them before the archive stage, hands `options` to
 * buildArchive (and `dates` to prepareRecords), and saves them after.
 * Between the records' preparation and the steps, `prime` works out many missing entries in worker
 * threads.
 */
import { openEntityFactsCache } from "../entities/facts-cache.ts";
import { loadTagCache, saveTagCache } from "../entities/tag-cache.ts";
import { openComparisonCache } from "../stories/comparison-cache.ts";
import { openStoryWordsCache } from "../stories/words-cache.ts";
import { openEventCache } from "../timeline/event-cache.ts";
import type { BuildArchiveOptions } from "./build-archive.ts";
import { primeInWorkers, tagAheadAlongside, type ParallelOptions, type ParallelResult } from "./parallel-report-steps.ts";
import { openDatesCache, type DatesCache } from "./dates-cache.ts";
import type { ArticleRecord } from "../record/schema.ts";

export interface ArchiveCaches {
  options: Required<Omit<BuildArchiveOptions, "handOver" | "permalinks" | "dates" | "namesReady" | "whileMerging">>;
  /** The date inference's last outcomes, for `prepareRecords`. */
  dates: DatesCache;
  /** Computes the entries the records miss in worker threads, when there are many (a cold build). */
  prime(records: readonly ArticleRecord[], opts?: ParallelOptions): Promise<ParallelResult>;
  /** After `prime`: the names step's new tagger runs for a few reports, tagged in another thread meanwhile (see tagAheadAlongside). */
  tagAhead(records: readonly ArticleRecord[], opts?: ParallelOptions): Promise<number> | undefined;
  /** Writes what this build used and lets it go. */
  save(): Promise<void>;
}

export async function openArchiveCaches(cacheDir: string): Promise<ArchiveCaches> {
  const [, events, entityFacts, storyWords, comparisons, dates] = await Promise.all([
    loadTagCache(cacheDir),
    openEventCache(cacheDir),
    openEntityFactsCache(cacheDir),
    openStoryWordsCache(cacheDir),
    openComparisonCache(cacheDir),
    openDatesCache(cacheDir),
  ]);
  return {
    options: { extractEvents: events.get, eventsTextOf: events.text, entityFactsOf: entityFacts.get, storyWordsOf: storyWords.get, compareStory: comparisons.compare },
    dates,
    prime: (records, opts) => primeInWorkers(records, [events, entityFacts, storyWords], opts),
    tagAhead: (records, opts) => tagAheadAlongside(records, entityFacts, opts),
    save: async () => {
      await Promise.all([saveTagCache(cacheDir), events.save(), entityFacts.save(), storyWords.save(), comparisons.save(), dates.save()]);
    },
  };
}
