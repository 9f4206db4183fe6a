/** Newest first by date and time; undated reports last; ties by headline so the order is stable. */
import type { ArticleRecord } from "../record/schema.ts";

const key = (r: ArticleRecord) => (r.published ? `${r.published.date}T${r.published.time ?? "00:00"}` : "");

export function sortNewestFirst(records: ArticleRecord[]): ArticleRecord[] {
  return [...records].sort((a, b) => key(b).localeCompare(key(a)) || a.headline.localeCompare(b.headline) || a.id.localeCompare(b.id));
}
