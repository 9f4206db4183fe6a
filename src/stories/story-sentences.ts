/** The sentences of a report's body, each with the block it sits in (for `#b<index>` links). */
import { splitSentences } from "../dates/sentences.ts";
import type { ArticleRecord } from "../record/schema.ts";
import type { StorySentence } from "./types.ts";

/** Prose only: paragraphs, quotes and list items; headings and embedded timelines state no claims here. */
export function storySentences(record: ArticleRecord): StorySentence[] {
  const out: StorySentence[] = [];
  record.body.forEach((block, blockIndex) => {
    if (block.type === "heading" || block.type === "timeline") return;
    for (const s of splitSentences(block.text)) {
      const previous = out.at(-1);
      // The splitter can cut a closing quote mark off its sentence (`...point.` + `"`): glue it back.
      if (previous && previous.blockIndex === blockIndex && !/[\p{L}\p{N}]/u.test(s.text)) previous.text += s.text;
      else out.push({ articleId: record.id, blockIndex, text: s.text });
    }
  });
  return out;
}
