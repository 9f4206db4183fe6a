/**
 * Decides which of the remaining logical lines are the article. HTML input already knows (Readability
 * marked `bodyLines`); a text dump asks the line classifier. Everything else is removed, with the
 * classifier's reason.
 */
import type { Line } from "../ingest/types.ts";
import { classifyLines } from "./classify-lines.ts";
import { removeLine, type Draft } from "./draft.ts";
import type { LogicalLine } from "./logical-lines.ts";

export function selectContent(d: Draft, logical: LogicalLine[]): LogicalLine[] {
  // A Markdown report is a text someone wrote or exported on purpose: its blocks are the article.
  if (d.doc.markdownBlocks) return logical;
  const verdict = d.doc.bodyLines ? fromBodyLines(d.doc.bodyLines, logical) : fromClassifier(d, logical);
  const content: LogicalLine[] = [];
  for (const l of logical) {
    const v = verdict.get(l.lines[0]);
    if (!v || v.content) {
      content.push(l);
      continue;
    }
    for (const n of l.lines) removeLine(d, d.lineByNumber.get(n)!, v.reason ?? "not article text");
  }
  return content;
}

type Verdicts = Map<number, { content: boolean; reason?: string }>;

function fromBodyLines(body: Set<number>, logical: LogicalLine[]): Verdicts {
  return new Map(
    logical.map((l) => [l.lines[0], l.lines.some((n) => body.has(n)) ? { content: true } : { content: false, reason: "outside the article Readability found" }]),
  );
}

/**
 * The classifier sees each logical line as one line, with a blank line wherever the input had a gap.
 * Lines earlier stages already took (share bars, datelines, captions, teaser headers) are shown too,
 * as settled non-article lines: they keep their weight between two stretches of prose, and a teaser
 * header still closes the article.
 */
function fromClassifier(d: Draft, logical: LogicalLine[]): Verdicts {
  const open = new Map(logical.map((l) => [l.lines[0], l]));
  const settled = new Map<number, string>();
  for (const r of d.removed) settled.set(r.line, r.reason);
  const lines: Line[] = [];
  for (const line of d.doc.lines) {
    const l = open.get(line.n);
    if (l) lines.push({ n: line.n, text: l.text });
    else if (settled.has(line.n) && line.text.trim()) lines.push({ n: line.n, text: line.text });
    else if (!d.claimed.has(line.n) || !line.text.trim()) lines.push({ n: line.n, text: "" });
  }
  return classifyLines(lines, { headlineLine: d.headlineRepeatLine ?? d.headline?.line, headline: d.headline?.text, settled });
}
