/**
 * A record's body as standalone HTML and as plain text, for formats that carry the article itself
 * (Atom content, JSON Feed content_html, ninjs bodies). Report text is untrusted: everything is escaped.
 */
import type { ArticleRecord, Block } from "../record/schema.ts";
import { groupBlocks } from "../site/blocks.ts";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML and XML alike (both know these five references). */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export function bodyHtml(record: Pick<ArticleRecord, "body">): string {
  return groupBlocks(record.body)
    .map((group) => {
      if (group.kind === "list") return `<ul>${group.items.map((i) => `<li>${escapeMarkup(i.block.text)}</li>`).join("")}</ul>`;
      return blockHtml(group.block);
    })
    .join("\n");
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case "heading":
      return `<h2>${escapeMarkup(block.text)}</h2>`;
    case "quote":
      return `<blockquote><p>${escapeMarkup(block.text)}</p></blockquote>`;
    case "timeline": {
      const entries = block.entries.map((e) => `<li><strong>${escapeMarkup(e.label)}</strong> ${escapeMarkup(e.text)}</li>`);
      return `<section><h2>${escapeMarkup(block.title || "Timeline")}</h2><ol>${entries.join("")}</ol></section>`;
    }
    default:
      return `<p>${escapeMarkup(block.text)}</p>`;
  }
}

/** Blocks separated by blank lines; a timeline as its title then one "label: text" line per entry. */
export function bodyText(record: Pick<ArticleRecord, "body">): string {
  return record.body
    .map((block) =>
      block.type === "timeline"
        ? [block.title || "Timeline", ...block.entries.map((e) => `${e.label}: ${e.text}`)].join("\n")
        : block.text,
    )
    .join("\n\n");
}
