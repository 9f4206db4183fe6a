/**
 * `add`: validate new reports, copy the accepted ones into seeds/ (never overwriting, never twice),
 * rebuild the site and say what changed. Returns everything as data; the CLI only prints it.
 *
 * The archive stays consistent: a rejected input touches nothing; if the rebuild fails, the copies
 * just made are taken out again (seeds/ as before, _site/ untouched by the safe build). Only when
 * another build holds the lock past `lockWaitMs` are the (validated) copies left for the next build.
 */
import { statSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { buildArchive } from "../archive/build-archive.ts";
import { listReports } from "../archive/list-reports.ts";
import { loadParsed } from "../archive/load-archive.ts";
import { openChecksumIndex } from "../archive/checksum-index.ts";
import { defaultCacheDir } from "../archive/parse-cache.ts";
import { BuildLockedError } from "../build/build-lock.ts";
import { buildSite, publishedIndexFile } from "../build/build-site.ts";
import { readPublished, type PublishedIndex } from "../build/published-index.ts";
import { silentProgress, type Progress } from "../build/progress.ts";
import { sha256Hex } from "../ingest/read-report.ts";
import type { ArticleRecord, Diagnostic } from "../record/schema.ts";
import { collectInputs } from "./collect-inputs.ts";
import { copyIntoSeeds, takenNames } from "./copy-into-seeds.ts";
import { freeSeedName, safeSeedName } from "./seed-name.ts";
import { validateInput } from "./validate-input.ts";

export interface AddOptions {
  root: string;
  /** Files and folders as given on the command line. */
  inputs: string[];
  /** Where relative inputs are resolved from (default: process.cwd()). */
  cwd?: string;
  /** Folder of reports, relative to root or absolute (default seeds). */
  seedsDir?: string;
  /** Site folder, relative to root or absolute (default _site). */
  outDir?: string;
  /** Show the records without touching seeds/ or the site. */
  dryRun?: boolean;
  progress?: Progress;
  /** How long to wait for another build's lock before giving up (default 60 s). */
  lockWaitMs?: number;
}

/** `rolled-back`: accepted and copied, then taken out of seeds/ again because the rebuild failed. */
export type InputStatus = "added" | "would-add" | "already-in-archive" | "duplicate-input" | "rejected" | "rolled-back";

export interface InputOutcome {
  /** The input's path as shown to the user. */
  input: string;
  status: InputStatus;
  checksum: string;
  /** added / would-add: its file in the archive (root-relative); already-in-archive: the existing copy. */
  seedFile?: string;
  /** added / would-add: the record as the archive has it (unique id, cross-report dates). */
  record?: ArticleRecord;
  /** added / would-add: the article page's path, e.g. /articles/<id>/. */
  url?: string;
  /** Every finding about this input; for rejected inputs the errors that rejected it come first. */
  diagnostics: Diagnostic[];
}

export type BuildOutcome =
  | { ok: true; records: number; pages: number; skipped: number; ms: number; outDir: string }
  | { ok: false; error: string; locked: boolean; keptInSeeds: boolean };

export interface AddResult {
  dryRun: boolean;
  outcomes: InputOutcome[];
  /** Problems with the arguments themselves (a path that does not exist, an empty folder). */
  diagnostics: Diagnostic[];
  build?: BuildOutcome;
  /** Existing articles the addition changed (a new id, another inferred date). */
  changed: Array<{ sourceFile: string; what: string }>;
  exitCode: number;
}

export const EXIT_LOCKED = 75;

export function articleUrl(id: string): string {
  return `/articles/${id}/`;
}

export async function addReports(opts: AddOptions): Promise<AddResult> {
  const cwd = opts.cwd ?? process.cwd();
  const progress = opts.progress ?? silentProgress;
  const seedsAbs = path.resolve(opts.root, opts.seedsDir ?? "seeds");
  const outAbs = path.resolve(opts.root, opts.outDir ?? "_site");
  const rel = (abs: string) => path.relative(opts.root, abs).split(path.sep).join("/");

  const collected = await collectInputs(opts.inputs, cwd);
  const existing = await checksumsOf(seedsAbs, rel, opts.root);
  const taken = await takenNames(seedsAbs);
  const seenInBatch = new Map<string, string>();
  const outcomes: InputOutcome[] = [];
  const accepted: Array<{ outcome: InputOutcome; bytes: Uint8Array; record: ArticleRecord; name: string }> = [];

  for (const input of collected.files) {
    const v = await validateInput(input);
    const outcome: InputOutcome = { input: input.display, status: "rejected", checksum: v.checksum, diagnostics: v.diagnostics };
    outcomes.push(outcome);
    const inArchive = existing.get(v.checksum);
    const earlier = seenInBatch.get(v.checksum);
    if (inArchive) {
      outcome.status = "already-in-archive";
      outcome.seedFile = inArchive;
      outcome.diagnostics = [sameBytes(input.display, "already-in-archive", `already in the archive as ${inArchive}`, "Nothing to do: the archive has this report.")];
    } else if (earlier) {
      outcome.status = "duplicate-input";
      outcome.diagnostics = [sameBytes(input.display, "duplicate-input", `the same report as ${earlier}, given earlier on this command line`, "Nothing to do: it is added once.")];
    } else if (!v.accepted || !v.bytes) {
      outcome.diagnostics = [...v.errors, ...v.diagnostics.filter((d) => d.severity !== "error")];
    } else {
      seenInBatch.set(v.checksum, input.display);
      const name = freeSeedName(safeSeedName(input.abs), taken);
      taken.add(name.toLowerCase());
      outcome.status = opts.dryRun ? "would-add" : "added";
      outcome.seedFile = rel(path.join(seedsAbs, name));
      accepted.push({ outcome, bytes: v.bytes, record: v.record, name });
    }
  }

  const result: AddResult = { dryRun: Boolean(opts.dryRun), outcomes, diagnostics: collected.diagnostics, changed: [], exitCode: 0 };
  if (accepted.length === 0) {
    result.exitCode = 1;
    return result;
  }

  if (opts.dryRun) {
    // Place the new records among the archive's so ids and inferred dates are the ones they would get.
    const { records, permalinks } = await loadParsed({ root: opts.root, seedsDir: opts.seedsDir });
    const planned = accepted.map((a) => ({ ...structuredClone(a.record), sourceFile: a.outcome.seedFile! }));
    const together = buildArchive([...records, ...planned], undefined, { permalinks: permalinks.entries });
    for (const a of accepted) attachRecord(a.outcome, together.records);
    return result;
  }

  const before = await readPublished(publishedIndexFile(opts.root, outAbs), outAbs);
  const copied: string[] = [];
  try {
    for (const a of accepted) {
      taken.delete(a.name.toLowerCase()); // reserved for this very input while planning
      const name = await copyIntoSeeds(seedsAbs, a.name, a.bytes, taken);
      a.outcome.seedFile = rel(path.join(seedsAbs, name));
      copied.push(path.join(seedsAbs, name));
    }
  } catch (err) {
    await Promise.all(copied.map((f) => rm(f, { force: true })));
    throw err;
  }

  const started = performance.now();
  try {
    const built = await buildWhenFree(() => buildSite({ root: opts.root, seedsDir: opts.seedsDir, outDir: opts.outDir, progress }), opts.lockWaitMs ?? 60_000, progress);
    result.build = {
      ok: true,
      records: built.archive.records.length,
      pages: built.pages,
      skipped: built.skipped.length,
      ms: Math.round(performance.now() - started),
      outDir: built.outDir,
    };
    for (const a of accepted) attachRecord(a.outcome, built.archive.records);
    result.changed = changesTo(before, built.archive.records, new Set(accepted.map((a) => a.outcome.checksum)));
  } catch (err) {
    const locked = err instanceof BuildLockedError;
    if (!locked) await Promise.all(copied.map((f) => rm(f, { force: true })));
    result.build = { ok: false, error: (err as Error).message, locked, keptInSeeds: locked };
    result.exitCode = locked ? EXIT_LOCKED : 1;
    if (!locked) for (const a of accepted) a.outcome.status = "rolled-back";
  }
  return result;
}

function sameBytes(file: string, rule: string, what: string, hint: string): Diagnostic {
  return { file, severity: "warning", rule, message: `Unexpected duplicate: ${what} (same sha256 checksum), expected a new report`, hint };
}

/** checksum -> the first report in seeds/ with those bytes; unchanged files' checksums come from the index. */
async function checksumsOf(seedsAbs: string, rel: (abs: string) => string, root: string): Promise<Map<string, string>> {
  const files = await listReports(seedsAbs).catch(() => [] as string[]);
  const index = openChecksumIndex(defaultCacheDir(root));
  const map = new Map<string, string>();
  for (const file of files) {
    // One synchronous stat a report: awaiting 10,000 of them one by one took a third of a second.
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info) continue;
    let checksum = index.known(file, info);
    if (!checksum) {
      const bytes = await readFile(file).catch(() => undefined);
      if (!bytes) continue;
      checksum = sha256Hex(bytes);
      index.record(file, info, checksum);
    }
    if (!map.has(checksum)) map.set(checksum, rel(file));
  }
  await index.save();
  return map;
}

function attachRecord(outcome: InputOutcome, records: ArticleRecord[]): void {
  const record = records.find((r) => r.checksum === outcome.checksum);
  if (!record) return;
  outcome.record = record;
  outcome.url = articleUrl(record.id);
  // Archive-wide findings (an id made unique, an inferred date) belong with the input's own.
  for (const d of record.diagnostics) {
    if (!outcome.diagnostics.some((o) => o.rule === d.rule && o.line === d.line && o.message === d.message)) outcome.diagnostics.push({ ...d, file: outcome.input });
  }
}

/** Runs the build, waiting (polling) while another build holds the lock, up to `waitMs`. */
async function buildWhenFree<T>(build: () => Promise<T>, waitMs: number, progress: Progress): Promise<T> {
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      return await build();
    } catch (err) {
      if (!(err instanceof BuildLockedError) || Date.now() >= deadline) throw err;
      if (!told) progress.info(`Waiting for another build (pid ${err.pid}) to finish…`);
      told = true;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function changesTo(before: PublishedIndex, after: ArticleRecord[], added: Set<string>): AddResult["changed"] {
  const changed: AddResult["changed"] = [];
  for (const r of after) {
    const was = before.get(r.checksum);
    if (!was || added.has(r.checksum)) continue;
    if (was.id !== r.id) changed.push({ sourceFile: r.sourceFile, what: `page moved from ${articleUrl(was.id)} to ${articleUrl(r.id)}` });
    const date = r.published?.date;
    if (was.date !== date) changed.push({ sourceFile: r.sourceFile, what: `publication date ${was.date ?? "unknown"} -> ${date ?? "unknown"}${r.published ? ` (${r.published.origin})` : ""}` });
  }
  return changed;
}
