/**
 * A Markdown report's block structure, from markdown-it's token line maps: which lines form one
 * paragraph, heading, list item, quote or code block. The parser then keeps Markdown's own
 * paragraphing instead of guessing it from line shapes.
 */
import type MarkdownIt from "markdown-it";
import { loadOnFirstUse } from "../util/load-on-first-use.ts";
import type { Line, MarkdownBlock } from "./types.ts";

// Only the block structure is read (token types and line maps): inline parsing, the larger part of
// markdown-it's work, is switched off (text_join only tidies inline tokens). Loaded for the first
// Markdown report: most archives have none.
const markdown = loadOnFirstUse("markdown-it", (Markdown: typeof MarkdownIt) => new Markdown("commonmark").disable(["inline", "text_join"]));

/** Block-level token -> the tag the parser understands. Containers (lists, quotes) tag their leaves. */
const LEAF: Record<string, string> = { paragraph_open: "p", heading_open: "h", code_block: "pre", fence: "pre", hr: "hr", html_block: "p" };

export function markdownBlocks(lines: Line[]): MarkdownBlock[] {
  if (!lines.length) return [];
  const first = lines[0].n;
  const tokens = markdown().parse(lines.map((l) => l.text).join("\n"), {});
  const blocks: MarkdownBlock[] = [];
  const containers: string[] = [];
  for (const token of tokens) {
    if (token.type === "blockquote_open") containers.push("blockquote");
    else if (token.type === "list_item_open") containers.push("li");
    else if (token.type === "blockquote_close" || token.type === "list_item_close") containers.pop();
    const leaf = LEAF[token.type];
    if (!leaf || !token.map) continue;
    const [from, to] = token.map;
    const tag = leaf === "h" ? token.tag : (containers.at(-1) ?? leaf);
    const numbers = [];
    for (let i = from; i < to; i++) numbers.push(first + i);
    blocks.push({ lines: numbers, tag });
  }
  return blocks;
}

/** The text of a Markdown line without its block markers (`## `, `> `, `- `, `1. `); words untouched. */
export function stripBlockMarkers(text: string): string {
  return text
    .replace(/^\s{0,3}(?:>\s?)+/, "")
    .replace(/^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+\s*)?$/, "$1")
    .replace(/^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+/, "");
}
