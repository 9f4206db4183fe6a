/**
 * Turns the article's content lines into ordered body blocks: paragraphs, headings, list items,
 * quotes and embedded timelines. Layout is repaired (glued sentences and headings split); words are
 * kept as printed.
 */
import type { Block, TimelineEntry } from "../record/schema.ts";
import { claim, type Draft } from "./draft.ts";
import type { LogicalLine } from "./logical-lines.ts";
import { splitGluedHeading, splitGluedSentences } from "./split-glued.ts";
import { endsSentence, isTitleLike, wordCount } from "./text-shape.ts";
import { TIMELINE_LABEL_AT_START, TIMELINE_LABEL_INSIDE, resolveTimelineLabel } from "./timeline-labels.ts";

const HEADING_MAX_WORDS = 12;

export function assembleBlocks(d: Draft, content: LogicalLine[]): void {
  for (const l of content) for (const n of l.lines) claim(d, n);
  const anchor = d.published?.date;
  for (let i = 0; i < content.length; i++) {
    const line = content[i];
    const tag = d.doc.lineTags?.get(line.lines[0]);
    if (TIMELINE_LABEL_AT_START.test(line.text)) {
      // A run of label lines is one timeline; a title-like line just before it is its title.
      let j = i;
      while (j + 1 < content.length && TIMELINE_LABEL_AT_START.test(content[j + 1].text)) j++;
      const entries = content.slice(i, j + 1).flatMap((l) => timelineEntries(d, l, anchor));
      if (entries.length >= 2) {
        const prev = d.body.at(-1);
        const titled = prev?.type === "heading" && prev.line === (content[i - 1]?.lines[0] ?? -1);
        if (titled) d.body.pop();
        d.body.push({
          type: "timeline",
          title: titled ? prev.text : "",
          text: [titled ? prev.text : "", ...entries.map((e) => `${e.label}: ${e.text}`)].filter(Boolean).join("\n"),
          entries,
          line: titled ? prev.line : entries[0].line,
          endLine: entries.at(-1)!.endLine ?? entries.at(-1)!.line,
        });
        i = j;
        continue;
      }
    }
    if (tag) {
      const type = tagBlockType(tag);
      if (type) {
        d.body.push({ type, text: line.text, ...spanOf(d, line, 0, line.text.length) });
        continue;
      }
    }
    const glued = splitGluedHeading(line.text);
    if (glued) {
      d.body.push({ type: "heading", text: glued.heading, ...spanOf(d, line, 0, glued.heading.length) });
      pushParagraphs(d, line, glued.rest, glued.restOffset);
      continue;
    }
    if (isHeading(line, content[i + 1])) {
      d.body.push({ type: "heading", text: line.text, ...spanOf(d, line, 0, line.text.length) });
      continue;
    }
    pushParagraphs(d, line, line.text, 0);
  }
}

function isHeading(line: LogicalLine, next: LogicalLine | undefined): boolean {
  if (!next || line.lines.length > 1) return false;
  return isTitleLike(line.text, HEADING_MAX_WORDS) && !endsSentence(line.text) && wordCount(line.text) <= HEADING_MAX_WORDS;
}

function tagBlockType(tag: string): Exclude<Block["type"], "timeline"> | undefined {
  if (/^h[1-6]$/.test(tag)) return "heading";
  if (tag === "blockquote") return "quote";
  if (tag === "li") return "list-item";
  return undefined;
}

function pushParagraphs(d: Draft, line: LogicalLine, text: string, base: number): void {
  for (const piece of splitGluedSentences(text)) {
    const t = piece.text.trim();
    if (t) d.body.push({ type: "paragraph", text: t, ...spanOf(d, line, base + piece.offset, piece.text.length) });
  }
}

function timelineEntries(d: Draft, line: LogicalLine, anchor: string | undefined): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let offset = 0;
  for (const part of line.text.split(TIMELINE_LABEL_INSIDE)) {
    const m = TIMELINE_LABEL_AT_START.exec(part);
    const span = spanOf(d, line, offset, part.length);
    offset += part.length;
    if (!m?.groups) {
      // Text before the first label cannot happen for a line that starts with one; keep it anyway.
      if (entries.length) entries[entries.length - 1].text += ` ${part.trim()}`;
      continue;
    }
    const label = m.groups.label;
    entries.push({ label, ...resolveTimelineLabel(label, anchor), text: part.slice(m[0].length).trim(), ...span });
  }
  return entries;
}

/** The input lines a slice of a logical line came from. */
function spanOf(d: Draft, line: LogicalLine, offset: number, length: number): { line: number; endLine?: number } {
  let at = 0;
  let first: number | undefined;
  let last = line.lines[0];
  for (const n of line.lines) {
    const len = (d.lineByNumber.get(n)?.text.trim().length ?? 0) + 1;
    const from = at;
    const to = at + len;
    if (to > offset && from < offset + Math.max(1, length)) {
      first ??= n;
      last = n;
    }
    at = to;
  }
  first ??= line.lines[0];
  return last !== first ? { line: first, endLine: last } : { line: first };
}
