/**
 * YAML front matter at the top of a Markdown or text report: the fields it states, which file line
 * each came from, and every front matter line accounted for in `claimed`. Malformed front matter is
 * reported with its line and the report falls back to plain text, so nothing is lost.
 */
import matter from "gray-matter";
import type { Diagnostic } from "../record/schema.ts";
import type { SourceDocument, StatedFields } from "./types.ts";
import { dateFromYamlDate, parseStatedDate } from "./stated-date.ts";

type Field = keyof Omit<StatedFields, "lines">;
type Claim = SourceDocument["claimed"][number];

/** Accepted keys (lower-cased) and the field each fills; earlier names win when both appear. */
const KEY_TO_FIELD: Record<string, Field> = {
  headline: "headline",
  title: "headline",
  source: "source",
  published: "published",
  date: "published",
  section: "section",
  url: "url",
  byline: "byline",
  author: "byline",
  standfirst: "standfirst",
  summary: "standfirst",
  description: "standfirst",
};
const KEY_PRIORITY = Object.keys(KEY_TO_FIELD);

export interface FrontMatter {
  /** True when a front matter block was found and parsed; false means: treat every line as body. */
  found: boolean;
  /** 1-based file line number of the first body line (1 when there is no usable front matter). */
  bodyStart: number;
  stated: StatedFields;
  claimed: Claim[];
  diagnostics: Diagnostic[];
}

const DELIMITER = /^---[ \t]*$/;
const CLOSING = /^(---|\.\.\.)[ \t]*$/;
/** A top-level YAML key at the start of a line: `key:` followed by space or end of line. */
const TOP_LEVEL_KEY = /^(?:"([^"]+)"|'([^']+)'|([^\s#:'"\-?][^:#]*?))[ \t]*:(?:[ \t]|$)/;

function none(): FrontMatter {
  return { found: false, bodyStart: 1, stated: {}, claimed: [], diagnostics: [] };
}

function typeName(v: unknown): string {
  if (v === null) return "an empty value";
  if (Array.isArray(v)) return "a list";
  if (v instanceof Date) return "a date";
  return typeof v === "object" ? "a nested mapping" : `a ${typeof v}`;
}

/** The scalar written after `key:` on its line, without quotes or trailing comment. */
function rawScalar(lineText: string): string {
  const after = lineText.slice(lineText.indexOf(":") + 1).trim();
  const quoted = /^(["'])(.*)\1\s*(#.*)?$/.exec(after);
  if (quoted) return quoted[2];
  return after.replace(/\s+#.*$/, "").trim();
}

/** Does the text open with a front matter block? Returns the 0-based index of its closing line. */
export function findFrontMatterEnd(lines: string[]): number | undefined {
  if (!DELIMITER.test(lines[0] ?? "")) return undefined;
  for (let i = 1; i < lines.length; i++) if (CLOSING.test(lines[i])) return i;
  return -1;
}

export function readFrontMatter(text: string, file: string): FrontMatter {
  // Most reports have none: look at the first line before splitting the whole text.
  const firstBreak = text.indexOf("\n");
  if (!DELIMITER.test(firstBreak === -1 ? text : text.slice(0, firstBreak))) return none();
  const lines = text.split("\n");
  const close = findFrontMatterEnd(lines);
  if (close === undefined) return none();
  if (close === -1) {
    const result = none();
    result.diagnostics.push({
      file,
      line: 1,
      severity: "error",
      rule: "bad-front-matter",
      message: "Unexpected end of file inside front matter, expected a closing `---` line",
      hint: "Add a line `---` after the last front matter field (or remove the opening `---` on line 1). The file was read as plain text.",
    });
    return result;
  }

  // Parse only the block we found, so gray-matter and our line bookkeeping agree on where it ends.
  // Passing options (even empty) also keeps gray-matter from caching every file it sees.
  const block = [...lines.slice(0, close), "---"].join("\n");
  let data: unknown;
  try {
    data = matter(block, {}).data;
  } catch (err) {
    const e = err as { reason?: string; message?: string; mark?: { line: number; column: number } };
    // gray-matter hands js-yaml the text after the opening `---` (starting with its newline), so
    // js-yaml's 0-based mark.line is the 1-based file line.
    const line = Math.min(Math.max((e.mark?.line ?? 0) + 1, 2), close + 1);
    const result = none();
    result.diagnostics.push({
      file,
      line,
      ...(e.mark ? { column: e.mark.column + 1 } : {}),
      severity: "error",
      rule: "bad-front-matter",
      message: `Unexpected YAML syntax in front matter (${e.reason ?? e.message ?? "parse error"}), expected \`key: value\` lines`,
      hint: `Fix the YAML on line ${line} (quote values that contain \`:\`, \`#\` or brackets). The file was read as plain text until then.`,
    });
    return result;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const result = none();
    result.diagnostics.push({
      file,
      line: 2,
      severity: "error",
      rule: "bad-front-matter",
      message: `Unexpected ${typeName(data)} as front matter, expected \`key: value\` lines`,
      hint: "Write each field as `key: value` on its own line. The file was read as plain text.",
    });
    return result;
  }

  const result: FrontMatter = { found: true, bodyStart: close + 2, stated: {}, claimed: [], diagnostics: [] };
  const { claimed, diagnostics, stated } = result;

  // Which file line each top-level key starts on, and which lines belong to it (multi-line values).
  const keyLine = new Map<string, number>(); // lower-cased key -> 1-based line
  const lineOwner = new Map<number, string>(); // 1-based line -> lower-cased key
  let current: string | undefined;
  for (let i = 1; i < close; i++) {
    const t = lines[i];
    const m = TOP_LEVEL_KEY.exec(t);
    if (m) {
      current = (m[1] ?? m[2] ?? m[3]).trim().toLowerCase();
      if (!keyLine.has(current)) keyLine.set(current, i + 1);
      lineOwner.set(i + 1, current);
    } else if (current && (/^[ \t]/.test(t) || /^-(\s|$)/.test(t)) && t.trim() !== "") {
      lineOwner.set(i + 1, current);
    }
  }

  const record = data as Record<string, unknown>;
  const reasonFor = new Map<string, { field?: string; reason?: string }>();
  const usedField = new Map<Field, string>(); // field -> key that filled it
  const entries = Object.entries(record).sort(
    ([a], [b]) => rank(a.toLowerCase()) - rank(b.toLowerCase()),
  );
  for (const [key, value] of entries) {
    const lower = key.toLowerCase();
    const line = keyLine.get(lower);
    const field = KEY_TO_FIELD[lower];
    if (!field) {
      reasonFor.set(lower, { reason: `unknown front matter key \`${key}\`` });
      diagnostics.push({
        file,
        line,
        severity: "info",
        rule: "unknown-front-matter-key",
        message: `Unexpected front matter key \`${key}\`, expected one of ${Object.keys(KEY_TO_FIELD).join(", ")}`,
        hint: "The key is ignored. Rename it to one of the expected keys if it should be used.",
      });
      continue;
    }
    if (usedField.has(field)) {
      reasonFor.set(lower, { reason: `\`${key}\` ignored: \`${usedField.get(field)}\` already gives ${field}` });
      diagnostics.push({
        file,
        line,
        severity: "warning",
        rule: "duplicate-front-matter-key",
        message: `Unexpected \`${key}\` alongside \`${usedField.get(field)}\`, expected one key for ${field}`,
        hint: `Keep only one of them; \`${usedField.get(field)}\` was used.`,
      });
      continue;
    }
    if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) {
      reasonFor.set(lower, { reason: `empty \`${key}\`` });
      diagnostics.push({
        file,
        line,
        severity: "info",
        rule: "empty-front-matter-value",
        message: `Unexpected empty \`${key}\`, expected a value`,
        hint: `Give \`${key}\` a value or remove the line.`,
      });
      continue;
    }
    const bad = (expected: string, hint: string) => {
      reasonFor.set(lower, { reason: `invalid \`${key}\`` });
      diagnostics.push({
        file,
        line,
        severity: "error",
        rule: "bad-front-matter",
        message: `Unexpected ${expected}`,
        hint,
      });
    };

    if (field === "published") {
      const raw = line ? rawScalar(lines[line - 1]) : "";
      let parsed = typeof value === "string" ? parseStatedDate(value) : undefined;
      if (value instanceof Date) {
        // Prefer the text as written (keeps local time, refuses 02-30); fall back to js-yaml's UTC Date.
        parsed = raw ? parseStatedDate(raw) : dateFromYamlDate(value, false);
      }
      if (!parsed) {
        bad(
          `\`${key}: ${raw || String(value)}\`, expected a real date such as 2013-09-14 or 2013-09-14T07:13`,
          `Write \`${key}\` as YYYY-MM-DD (optionally with a time, HH:mm) and check the day exists in that month.`,
        );
        continue;
      }
      stated.published = {
        ...parsed,
        evidence: line ? lines[line - 1].trim() : `${key}: ${raw}`,
        ...(line ? { line } : {}),
      };
    } else {
      let text: string | undefined;
      if (typeof value === "string" || typeof value === "number") text = String(value).trim();
      else if (field === "byline" && Array.isArray(value) && value.every((v) => typeof v === "string")) {
        text = value.join(", ");
      }
      if (text === undefined) {
        bad(
          `${typeName(value)} for \`${key}\`, expected text`,
          `Write \`${key}\` as a single line of text (quote it if it contains \`:\` or \`#\`).`,
        );
        continue;
      }
      stated[field] = text.replace(/\s+/g, " ");
    }
    usedField.set(field, key);
    reasonFor.set(lower, { field });
    if (line) (stated.lines ??= {})[field] = line;
  }

  claimed.push({ line: 1, text: lines[0], reason: "front matter delimiter" });
  for (let n = 2; n <= close; n++) {
    const owner = lineOwner.get(n);
    const how = owner ? reasonFor.get(owner) : undefined;
    claimed.push({ line: n, text: lines[n - 1], ...(how ?? { reason: "front matter" }) });
  }
  claimed.push({ line: close + 1, text: lines[close], reason: "front matter delimiter" });
  return result;
}

function rank(key: string): number {
  const i = KEY_PRIORITY.indexOf(key);
  return i === -1 ? KEY_PRIORITY.length : i;
}
