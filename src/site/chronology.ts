/**
 * The archive in date order for the timeline page: each dated report, plus each dated entry of the
 * timelines embedded in reports (linking to the block that holds it). Undated items are kept, last.
 */
import type { ArticleRecord } from "../record/schema.ts";
import { articlePath, blockAnchor } from "./links.ts";

export interface ChronologyItem {
  kind: "report" | "event";
  /** For events: the label as printed ("5-6 Sep"). */
  label?: string;
  text: string;
  href: string;
  source: string;
}

export interface ChronologyDay {
  /** ISO date, or null for the undated group. */
  date: string | null;
  items: ChronologyItem[];
}

export function chronology(records: readonly ArticleRecord[] | null | undefined): ChronologyDay[] {
  const dated: Array<{ date: string | null; item: ChronologyItem }> = [];
  for (const record of records ?? []) {
    const href = articlePath(record);
    dated.push({
      date: record.published?.date ?? null,
      item: { kind: "report", text: record.headline, href, source: record.source.name },
    });
    record.body.forEach((block, index) => {
      if (block.type !== "timeline") return;
      for (const entry of block.entries) {
        dated.push({
          date: entry.start ?? null,
          item: {
            kind: "event",
            label: entry.label,
            text: entry.text,
            href: `${href}#${blockAnchor(index)}`,
            source: record.source.name,
          },
        });
      }
    });
  }
  const byDate = new Map<string | null, ChronologyItem[]>();
  for (const { date, item } of dated) {
    const items = byDate.get(date) ?? [];
    items.push(item);
    byDate.set(date, items);
  }
  const days = [...byDate.entries()].map(([date, items]) => ({
    date,
    // Events of a day read before the reports that covered them.
    items: items.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "event" ? -1 : 1)),
  }));
  return days.sort((a, b) => {
    if (a.date === b.date) return 0;
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  });
}
