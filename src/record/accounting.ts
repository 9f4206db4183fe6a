/**
 * "Nothing is lost": every non-blank input line must be accounted for by some part of the record
 * (a field, a body block, media, a related link, or `removed` with a reason). `claimsByLine` lists,
 * for each line number, the texts that claim it; `unaccountedLines` checks every word of every line
 * appears in those texts.
 */
import type { ArticleRecord } from "./schema.ts";

export function claimsByLine(record: ArticleRecord): Map<number, string[]> {
  const claims = new Map<number, string[]>();
  const add = (line: number | undefined, text: string | undefined, endLine?: number) => {
    if (line === undefined || text === undefined) return;
    for (let n = line; n <= (endLine ?? line); n++) {
      const list = claims.get(n) ?? [];
      list.push(text);
      claims.set(n, list);
    }
  };
  add(record.headlineLine, record.headline);
  add(record.source.line, record.source.evidence);
  add(record.published?.line, record.published?.evidence);
  for (const f of record.fields) add(f.line, f.text);
  for (const b of record.body) {
    if (b.type === "timeline") {
      add(b.line, b.title);
      for (const e of b.entries) add(e.line, `${e.label} ${e.text}`, e.endLine);
    } else add(b.line, b.text, b.endLine);
  }
  for (const m of record.media) add(m.line, m.text);
  for (const r of record.related) add(r.line, r.text, r.endLine);
  for (const r of record.removed) add(r.line, r.text);
  return claims;
}

/** Letters and digits as separate runs, so a repaired glue (`summit9 Sep` -> `summit` / `9 Sep`) still matches. */
const WORD = /\p{L}+|\p{N}+/gu;

/** Lines (number and text) some of whose words appear in no claim for that line. */
export function unaccountedLines(record: ArticleRecord, lines: Array<{ n: number; text: string }>): Array<{ n: number; text: string }> {
  const claims = claimsByLine(record);
  return lines.filter((line) => {
    const texts = claims.get(line.n) ?? [];
    // Fast path (same answer): a claim printing the line's text whole, not inside a longer word, holds all its words.
    const trimmed = line.text.trim();
    if (trimmed && texts.some((t) => containsWhole(t, trimmed))) return false;
    const words = line.text.match(WORD);
    if (!words) return line.text.trim() !== "" && !texts.length;
    const need = new Map<string, number>();
    for (const w of words) need.set(w, (need.get(w) ?? 0) + 1);
    for (const [w, n] of need) if (wholeRunCount(texts, w, n) < n) return true;
    return false;
  });
}

/**
 * How often the WORD run `word` occurs whole in `texts`, counted up to `enough`. Found by indexOf
 * rather than by splitting each claim into words: a line split across paragraphs (a glued sentence)
 * needs a dozen words looked up in a few long claims.
 */
function wholeRunCount(texts: string[], word: string, enough: number): number {
  let have = 0;
  for (const t of texts) {
    for (let at = t.indexOf(word); at !== -1 && have < enough; at = t.indexOf(word, at + 1)) {
      if (isWholeOccurrence(t, at, word)) have++;
    }
  }
  return have;
}

/** 1 letter, 2 digit, 0 anything else: the classes WORD splits runs by. */
function runClass(ch: string | undefined): number {
  if (ch === undefined) return 0;
  if (LETTER.test(ch)) return 1;
  return DIGIT.test(ch) ? 2 : 0;
}
const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{N}$/u;

/** runClass of an ASCII code unit, without a regular expression. */
function asciiClass(c: number): number {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 1;
  return c >= 48 && c <= 57 ? 2 : 0;
}

/** Class of the code point ending just before `i` (surrogate pairs whole); 0 at the start. */
function classBefore(s: string, i: number): number {
  if (i <= 0) return 0;
  const c = s.charCodeAt(i - 1);
  if (c < 128) return asciiClass(c);
  return runClass(c >= 0xdc00 && c <= 0xdfff && i >= 2 ? s.slice(i - 2, i) : s[i - 1]);
}

/** Class of the code point starting at `i`; 0 at the end. */
function classAt(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c < 128) return asciiClass(c);
  return runClass(String.fromCodePoint(s.codePointAt(i)!));
}

/**
 * Whether `needle` occurs in `hay` with no WORD run crossing either end of the occurrence: then every
 * word of `needle` (with its multiplicity) is a word of `hay`.
 */
function containsWhole(hay: string, needle: string): boolean {
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
    if (isWholeOccurrence(hay, at, needle)) return true;
  }
  return false;
}

/** Whether the occurrence of `needle` at `at` in `hay` has no WORD run crossing either of its ends. */
function isWholeOccurrence(hay: string, at: number, needle: string): boolean {
  const first = classAt(needle, 0);
  const last = classBefore(needle, needle.length);
  const before = first ? classBefore(hay, at) : 0;
  const after = last ? classAt(hay, at + needle.length) : 0;
  return (!first || before !== first) && (!last || after !== last);
}
