/** Once a report's date is known, its embedded-timeline labels without a year get one (`9 Sep` -> 2013-09-09). */
import { resolveTimelineLabel } from "../parse/timeline-labels.ts";
import type { ArticleRecord } from "../record/schema.ts";

export function resolveTimelineEntries(record: ArticleRecord): void {
  const anchor = record.published?.date;
  for (const block of record.body) {
    if (block.type !== "timeline") continue;
    for (const entry of block.entries) {
      if (entry.start) continue;
      const { start, end } = resolveTimelineLabel(entry.label, anchor);
      if (start) entry.start = start;
      if (end) entry.end = end;
    }
  }
}
