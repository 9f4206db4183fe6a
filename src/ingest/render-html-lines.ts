/**
 * Render an HTML page's body to text lines, one block element a line (p, h1-h6, li, blockquote,
 * figcaption, td...), as a reader sees them. Script, style, template, noscript, svg and other
 * active or invisible content is skipped, and markup never reaches the text: only text nodes are read.
 * Also reports which text nodes made each line, so callers can tell which lines a later DOM pass keeps.
 */
import type { Line } from "./types.ts";

/** Elements whose content is never page text. */
const SKIPPED = new Set([
  "script", "style", "template", "noscript", "svg", "iframe", "object", "embed", "canvas",
  "textarea", "head", "title", "meta", "link", "audio", "video", "source", "track", "map",
]);

/** Elements that start and end a line of their own. */
export const BLOCKS: ReadonlySet<string> = new Set([
  "address", "article", "aside", "blockquote", "body", "button", "caption", "center", "dd", "details",
  "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
  "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "label", "legend", "li", "main", "menu", "nav",
  "ol", "optgroup", "option", "p", "pre", "section", "select", "summary", "table", "tbody", "td", "tfoot",
  "th", "thead", "tr", "ul",
]);

/** Which element names a line: an enclosing heading, caption, quote or list item says more than an inner p. */
const TAG_PRIORITY = ["h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote", "li", "dt", "dd", "caption"];

export interface RenderedLines {
  lines: Line[];
  /** Element name each line came from. */
  tags: Map<number, string>;
  /** Every non-blank text node and the line it went into. */
  textNodes: Array<{ node: Node; line: number; chars: number }>;
  /** Characters each line got from its text nodes (for majority votes over partial lines). */
  lineChars: Map<number, number>;
  /** Skipped elements and comments: callers may remove them to lighten later DOM passes. */
  dead: Node[];
  /** Element count and deepest nesting seen: later DOM passes can refuse pathological pages. */
  elements: number;
  maxDepth: number;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const COMMENT_NODE = 8;

export function renderHtmlLines(root: Node): RenderedLines {
  const lines: Line[] = [];
  const tags = new Map<number, string>();
  const textNodes: RenderedLines["textNodes"] = [];
  const lineChars = new Map<number, number>();
  const dead: Node[] = [];

  let pieces: string[] = [];
  let pending: Array<{ node: Node; chars: number }> = [];
  const blockStack: string[] = [];

  const flush = () => {
    if (pieces.length === 0) return;
    const text = pieces.join("").replace(/\s+/g, " ").trim();
    if (text) {
      const n = lines.length + 1;
      lines.push({ n, text });
      tags.set(n, lineTag(blockStack));
      let chars = 0;
      for (const p of pending) {
        textNodes.push({ node: p.node, line: n, chars: p.chars });
        chars += p.chars;
      }
      lineChars.set(n, chars);
    }
    pieces = [];
    pending = [];
  };

  // Iterative walk: deeply nested pages must not overflow the stack.
  type Frame = { node: Node; exit: boolean; depth: number };
  const stack: Frame[] = [{ node: root, exit: false, depth: 0 }];
  let elements = 0;
  let maxDepth = 0;
  let depth = 0;
  let preDepth = 0;
  while (stack.length) {
    const frame = stack.pop()!;
    const { node, exit } = frame;
    depth = frame.depth;
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? "";
      if (!/\S/.test(value)) {
        if (preDepth && value.includes("\n")) flushPreBreaks(value);
        else if (value) pieces.push(" ");
        continue;
      }
      if (preDepth && value.includes("\n")) {
        // Inside <pre>, newlines are line breaks; the node counts toward the line of its first text.
        const parts = value.split("\n");
        parts.forEach((part, i) => {
          if (i > 0) flush();
          if (part) {
            pieces.push(part);
            if (/\S/.test(part) && !pending.some((p) => p.node === node)) pending.push({ node, chars: value.trim().length });
          }
        });
        continue;
      }
      pieces.push(value);
      pending.push({ node, chars: value.trim().length });
      continue;
    }
    if (node.nodeType === COMMENT_NODE) {
      dead.push(node);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) {
      pushChildren(node);
      continue;
    }
    const tag = (node as Element).localName?.toLowerCase() ?? "";
    if (!exit) {
      elements++;
      if (depth > maxDepth) maxDepth = depth;
    }
    if (exit) {
      if (tag === "pre") preDepth--;
      flush();
      blockStack.pop();
      continue;
    }
    if (SKIPPED.has(tag)) {
      if (tag !== "title") dead.push(node);
      continue;
    }
    if (tag === "br") {
      flush();
      continue;
    }
    if (tag === "img" || tag === "input") continue;
    if (BLOCKS.has(tag)) {
      flush();
      blockStack.push(tag);
      if (tag === "pre") preDepth++;
      stack.push({ node, exit: true, depth });
    }
    pushChildren(node);
  }
  flush();
  return { lines, tags, textNodes, lineChars, dead, elements, maxDepth };

  function pushChildren(node: Node) {
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], exit: false, depth: depth + 1 });
  }

  function flushPreBreaks(value: string) {
    const breaks = value.split("\n").length - 1;
    for (let i = 0; i < breaks; i++) flush();
  }
}

function lineTag(blockStack: string[]): string {
  for (const t of TAG_PRIORITY) if (blockStack.includes(t)) return t;
  return blockStack[blockStack.length - 1] ?? "body";
}
