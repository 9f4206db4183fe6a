/**
 * The article record: the one typed shape every stage produces and every template reads.
 * Validated with zod at the boundary (after parsing, before the site sees it); types come from
 * the schemas so templates and code cannot drift from what was validated.
 */
import { z } from "zod";

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A finding about a report, carried as data (cf. vfile messages). */
export const DiagnosticSchema = z.object({
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  severity: z.enum(["error", "warning", "info"]),
  /** Stable rule id, e.g. `empty-report`, `binary-input`, `bad-front-matter`. Tests assert these. */
  rule: z.string().min(1),
  /** What is wrong ("Unexpected X, expected Y"). */
  message: z.string().min(1),
  /** What the user can do about it. */
  hint: z.string().optional(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/** Where in the raw report a piece of the record came from (1-based, inclusive). */
const span = {
  line: z.number().int().positive(),
  endLine: z.number().int().positive().optional(),
};

export const OriginSchema = z.enum(["stated", "derived", "inferred"]);

export const SourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  /** stated: printed in the report or its front matter; inferred: guessed from a credit or profile signature; unknown: nothing found. */
  origin: z.enum(["stated", "inferred", "unknown"]),
  evidence: z.string().optional(),
  line: z.number().int().positive().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const PublishedSchema = z.object({
  date: z.string().regex(ISO_DATE),
  time: z.string().regex(/^\d{2}:\d{2}$/).optional(),
  /** stated: printed in the report; inferred: reasoned from its text and, where needed, related reports. */
  origin: z.enum(["stated", "inferred"]),
  /** The words the date rests on, quoted. */
  evidence: z.string().min(1),
  line: z.number().int().positive().optional(),
});
export type Published = z.infer<typeof PublishedSchema>;

export const TimelineEntrySchema = z.object({
  label: z.string().min(1),
  start: z.string().regex(ISO_DATE).optional(),
  end: z.string().regex(ISO_DATE).optional(),
  text: z.string(),
  ...span,
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

const TextBlockSchema = z.object({
  type: z.enum(["paragraph", "heading", "quote", "list-item"]),
  text: z.string().min(1),
  ...span,
});
const TimelineBlockSchema = z.object({
  type: z.literal("timeline"),
  title: z.string(),
  /** Title plus entries as one string, so every block has a `text`. */
  text: z.string(),
  entries: z.array(TimelineEntrySchema).min(1),
  ...span,
});
export const BlockSchema = z.discriminatedUnion("type", [TextBlockSchema, TimelineBlockSchema]);
export type Block = z.infer<typeof BlockSchema>;
export type TextBlock = z.infer<typeof TextBlockSchema>;
export type TimelineBlock = z.infer<typeof TimelineBlockSchema>;

export const MediaSchema = z.object({
  caption: z.string().optional(),
  credit: z.string().optional(),
  /** The line as printed, e.g. `[Image via Agence France-Presse]`. */
  text: z.string(),
  ...span,
});
export type Media = z.infer<typeof MediaSchema>;

export const RelatedSchema = z.object({ text: z.string().min(1), url: z.string().optional(), ...span });
export type Related = z.infer<typeof RelatedSchema>;

export const RemovedSchema = z.object({
  line: z.number().int().positive(),
  text: z.string(),
  /** Why it was dropped: a short human sentence naming the rule, e.g. "share-bar line (profile: aljazeera)". */
  reason: z.string().min(1),
});
export type Removed = z.infer<typeof RemovedSchema>;

/** A line of the report that became a single metadata field (section, headline, standfirst, dateline...). */
export const FieldLineSchema = z.object({ field: z.string(), text: z.string(), line: z.number().int().positive() });

export const ArticleRecordSchema = z.object({
  /** Stable, URL-safe slug, unique across the archive. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,95}$/),
  /** Path of the raw report relative to the repository root, with forward slashes. */
  sourceFile: z.string().min(1),
  /** sha256 of the raw bytes, hex. */
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(["text", "markdown", "html"]),
  encoding: z.string(),
  source: SourceSchema,
  headline: z.string().min(1),
  headlineOrigin: z.enum(["stated", "derived"]),
  headlineLine: z.number().int().positive().optional(),
  standfirst: z.string().optional(),
  section: z.string().optional(),
  byline: z.string().optional(),
  url: z.string().optional(),
  published: PublishedSchema.nullable(),
  body: z.array(BlockSchema),
  media: z.array(MediaSchema),
  related: z.array(RelatedSchema),
  /** Lines consumed by single-value metadata fields: which field took which line. */
  fields: z.array(FieldLineSchema),
  removed: z.array(RemovedSchema),
  diagnostics: z.array(DiagnosticSchema),
  wordCount: z.number().int().nonnegative(),
});
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

/** Validate at the boundary; throws a readable error naming the record. */
/**
 * The record itself once the schema accepts it: zod's parsed copy would double the archive's memory
 * (hundreds of MB at 10,000 reports), and the schema has no defaults or transforms to apply.
 */
export function validateRecord(record: unknown): ArticleRecord {
  const result = ArticleRecordSchema.safeParse(record);
  if (!result.success) {
    const id = (record as { sourceFile?: string })?.sourceFile ?? "record";
    throw new Error(`${id}: invalid article record:\n${z.prettifyError(result.error)}`);
  }
  return record as ArticleRecord;
}
