/**
 * The permalink ledger: the id (URL `/articles/<id>/`) each report was published under, kept beside
 * the reports (`seeds/.permalinks.json`, to commit with them) so that a published URL never moves or
 * changes hands. Ids come from headlines, and on a clash the earliest report keeps the plain slug:
 * without a record of what was published, adding an older report with the same headline, editing a
 * headline or building from a fresh clone would hand a cited URL to another article.
 *
 * Each entry is a report file, its id and its checksum. A listed file keeps its id, edited or not; a
 * listed file that is gone keeps its id reserved (a citation to it must not land on another report),
 * unless the same bytes come back under another name (a renamed file), which then takes the id over.
 * To give a report a new URL, delete its entry.
 */
import { readFileSync } from "node:fs";
import { writeWhole } from "../build/write-whole.ts";
import { z } from "zod";
import type { Diagnostic } from "../record/schema.ts";
import { PERMALINKS_FILE, permalinksPath } from "./permalinks-file.ts";

export { PERMALINKS_FILE, PermalinksError } from "./permalinks-file.ts";

const EntrySchema = z.object({ file: z.string().min(1), id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/), checksum: z.string() });
const LedgerSchema = z.object({ about: z.string().optional(), version: z.literal(1), articles: z.array(EntrySchema) });

export type PermalinkEntry = z.infer<typeof EntrySchema>;

export interface Permalinks {
  entries: PermalinkEntry[];
  /** The file's text as read ("" when there is none), for the build's fingerprint. */
  text: string;
  /** What is wrong with the file: an error means it could not be used (and must not be overwritten). */
  diagnostics: Diagnostic[];
}

const ABOUT =
  "Wire Archive permalinks: the URL id each report was published under, so URLs never move. " +
  "Written by each build; commit it with the reports. Delete an entry to give that report a new URL.";

/** The ledger in a reports folder; none yet is an empty ledger. `display` names the file in diagnostics. */
export function readPermalinks(seedsAbs: string, display = PERMALINKS_FILE): Permalinks {
  let text: string;
  try {
    text = readFileSync(permalinksPath(seedsAbs), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { entries: [], text: "", diagnostics: [] };
    return unusable(display, "", undefined, `Unexpected unreadable permalinks file (${(err as Error).message}), expected a readable JSON file`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    // V8 gives a position for some errors only; a merge-conflict marker is the likely cause otherwise.
    const marker = /^<<<<<<< /m.exec(text);
    const at = /position (\d+)/.exec((err as Error).message)?.[1] ?? marker?.index;
    const line = at === undefined ? undefined : text.slice(0, Number(at)).split("\n").length;
    const conflict = marker ? " (it holds merge-conflict markers)" : "";
    return unusable(display, text, line, `Unexpected invalid JSON in the permalinks file${conflict}: ${(err as Error).message}, expected the JSON a build writes`);
  }
  const parsed = LedgerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return unusable(display, text, undefined, `Unexpected ${issue.message} at ${issue.path.join(".") || "the top level"} in the permalinks file, expected {version: 1, articles: [{file, id, checksum}]}`);
  }
  return { entries: parsed.data.articles, text, diagnostics: [] };
}

function unusable(file: string, text: string, line: number | undefined, message: string): Permalinks {
  const hint =
    "Fix the file (or restore it from version control) and build again. Deleting it gives URLs afresh from headlines, which may move published pages.";
  return { entries: [], text, diagnostics: [{ file, ...(line ? { line } : {}), severity: "error", rule: "bad-permalinks", message, hint }] };
}

/**
 * The ledger after a build: every report with the id it has now, and the entries of reports no
 * longer in the archive whose ids no report took over. Sorted by file, so diffs stay small.
 */
export function nextPermalinks(previous: readonly PermalinkEntry[], records: readonly LedgerRecord[]): PermalinkEntry[] {
  const now = records.map((r) => ({ file: r.sourceFile, id: r.id, checksum: r.checksum }));
  return [...now, ...removedEntries(previous, records)].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

type LedgerRecord = { sourceFile: string; id: string; checksum: string };

/** Entries of reports published and since removed: their files are gone and no report took their ids. */
export function removedEntries(previous: readonly PermalinkEntry[], records: readonly LedgerRecord[]): PermalinkEntry[] {
  const present = new Set(records.map((r) => r.sourceFile));
  const used = new Set(records.map((r) => r.id));
  return previous.filter((e) => !present.has(e.file) && !used.has(e.id));
}

export function serialisePermalinks(entries: readonly PermalinkEntry[]): string {
  // One entry a line: a report added or removed is a one-line change in version control.
  const lines = entries.map((e) => `    ${JSON.stringify({ file: e.file, id: e.id, checksum: e.checksum })}`);
  return `{\n  "about": ${JSON.stringify(ABOUT)},\n  "version": 1,\n  "articles": [\n${lines.join(",\n")}\n  ]\n}\n`;
}

/** Writes the ledger when its text changed, whole or not at all (a temporary file renamed over it). */
export async function writePermalinks(seedsAbs: string, text: string, previousText: string): Promise<void> {
  if (text === previousText) return;
  await writeWhole(permalinksPath(seedsAbs), text);
}

