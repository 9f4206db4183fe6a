/**
 * Names in one report: the alias table's listed forms, plus the people, organisations and places the
 * `compromise` NLP library tags in the report's runs of capitalised words (each run with a word of
 * context either side, tagged once per archive: names recur). Each is cleaned (possessive, punctuation, leading titles), resolved to a
 * canonical name (alias table; else a lone surname to the full name the same report gives), and kept
 * with the block it sits in. Listed forms win where the two overlap.
 */
import { loadOnFirstUse } from "../util/load-on-first-use.ts";
import type Nlp from "compromise";
import type { ArticleRecord } from "../record/schema.ts";
import { aliasKey, type AliasTable } from "./alias-table.ts";
import { installFastSweep } from "./fast-sweep.ts";
import type { EntityKind } from "./types.ts";

export interface ResolvedMention {
  name: string;
  kind: EntityKind;
  blockIndex: number;
  /** The words as printed. */
  text: string;
}

interface RawMention {
  text: string;
  kind: EntityKind;
  start: number;
  end: number;
  listed: boolean;
}

type Tagged = { text: string; offset: { start: number; length: number } };
// Offsets to place each name in its block; no per-term detail (it is most of the output's cost).
const JSON_OPTIONS = { offset: true, terms: false } as unknown as { offset: boolean };

export function findMentions(record: ArticleRecord, table: AliasTable): ResolvedMention[] {
  const raw: Array<RawMention & { blockIndex: number }> = [];
  const { text, starts } = bodyText(record);
  for (const m of textMentions(text, table)) {
    let blockIndex = starts.length - 1;
    while (blockIndex > 0 && starts[blockIndex] > m.start) blockIndex--;
    raw.push({ ...m, blockIndex });
  }
  // Resolve each form: the alias table first, else itself.
  const resolved = raw.map((m) => {
    const entry = table.byKey.get(aliasKey(m.text));
    return { ...m, name: entry?.name ?? m.text, kind: entry?.kind ?? m.kind, shortAlias: table.isShortPersonAlias(m.text) };
  });
  // A lone surname ("Kerry") means the person the report names in full ("John Kerry").
  const fullNames = new Map<string, string>();
  for (const m of resolved) {
    if (m.kind !== "person" || !/\s/.test(m.name)) continue;
    const last = aliasKey(m.name.split(/\s+/).at(-1)!.replace(/^al-/i, ""));
    if (!fullNames.has(last)) fullNames.set(last, m.name);
  }
  const namedInFull = new Set(resolved.filter((m) => !m.shortAlias).map((m) => m.name));
  const out: ResolvedMention[] = [];
  for (const m of resolved) {
    let name = m.name;
    if (m.kind === "person" && !/\s/.test(name)) name = fullNames.get(aliasKey(name.replace(/^al-/i, ""))) ?? name;
    // One-word aliases ("Ban", "Assad") only count where the report also names the person in full.
    if (m.shortAlias && !namedInFull.has(name)) continue;
    out.push({ name, kind: m.kind, blockIndex: m.blockIndex, text: m.text });
  }
  return out;
}

export function textMentions(text: string, table: AliasTable): RawMention[] {
  const listed: RawMention[] = [];
  for (const m of text.matchAll(table.pattern ?? /(?!)/g)) {
    const entry = table.byKey.get(aliasKey(m[0]))!;
    listed.push({ text: m[0], kind: entry.kind, start: m.index!, end: m.index! + m[0].length, listed: true });
  }
  const runs = capitalisedRuns(text);
  tagRuns(runs);
  const tagged: RawMention[] = [];
  for (const { at, run, before, after } of runs) {
    for (const f of runNames.get(runKey(run, before, after))!) {
      const cleaned = cleanName(f.text, table);
      if (!cleaned) continue;
      // Where the cleaned name sits inside the tagged span (titles and punctuation were cut off).
      const start = at + f.start + Math.max(0, f.text.indexOf(cleaned));
      const end = start + cleaned.length;
      if (listed.some((l) => l.start < end && start < l.end)) continue;
      tagged.push({ text: cleaned, kind: f.kind, start, end, listed: false });
    }
  }
  return [...listed, ...tagged].sort((a, b) => a.start - b.start);
}

/** The report's blocks as one text, each followed by a blank line, and where each block starts in it. */
function bodyText(record: ArticleRecord): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = "";
  for (const block of record.body) {
    starts.push(text.length);
    text += `${block.text}\n\n`;
  }
  return { text, starts };
}

/** A capitalised run with the context words the tagger reads it with. */
export interface RunToTag {
  run: string;
  before: string;
  after: string;
}

/** The text's capitalised runs worth asking the tagger about, each with its place and context words. */
function capitalisedRuns(text: string): Array<RunToTag & { at: number }> {
  return [...text.matchAll(CAPITALISED_RUN)].flatMap((run) => {
    const at = run.index!;
    const end = at + run[0].length;
    const before = /(\S+)[ \t]+$/.exec(text.slice(Math.max(0, at - 40), at))?.[1] ?? "";
    const after = /^[ \t]*(\S+)/.exec(text.slice(end, end + 40))?.[1];
    // A run that opens a sentence is tagged as one, so its first word is not taken as a name for its capital alone.
    const opening = before === "" || /[.!?"”:]$/.test(before);
    if (opening && FUNCTION_WORDS.has(run[0].toLowerCase())) return [];
    return [{ at, run: run[0], before: opening ? "" : contextWord(before), after: contextWord(after) }];
  });
}

/**
 * Every distinct run of these reports (`keys`), and those not tagged yet (`untagged`), for tagging
 * ahead of the reports in several threads: then no thread tags a run another one did. At 10,000
 * generated reports, each of two threads tagging its own reports' runs met over nine tenths of them.
 */
export function runsOf(records: Iterable<ArticleRecord>): { keys: string[]; untagged: RunToTag[] } {
  const seen = new Set<string>();
  const untagged: RunToTag[] = [];
  for (const record of records) {
    for (const { run, before, after } of capitalisedRuns(bodyText(record).text)) {
      const key = runKey(run, before, after);
      if (seen.has(key)) continue;
      seen.add(key);
      if (!runNames.has(key)) untagged.push({ run, before, after });
    }
  }
  return { keys: [...seen], untagged };
}

/** Tags the runs (those not tagged before) and returns what the tagger said about each. */
export function tagAll(runs: readonly RunToTag[]): TaggedRuns {
  tagRuns(runs);
  return runs.map(({ run, before, after }) => {
    const key = runKey(run, before, after);
    return [key, runNames.get(key)!];
  });
}

/** What the tagger said about these runs (keys from `runsOf`), for another thread's `rememberTaggedRuns`. */
export function taggedEntries(keys: Iterable<string>): TaggedRuns {
  const out: TaggedRuns = [];
  for (const key of keys) {
    const names = runNames.get(key);
    if (names) out.push([key, names]);
  }
  return out;
}

/**
 * Candidate names: runs of capitalised words, with the small words names carry inside them
 * ("Organisation for the Prohibition of Chemical Weapons", "Bashar al-Assad").
 */
const CAPITALISED_WORD = "(?:(?:al|el|ad|as|ash|an|bin|ibn)-)?\\p{Lu}[\\p{L}\\p{M}'’.-]*";
const CAPITALISED_RUN = new RegExp(`${CAPITALISED_WORD}(?:[ \\t]+(?:(?:of|for|the|and|de|du|van|von|bin|al)[ \\t]+)*${CAPITALISED_WORD})*`, "gu");

/**
 * The marks the tagger's sentence splitter reads as opening a quotation or a bracket, which it follows
 * past a paragraph break (merging the next sentences up to a closing mark). Runs are tagged side by
 * side in one call, so a context word holding one would make a run's names depend on its neighbours,
 * and so on which reports a process tagged first. Runs hold none (CAPITALISED_WORD); closing marks
 * alone merge nothing.
 */
const OPENING_MARKS = /["\uFF02\u201C\u201F\u201E\u2E42\u201A\u00AB\u2039\u2035-\u2037\u301D\u301F\u300C\u300E(\uFF08]/g;
const contextWord = (word: string | undefined): string => word?.replace(OPENING_MARKS, "") ?? "";

type RunName = { kind: EntityKind; text: string; start: number };
/** Run keys with the tagger's names in each, as kept between builds and passed between threads. */
export type TaggedRuns = Array<[string, RunName[]]>;
/**
 * The tagger's names in one capitalised run, tagged with the word either side of it (enough context
 * for "the IMF said", "in Geneva"). Names recur across an archive, so each distinct run-in-context
 * is tagged once per process: the tagger on whole reports cost 20-40 ms each.
 */
const runNames = new Map<string, RunName[]>();

/**
 * What the tagger said about each run so far, to keep between builds (src/entities/tag-cache.ts):
 * a rebuild then tags only runs it has not seen. Valid for one TAGGER_VERSION.
 */
export function taggedRuns(from = 0): TaggedRuns {
  return [...runNames].slice(from);
}

/** How many runs the tagger has answered for so far (`taggedRuns(count)` is what it answers after). */
export const taggedRunCount = (): number => runNames.size;

/** Loads runs tagged by an earlier build (same TAGGER_VERSION). */
export function rememberTaggedRuns(entries: Iterable<[string, RunName[]]>): void {
  for (const [key, names] of entries) if (!runNames.has(key)) runNames.set(key, names);
}

/** Changes when what the tagger returns for a run may change: the library, the hooks, this code's use. */
export const TAGGER_VERSION = "runs-4";

/**
 * The tagger, loaded on first use (its single-file CommonJS build: the ES module build is hundreds of
 * files, a second of start-up): a rebuild whose runs were all tagged before never loads it.
 */
const nlp = loadOnFirstUse<typeof Nlp>("compromise", installFastSweep);

/**
 * The tagger's steps, without `chunks` (verb and noun phrase chunking, which names do not use): a
 * third of its time, and the same people, organisations and places on the dev reports without it.
 */
const HOOKS = ["contractions", "alias", "machine", "index", "id", "freeze", "typeahead", "lexicon", "preTagger", "contractionTwo", "postTagger"];

const runKey = (run: string, before: string, after: string) => `${before}|${run}|${after}`;

/** Sentence-opening words that are never names on their own: no need to ask the tagger. */
const FUNCTION_WORDS = new Set(
  ("a an the this that these those it its he she they we i you his her their our my there here but and or so yet " +
    "if when while as at in on of for from by with after before since until during about under over into " +
    "however meanwhile also although though because despite now then still even only some many most all both " +
    "each other such no not one two three mr mrs ms").split(" "),
);

/**
 * Tags the runs not seen before, in one tagger call (each run and its context a paragraph of its
 * own: the per-call setup costs more than a short run's tagging).
 */
function tagRuns(runs: readonly RunToTag[]): void {
  const pieces: Array<{ key: string; start: number; lead: number; length: number }> = [];
  let text = "";
  const queued = new Set<string>();
  for (const { run, before, after } of runs) {
    const key = runKey(run, before, after);
    if (runNames.has(key) || queued.has(key)) continue;
    queued.add(key);
    const lead = before ? `${before} ` : "";
    pieces.push({ key, start: text.length, lead: lead.length, length: run.length });
    text += `${lead}${run}${after ? ` ${after}` : ""}\n\n`;
  }
  for (const p of pieces) runNames.set(p.key, []);
  if (!pieces.length) return;
  const doc = nlp().tokenize(text);
  doc.compute(HOOKS);
  const kinds = [
    ["person", doc.people()],
    ["organisation", doc.organizations()],
    ["place", doc.places()],
  ] as const;
  for (const [kind, found] of kinds) {
    for (const f of found.json(JSON_OPTIONS) as Tagged[]) {
      let lo = 0;
      let hi = pieces.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (pieces[mid].start <= f.offset.start) lo = mid;
        else hi = mid - 1;
      }
      const piece = pieces[lo];
      // Names that start in the context words belong to the neighbouring run, which is tagged on its own.
      const start = f.offset.start - piece.start - piece.lead;
      if (start >= 0 && start < piece.length) runNames.get(piece.key)!.push({ kind, text: f.text.slice(0, piece.length - start), start });
    }
  }
}

/** The name without possessive, surrounding punctuation and leading titles; "" when nothing name-like is left. */
export function cleanName(text: string, table: AliasTable): string {
  let name = text
    .trim()
    .replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, "")
    .replace(/['’]s$/u, "")
    .replace(/\.$/, "");
  name = table.stripTitles(name).trim();
  if (!name || /[\d:;"“”()]/.test(name)) return "";
  if (!/^\p{Lu}/u.test(name)) return "";
  // Single short words are too ambiguous unless written as an acronym ("UN", "BBC").
  if (!/\s/.test(name) && name.length < 3 && !/^\p{Lu}{2,}$/u.test(name)) return "";
  return name;
}
