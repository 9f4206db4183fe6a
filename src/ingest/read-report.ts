/**
 * Entry point of ingest: a report file's raw bytes -> SourceDocument (numbered lines, stated fields,
 * diagnostics). `ingestBytes` is pure and synchronous; `readReport` only adds reading the file.
 */
import * as crypto from "node:crypto";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../record/schema.ts";
import { decodeBytes, DEFAULT_MAX_BYTES, tooLargeDiagnostic, type DecodeOptions } from "./decode-bytes.ts";
import { checkMojibake } from "./check-mojibake.ts";
import { readFrontMatter } from "./front-matter.ts";
import { htmlToLines, type HtmlOptions } from "./html-to-lines.ts";
import { markdownBlocks } from "./markdown-blocks.ts";
import type { Line, ReportFormat, SourceDocument } from "./types.ts";

export interface IngestOptions extends DecodeOptions, HtmlOptions {}

/** Format by file extension: .html/.htm -> html, .md/.markdown -> markdown, anything else -> text. */
export function formatOf(file: string): ReportFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".html" || ext === ".htm" || ext === ".xhtml") return "html";
  if (ext === ".md" || ext === ".markdown") return "markdown";
  return "text";
}

/** The decoded text split into 1-based lines; a final newline does not make an extra empty line. */
export function splitLines(text: string, firstLine = 1): Line[] {
  const parts = text.split("\n");
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  const lines: Line[] = [];
  for (let i = firstLine - 1; i < parts.length; i++) lines.push({ n: i + 1, text: parts[i] });
  return lines;
}

/** Node's one-shot hash (20.12+) skips the Hash object per file; older Node falls back to createHash. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: "hex") => string }).hash;

export function sha256Hex(bytes: Uint8Array): string {
  return oneShotHash ? oneShotHash("sha256", bytes, "hex") : createHash("sha256").update(bytes).digest("hex");
}

export function ingestBytes(bytes: Uint8Array, file: string, opts: IngestOptions = {}): SourceDocument {
  const format = formatOf(file);
  const decoded = decodeBytes(bytes, file, { ...opts, htmlCharset: format === "html" });
  const doc: SourceDocument = {
    file,
    checksum: sha256Hex(bytes),
    byteLength: bytes.length,
    format,
    encoding: decoded.encoding,
    lines: [],
    claimed: [],
    stated: {},
    diagnostics: [...decoded.diagnostics],
    fatal: decoded.fatal,
    // Present on every document (set below for HTML or Markdown): one object shape for all formats.
    bodyLines: undefined,
    markdownBlocks: undefined,
    lineTags: undefined,
  };
  if (decoded.fatal) return doc;

  if (format === "html") {
    const page = htmlToLines(decoded.text, file, opts);
    doc.lines = page.lines;
    if (page.bodyLines) doc.bodyLines = page.bodyLines;
    doc.lineTags = page.lineTags;
    doc.stated = page.stated;
    doc.diagnostics.push(...page.diagnostics);
    if (page.lines.length === 0) doc.fatal = true;
    return withMojibakeCheck(doc);
  }

  // Text and Markdown alike: a leading `---` block is front matter.
  const fm = readFrontMatter(decoded.text, file);
  doc.lines = splitLines(decoded.text, fm.bodyStart);
  if (format === "markdown") doc.markdownBlocks = markdownBlocks(doc.lines);
  doc.claimed = fm.claimed;
  doc.stated = fm.stated;
  doc.diagnostics.push(...fm.diagnostics);
  if (fm.found && doc.lines.every((l) => l.text.trim() === "")) {
    doc.diagnostics.push({
      file,
      line: fm.bodyStart,
      severity: "error",
      rule: "empty-report",
      message: "Unexpected end of file after the front matter, expected the text of the report",
      hint: "Add the report's text below the closing `---`.",
    });
    doc.fatal = true;
  }
  // The decoded text holds every line (front matter too): one scan of it rules out most files.
  return withMojibakeCheck(doc, decoded.text);
}

function withMojibakeCheck(doc: SourceDocument, text?: string): SourceDocument {
  const warning = checkMojibake(doc.lines, doc.file, text);
  if (warning) doc.diagnostics.push(warning);
  return doc;
}

/** Read a report from disk. `file` in the result is its path relative to repoRoot, forward slashes. */
export async function readReport(absPath: string, repoRoot: string, opts: IngestOptions = {}): Promise<SourceDocument> {
  const file = path.relative(repoRoot, absPath).split(path.sep).join("/");
  let bytes: Buffer;
  try {
    // Check the size first, so a huge file is hashed as a stream and never loaded into memory.
    const size = (await stat(absPath)).size;
    const limit = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    if (size > limit) {
      const hash = createHash("sha256");
      for await (const chunk of createReadStream(absPath)) hash.update(chunk as Buffer);
      return fatalDocument(file, size, hash.digest("hex"), tooLargeDiagnostic(file, size, limit));
    }
    bytes = await readFile(absPath);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return fatalDocument(file, 0, sha256Hex(new Uint8Array(0)), {
      file,
      severity: "error",
      rule: "unreadable-file",
      message: `Unexpected error reading the file (${reason}), expected a readable report`,
      hint: "Check the file exists and is readable (permissions, broken symlink).",
    });
  }
  // Outside the try: a bug in ingest must surface as a bug, not as an "unreadable file".
  return ingestBytes(bytes, file, opts);
}

function fatalDocument(file: string, byteLength: number, checksum: string, diagnostic: Diagnostic): SourceDocument {
  return {
    file,
    checksum,
    byteLength,
    format: formatOf(file),
    encoding: "unknown",
    lines: [],
    claimed: [],
    stated: {},
    diagnostics: [diagnostic],
    fatal: true,
  };
}
