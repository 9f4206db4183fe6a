/**
 * The pages that grow with the archive (one per report, per entity report-list page, per timeline
 * part, per story, per page of the home, a source's or a month's report list and of the stories index)
 * split into runs of at most `pagesPerRun`. Eleventy keeps every page of a run in memory (a clone of
 * its template, its data, its output) until the run ends, so one run over a 10,000-report archive
 * held about 3 GB; runs of 2,000 pages, with a garbage collection between runs (collect-garbage.ts),
 * kept its render under 1.1 GB, and runs of 1,500 pages at 855 MB (1,000: 927 MB; no slower, as far
 * as a busy machine could tell).
 * The first run also renders every other page (the entity and source indexes, feeds, search...).
 */
import type { Archive } from "../archive/types.ts";
import type { ArticleRecord } from "../record/schema.ts";
import type { PublishIndex } from "../export/archive-index.ts";
import { storyPath } from "../stories/story-view.ts";
import { articleUrl } from "./page-keys.ts";
import { entityPagesOf } from "./stories-plugin.ts";
import { timelineModel } from "./timeline-plugin.ts";

/** A run's share of the growing lists, as templates read it (global `renderBatch`). */
export interface RenderBatch {
  /** 0 for the run that renders every other page too. */
  index: number;
  records: ArticleRecord[];
  entityPages: unknown[];
  timelinePages: unknown[];
  storyPages: unknown[];
  sourcePages: unknown[];
  monthPages: unknown[];
  homePages: unknown[];
  storyListPages: unknown[];
}

const emptyBatch = (index: number): RenderBatch => ({
  index,
  records: [],
  entityPages: [],
  timelinePages: [],
  storyPages: [],
  sourcePages: [],
  monthPages: [],
  homePages: [],
  storyListPages: [],
});

export const PAGES_PER_RUN = 1500;

/**
 * The runs, without the pages in `keep` (URLs of pages kept from the previous build, reuse-pages.ts).
 */
export function planRenderBatches(
  archive: Archive,
  publish: Pick<PublishIndex, "sourcePages" | "monthPages" | "homePages" | "storyPages">,
  pagesPerRun = PAGES_PER_RUN,
  keep: ReadonlySet<string> = new Set(),
  recordOrder?: (a: ArticleRecord, b: ArticleRecord) => number,
): RenderBatch[] {
  const records = archive.records.filter((r) => !keep.has(articleUrl(r)));
  const lists = {
    // The order pages are rendered in changes no page; the search step may ask for its own.
    records: (recordOrder ? records.sort(recordOrder) : records) as unknown[],
    entityPages: entityPagesOf(archive).filter((p) => !keep.has(p.path)) as unknown[],
    timelinePages: timelineModel(archive).pages.filter((p) => !keep.has(p.url)) as unknown[],
    storyPages: (archive.stories ?? []).filter((story) => !keep.has(storyPath(story))) as unknown[],
    sourcePages: publish.sourcePages.filter((p) => !keep.has(p.path)) as unknown[],
    monthPages: publish.monthPages.filter((p) => !keep.has(p.path)) as unknown[],
    homePages: publish.homePages.filter((p) => !keep.has(p.path)) as unknown[],
    storyListPages: publish.storyPages.filter((p) => !keep.has(p.path)) as unknown[],
  };
  const size = Math.max(1, Math.floor(pagesPerRun));
  const batches: RenderBatch[] = [];
  let current: RenderBatch | undefined;
  let room = 0;
  for (const [key, items] of Object.entries(lists) as Array<[keyof typeof lists, unknown[]]>) {
    for (let at = 0; at < items.length; ) {
      if (!current || room === 0) {
        current = emptyBatch(batches.length);
        batches.push(current);
        room = size;
      }
      const take = items.slice(at, at + room);
      (current[key] as unknown[]).push(...take);
      at += take.length;
      room -= take.length;
    }
  }
  return batches.length ? batches : [emptyBatch(0)];
}
