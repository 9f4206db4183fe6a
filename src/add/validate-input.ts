/**
 * One input file -> its parse result and a verdict. An input is accepted when it yields a usable
 * record with no error: errors such as malformed front matter would publish a wrong record, and
 * fixing them before the report enters the archive is cheap. Warnings and notes are shown, not fatal.
 */
import { readFile, stat } from "node:fs/promises";
import { DEFAULT_MAX_BYTES } from "../ingest/decode-bytes.ts";
import { ingestBytes, readReport, sha256Hex } from "../ingest/read-report.ts";
import { parseReport } from "../parse/parse-document.ts";
import type { ArticleRecord, Diagnostic } from "../record/schema.ts";
import type { InputFile } from "./collect-inputs.ts";

export interface ValidatedInput {
  input: InputFile;
  /** The raw bytes, kept only when the input is accepted (they are what gets copied). */
  bytes?: Uint8Array;
  checksum: string;
  /** The record as parsed alone (sourceFile = the input's displayed path). */
  record: ArticleRecord;
  usable: boolean;
  accepted: boolean;
  /** Every diagnostic of the input; `errors` are the ones that made it rejected. */
  diagnostics: Diagnostic[];
  errors: Diagnostic[];
}

export async function validateInput(input: InputFile): Promise<ValidatedInput> {
  let bytes: Uint8Array | undefined;
  try {
    // Too large or unreadable: readReport answers those without loading the file.
    if ((await stat(input.abs)).size <= DEFAULT_MAX_BYTES) bytes = await readFile(input.abs);
  } catch {
    bytes = undefined;
  }
  const doc = bytes ? ingestBytes(bytes, input.display) : await readReport(input.abs, process.cwd());
  const { record, usable } = parseReport(doc);
  // Every finding is about this input: name it as the user typed it.
  const diagnostics = record.diagnostics.map((d) => ({ ...d, file: input.display }));
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (!usable && errors.length === 0) {
    // parseReport never says unusable without an error; guard so a reject always says why.
    errors.push({ file: input.display, severity: "error", rule: "unusable-report", message: "Unexpected report that yields no record, expected a news report", hint: "Check the file is a news report." });
  }
  const accepted = usable && errors.length === 0;
  return { input, bytes: accepted ? bytes : undefined, checksum: bytes ? sha256Hex(bytes) : doc.checksum, record, usable, accepted, diagnostics, errors };
}
