/** Arranges body blocks for rendering: consecutive list items become one list; every block keeps its index. */
import type { Block, TextBlock } from "../record/schema.ts";

export type BlockGroup =
  | { kind: "single"; index: number; block: Block }
  | { kind: "list"; items: Array<{ index: number; block: TextBlock }> };

/** Indexes are positions in `record.body`, so anchors `#b<index>` stay stable whatever the grouping. */
export function groupBlocks(body: readonly Block[] | null | undefined): BlockGroup[] {
  const groups: BlockGroup[] = [];
  (body ?? []).forEach((block, index) => {
    if (block.type === "list-item") {
      const last = groups.at(-1);
      if (last?.kind === "list") last.items.push({ index, block });
      else groups.push({ kind: "list", items: [{ index, block }] });
      return;
    }
    groups.push({ kind: "single", index, block });
  });
  return groups;
}

/** The text a listing shows under a headline: the standfirst, else the lead paragraph cut to `maxWords`. */
export function summaryOf(
  record: { standfirst?: string; body: readonly Block[] },
  maxWords = 45,
): string {
  if (record.standfirst) return record.standfirst;
  const lead = record.body.find((b) => b.type === "paragraph");
  if (!lead) return "";
  const words = lead.text.split(/\s+/).filter(Boolean);
  return words.length <= maxWords ? words.join(" ") : `${words.slice(0, maxWords).join(" ")}…`;
}
