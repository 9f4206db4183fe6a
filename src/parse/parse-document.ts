/**
 * One report, from decoded lines to an article record. Each stage is a plain function over the draft;
 * the order matters only in that pattern-based stages (profiles) run before the heuristic ones.
 * Cross-report work (inferred dates, unique ids) happens later, in src/archive/.
 */
import type { SourceDocument } from "../ingest/types.ts";
import { defaultProfiles, type ProfileSet } from "../profiles/load-profiles.ts";
import { unaccountedLines } from "../record/accounting.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { assembleBlocks } from "./assemble-blocks.ts";
import { deriveHeadline } from "./derive-headline.ts";
import { detectOutlet } from "./detect-outlet.ts";
import { createDraft, diag, isBlank, openLines, removeLine, type Draft } from "./draft.ts";
import { findCaptions } from "./find-captions.ts";
import { findBylines, findDatelines } from "./find-datelines.ts";
import { findMasthead } from "./find-masthead.ts";
import { findPublished } from "./find-published.ts";
import { joinWrappedLines, type LogicalLine } from "./logical-lines.ts";
import { stripBlockMarkers } from "../ingest/markdown-blocks.ts";
import { selectContent } from "./select-content.ts";
import { slugify } from "./slug.ts";
import { findRelatedLinks, stripBoilerplate, stripTeaserLists } from "./strip-boilerplate.ts";
import { wordCount } from "./text-shape.ts";

export function parseDocument(doc: SourceDocument, profiles: ProfileSet = defaultProfiles()): ArticleRecord {
  const d = createDraft(doc, profiles);
  if (!doc.fatal) {
    detectOutlet(d);
    stripBoilerplate(d);
    stripTeaserLists(d);
    findRelatedLinks(d);
    findCaptions(d);
    findDatelines(d);
    findBylines(d);
    const logical = findMasthead(d, toLogicalLines(d));
    const content = findPublished(d, selectContent(d, logical));
    assembleBlocks(d, content);
    checkArticleFound(d);
  }
  deriveHeadline(d);
  const record = toRecord(d);
  return accountForLeftovers(record, d);
}

/** Rules after which a report cannot become a page (the rest are warnings about a usable record). */
const UNUSABLE = new Set(["empty-report", "binary-input", "too-large", "unreadable-file", "no-article-text"]);

export interface ParsedReport {
  record: ArticleRecord;
  /** False when nothing usable came of the input: it is listed with its diagnostics, not published. */
  usable: boolean;
}

export function parseReport(doc: SourceDocument, profiles?: ProfileSet): ParsedReport {
  const record = parseDocument(doc, profiles);
  const usable = !doc.fatal && !record.diagnostics.some((d) => d.severity === "error" && UNUSABLE.has(d.rule));
  return { record, usable };
}

/**
 * Logical lines: a text dump is hard-wrapped and joined back by shape; a Markdown report's blocks come
 * from markdown-it (markers stripped, tags kept); an HTML page's lines are block elements already.
 */
function toLogicalLines(d: Draft): LogicalLine[] {
  const open = openLines(d);
  if (d.doc.format === "html") return open.filter((l) => !isBlank(l)).map((l) => ({ text: l.text.trim(), lines: [l.n] }));
  if (!d.doc.markdownBlocks) return joinWrappedLines(open);
  const isOpen = new Set(open.filter((l) => !isBlank(l)).map((l) => l.n));
  const logical: LogicalLine[] = [];
  d.doc.lineTags ??= new Map();
  for (const block of d.doc.markdownBlocks) {
    const lines = block.lines.filter((n) => isOpen.has(n));
    if (!lines.length) continue;
    const text = lines.map((n) => stripBlockMarkers(d.lineByNumber.get(n)!.text).trim()).filter(Boolean).join(" ");
    if (!text) continue;
    logical.push({ text, lines });
    if (block.tag !== "p") d.doc.lineTags.set(lines[0], block.tag);
  }
  return logical;
}

function checkArticleFound(d: Draft): void {
  if (d.body.some((b) => b.type === "paragraph" || b.type === "timeline")) return;
  diag(d, {
    severity: "error",
    rule: "no-article-text",
    message: "Unexpected report without article text: every line was classified as navigation or boilerplate.",
    hint: "Check the file is a news report; if it is, state its fields in front matter or add a source profile for its outlet.",
  });
}

function toRecord(d: Draft): ArticleRecord {
  const { doc } = d;
  return {
    id: slugify(d.headline!.text) || "report",
    sourceFile: doc.file,
    checksum: doc.checksum,
    format: doc.format,
    encoding: doc.encoding,
    source: d.source ?? { id: "unknown", name: "Unknown source", origin: "unknown" },
    headline: d.headline!.text,
    headlineOrigin: d.headline!.origin === "derived" ? "derived" : "stated",
    headlineLine: d.headline!.line,
    standfirst: d.standfirst,
    section: d.section,
    byline: d.byline ?? doc.stated.byline,
    url: d.url ?? doc.stated.url,
    published: d.published ?? null,
    body: d.body,
    media: d.media,
    related: d.related,
    fields: d.fields,
    removed: d.removed.sort((a, b) => a.line - b.line),
    diagnostics: d.diagnostics,
    wordCount: d.body.reduce((n, b) => n + wordCount(b.text), 0),
  };
}

/**
 * Safety net: a line no stage took (or whose words went missing) is kept in `removed` and reported
 * as an error, so a parser bug can never silently drop text.
 */
function accountForLeftovers(record: ArticleRecord, d: Draft): ArticleRecord {
  for (const line of openLines(d)) {
    if (!isBlank(line)) removeLine(d, line, "not assigned by any parse stage");
  }
  const lost = unaccountedLines(record, d.doc.lines);
  for (const line of lost) {
    record.removed.push({ line: line.n, text: line.text, reason: "not assigned by any parse stage" });
    record.diagnostics.push({
      file: d.doc.file,
      line: line.n,
      severity: "error",
      rule: "line-unaccounted",
      message: `Unexpected loss of line ${line.n}: its words are in no field of the record.`,
      hint: "This is a parser bug; please report it with the file. The line is kept in `removed`.",
    });
  }
  record.removed.sort((a, b) => a.line - b.line);
  return record;
}
