/**
 * Eleventy plugin for the timeline: the model whose pages layouts/pages/timeline.njk paginates (via
 * render-batches.ts, one output page per item), and the filters article pages use to mark dated sentences.
 */
import type { UserConfig } from "@11ty/eleventy";
import type { Archive } from "../archive/types.ts";
import { memoForArchive } from "./archive-memo.ts";
import { buildTimelineModel, segmentText, type TimelineModel, type TimelineRef } from "./timeline-page.ts";

type TimelineArchive = Pick<Archive, "records" | "timeline" | "generatedAt">;

/** Built once per build (archive-memo): every article page asks for its marks. */
export function timelineModel(archive: TimelineArchive | null | undefined): TimelineModel {
  if (!archive?.records) return buildTimelineModel({ records: [], timeline: { events: [] } });
  return memoForArchive(archive, "timeline-model", () => buildTimelineModel(archive));
}

export default function timelinePlugin(config: UserConfig): void {
  /** The marks for one body block: `archive | timelineRefs(record.id, index)`. */
  config.addFilter("timelineRefs", (archive: TimelineArchive, articleId: string, blockIndex: number): TimelineRef[] =>
    timelineModel(archive).refs.get(articleId)?.get(blockIndex) ?? [],
  );
  /** A block's text cut after each marked sentence: `block.text | timelineSegments(refs)`. */
  config.addFilter("timelineSegments", segmentText);
  /** The marks whose quote is this timeline entry's text. */
  config.addFilter("timelineEntryRefs", (refs: TimelineRef[] | null | undefined, text: string): TimelineRef[] =>
    (refs ?? []).filter((r) => r.quote === text),
  );
}
