/** The order in which an event's accounts are taken: the one published first, first. */

export interface PublishedAccount {
  /** The report's date (`YYYY-MM-DD`); empty or missing when undated. */
  published?: string;
  articleId: string;
  blockIndex: number;
}

/** Earliest publication first, undated last; then by report and block, so ties are stable. */
export function byPublication(a: PublishedAccount, b: PublishedAccount): number {
  const [x, y] = [a.published || "", b.published || ""];
  if (x !== y) return !x ? 1 : !y ? -1 : x < y ? -1 : 1;
  return a.articleId.localeCompare(b.articleId) || a.blockIndex - b.blockIndex;
}
