/** What ingest hands the parser: the raw report decoded into numbered lines, plus anything stated outright. */
import type { Diagnostic } from "../record/schema.ts";

/** One line of the (decoded) report. `n` is 1-based. */
export interface Line {
  n: number;
  text: string;
}

/** One Markdown block: the lines it spans and its kind (`p`, `h1`..`h6`, `li`, `blockquote`, `pre`, `hr`). */
export interface MarkdownBlock {
  lines: number[];
  tag: string;
}

/** A date printed or declared in the report (front matter, HTML meta, a dateline). */
export interface StatedDate {
  date: string; // YYYY-MM-DD
  time?: string; // HH:mm
  evidence: string;
  line?: number;
}

/** Fields the report states outright (YAML front matter or HTML metadata); they win over inference. */
export interface StatedFields {
  headline?: string;
  source?: string;
  published?: StatedDate;
  section?: string;
  url?: string;
  byline?: string;
  standfirst?: string;
  /** Which line of the report each stated field came from (front matter lines). */
  lines?: Partial<Record<keyof Omit<StatedFields, "lines">, number>>;
}

export type ReportFormat = "text" | "markdown" | "html";

export interface SourceDocument {
  /** Path relative to the repository root, forward slashes. */
  file: string;
  /** sha256 of the raw bytes, hex. */
  checksum: string;
  byteLength: number;
  format: ReportFormat;
  /** Detected encoding of the bytes, e.g. "UTF-8", "windows-1252". */
  encoding: string;
  /**
   * The lines the parser works on. For text and Markdown: the decoded file (LF-normalised, no BOM),
   * front matter lines excluded (they are accounted for in `claimed`). For HTML: the page rendered to
   * text lines (one block element a line), with `bodyLines` marking the article Readability found.
   */
  lines: Line[];
  /** Lines ingest already accounted for (front matter, HTML chrome), each with the field or reason. */
  claimed: Array<{ line: number; text: string; field?: string; reason?: string }>;
  stated: StatedFields;
  /** For HTML: the line numbers inside the article found by Readability; undefined for other formats. */
  bodyLines?: Set<number>;
  /** For Markdown: the block structure markdown-it found (line numbers are the file's). */
  markdownBlocks?: MarkdownBlock[];
  /** For HTML: the element each line came from (`p`, `h2`, `li`, `blockquote`, `figcaption`...). */
  lineTags?: Map<number, string>;
  diagnostics: Diagnostic[];
  /** True when nothing usable can come of this input (binary, empty, too large...). */
  fatal: boolean;
}
