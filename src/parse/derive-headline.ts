/** A report that prints no headline gets one made from its lead: the first sentence, cut short at a clause. */
import type { Draft } from "./draft.ts";

const MAX_LENGTH = 100;

export function deriveHeadline(d: Draft): void {
  if (d.headline) return;
  const lead = d.body.find((b) => b.type === "paragraph");
  if (!lead) {
    d.headline = { text: `Untitled report (${d.doc.file.split("/").at(-1)})`, origin: "derived" };
    return;
  }
  d.headline = { text: headlineFromLead(lead.text), origin: "derived" };
}

export function headlineFromLead(lead: string): string {
  const sentence = /^.+?[.!?](?=\s+["'“‘]?\p{Lu}|$)/u.exec(lead)?.[0] ?? lead;
  const trimmed = sentence.replace(/[.!?]$/, "");
  if (trimmed.length <= MAX_LENGTH) return trimmed;
  // Prefer ending at a clause boundary; otherwise at a word boundary, marked as cut.
  const clause = trimmed.slice(0, MAX_LENGTH).lastIndexOf(",");
  if (clause >= 40) return trimmed.slice(0, clause);
  const space = trimmed.slice(0, MAX_LENGTH).lastIndexOf(" ");
  return `${trimmed.slice(0, space > 0 ? space : MAX_LENGTH)}…`;
}
