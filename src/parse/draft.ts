/**
 * The working state one report's parse stages share: the decoded document, the profiles in play,
 * the record fields found so far, and which lines are still unaccounted for. Each stage is a plain
 * function `(draft) => void` that claims lines into fields; what no stage claims is a bug the final
 * accounting reports.
 */
import type { Line, SourceDocument } from "../ingest/types.ts";
import type { CompiledProfile, ProfileSet } from "../profiles/load-profiles.ts";
import type { Block, Diagnostic, Media, Published, Related, Removed, Source } from "../record/schema.ts";

export interface Draft {
  doc: SourceDocument;
  profiles: ProfileSet;
  /** The outlet's profile, once recognised; its patterns apply on top of the generic ones. */
  outlet?: CompiledProfile;
  claimed: Set<number>;
  /** The document's lines by number (front matter excluded, so not always index + 1). */
  lineByNumber: Map<number, Line>;
  source?: Source;
  headline?: { text: string; line?: number; origin: "stated" | "derived" };
  /** Where the page prints its headline again above the article (an h1 under the page title). */
  headlineRepeatLine?: number;
  standfirst?: string;
  section?: string;
  byline?: string;
  url?: string;
  published?: Published;
  body: Block[];
  media: Media[];
  related: Related[];
  fields: Array<{ field: string; text: string; line: number }>;
  removed: Removed[];
  diagnostics: Diagnostic[];
}

export function createDraft(doc: SourceDocument, profiles: ProfileSet): Draft {
  const draft: Draft = {
    doc,
    profiles,
    // Every field present from the start, in one order: all drafts then share one shape, so V8's
    // optimised stage code is not thrown away each time a report sets its fields in another order.
    outlet: undefined,
    claimed: new Set(),
    lineByNumber: linesByNumber(doc.lines),
    source: undefined,
    headline: undefined,
    headlineRepeatLine: undefined,
    standfirst: undefined,
    section: undefined,
    byline: undefined,
    url: undefined,
    published: undefined,
    body: [],
    media: [],
    related: [],
    fields: [],
    removed: [],
    diagnostics: doc.diagnostics.map((d) => ({ ...d })),
  };
  for (const c of doc.claimed) {
    draft.claimed.add(c.line);
    if (c.field) draft.fields.push({ field: c.field, text: c.text, line: c.line });
    else draft.removed.push({ line: c.line, text: c.text, reason: c.reason ?? "not part of the report's text" });
  }
  return draft;
}

function linesByNumber(lines: Line[]): Map<number, Line> {
  const byNumber = new Map<number, Line>();
  for (let i = 0; i < lines.length; i++) byNumber.set(lines[i].n, lines[i]);
  return byNumber;
}

/** Lines no stage has claimed yet, blank ones included (they separate blocks). */
export function openLines(draft: Draft): Line[] {
  return draft.doc.lines.filter((l) => !draft.claimed.has(l.n));
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === "";
}

export function claim(draft: Draft, line: Line | number): void {
  draft.claimed.add(typeof line === "number" ? line : line.n);
}

export function removeLine(draft: Draft, line: Line, reason: string): void {
  claim(draft, line);
  draft.removed.push({ line: line.n, text: line.text, reason });
}

export function claimField(draft: Draft, line: Line, field: string): void {
  claim(draft, line);
  draft.fields.push({ field, text: line.text, line: line.n });
}

/** Patterns of the generic profile followed by the outlet's (outlet first where order matters). */
export function patterns<K extends keyof CompiledProfile>(draft: Draft, key: K): Array<CompiledProfile[K]> {
  return draft.outlet ? [draft.outlet[key], draft.profiles.generic[key]] : [draft.profiles.generic[key]];
}

/**
 * The named group `group` of the first pattern matching `text` that gives it non-empty, in order.
 * (A loop, not map/find: these run on every line of every report.)
 */
export function firstGroup(res: RegExp[], text: string, group: string): string | undefined {
  for (let i = 0; i < res.length; i++) {
    const value = res[i].exec(text)?.groups?.[group];
    if (value) return value;
  }
  return undefined;
}

export function diag(draft: Draft, d: Omit<Diagnostic, "file">): void {
  draft.diagnostics.push({ file: draft.doc.file, ...d });
}
