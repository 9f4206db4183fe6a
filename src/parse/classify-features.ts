/**
 * Per-line measurements the line classifier works from: length in words (CJK text counted by
 * characters), stop-word density, sentence shape, capitalisation, and how often the same text recurs
 * on the page. Pure and linear in the page size.
 */
import type { Line } from "../ingest/types.ts";
import { chooseStopList, MAX_STOP_WORD_LENGTH, STOP_LIST_COUNT, stopListsOf } from "./classify-stopwords.ts";
import { endsWithMark, tokens } from "./text-shape.ts";

export interface LineFeatures {
  /** Index into the classifier's input array. */
  i: number;
  n: number;
  text: string;
  /** Words, with unsegmented CJK runs counted as one word per two characters. */
  words: number;
  /** Words as the tokeniser splits them (no CJK estimate): `normalise` gives at least this many. */
  tokens: number;
  chars: number;
  /** Share of words that are stop words; undefined when the page's language has no list. */
  stopDensity?: number;
  /** Ends like a finished sentence (. ! ? … and CJK equivalents, optionally inside quotes/brackets). */
  endsSentence: boolean;
  /** Share of cased words that start with a capital letter (1 for "Most Popular Articles"). */
  capShare: number;
  /** Lines on the page with the same normalised text (1 = unique). */
  repeats: number;
  /** A blank line (or the start of the input) directly above / below. */
  blankBefore: boolean;
  blankAfter: boolean;
}

// Scripts written without spaces between words (Han, kana, Hangul syllables, Thai), by code point range:
// cheaper than Unicode script properties, which matters on long pages.
const CJK = /[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
/** What ends a sentence (`endsSentence` plus CJK marks and », read backwards: see endsWithMark). */
const SENTENCE_MARKS = ".!?…。！？";
const SENTENCE_CLOSERS = `"'”’»)]`;

export function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/**
 * Cheap test before `normalise(text) === key` or a prefix test between them (key non-empty): the
 * first letter or digit of `text`, lower-cased, must be the key's first character. Decided on ASCII
 * only; anything else is left to the full comparison.
 */
export function mayNormaliseTo(text: string, key: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return true;
    if (c >= 48 && c <= 57) return c === key.charCodeAt(0);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return (c | 0x20) === key.charCodeAt(0);
  }
  return key === "";
}

function countWords(text: string, words: readonly string[]): number {
  if (!CJK.test(text)) return words.length;
  let n = 0;
  for (const t of words) n += CJK.test(t) ? Math.max(1, Math.round(t.length / 2)) : 1;
  return n;
}

/** Words of the page that decide its language: the first lines' words, up to this many (whole lines). */
const LANGUAGE_SAMPLE_WORDS = 3000;

export interface PageFeatures {
  lines: LineFeatures[];
  /** Whether a stop-word list fits the page's language. */
  hasStopList: boolean;
}

/** `skip`: line numbers whose words should not decide the page's language (text already set aside). */
export function measureLines(input: Line[], skip?: { has(n: number): boolean }): PageFeatures {
  const count = input.length;
  // Indexed loops throughout: this runs over every word of every report, much of it before V8 optimises.
  const trimmed = new Array<string>(count);
  // The same tokens text-shape gives (same pattern), from its per-text memo: earlier stages read these lines too.
  const tokensOf = new Array<readonly string[]>(count);
  for (let i = 0; i < count; i++) {
    trimmed[i] = input[i].text.trim();
    tokensOf[i] = tokens(input[i].text);
  }
  const stop = stopHitsOf(input, tokensOf, skip);
  const repeats = repeatCounts(tokensOf);

  const out: LineFeatures[] = [];
  for (let i = 0; i < count; i++) {
    const text = trimmed[i];
    if (!text) continue;
    const lineTokens = tokensOf[i];
    const stops = stop.perLine === undefined ? 0 : stop.perLine[i];
    const { cased, capital } = caseCounts(lineTokens);
    out.push({
      i,
      n: input[i].n,
      text,
      words: countWords(text, lineTokens),
      tokens: lineTokens.length,
      chars: text.length,
      stopDensity: stop.perLine !== undefined ? (lineTokens.length ? stops / lineTokens.length : 0) : undefined,
      endsSentence: endsWithMark(text, SENTENCE_MARKS, SENTENCE_CLOSERS),
      capShare: cased ? capital / cased : 0,
      repeats: repeats[i],
      blankBefore: i === 0 || !trimmed[i - 1],
      blankAfter: i === count - 1 || !trimmed[i + 1],
    });
  }
  return { lines: out, hasStopList: stop.perLine !== undefined };
}

/**
 * Stop words per line and list, looked up once per word: they pick the page's list (from the first
 * lines not skipped, whole lines up to LANGUAGE_SAMPLE_WORDS words) and give each line's count in it.
 * Only words short enough to be a stop word are looked up (lower-casing never shortens a word).
 * The counts of every list are kept in one scratch table reused by every page (it was a seventh of the
 * parse's garbage); only the chosen list's counts are handed back.
 */
function stopHitsOf(input: Line[], tokensOf: Array<readonly string[]>, skip?: { has(n: number): boolean }): { perLine?: Uint32Array } {
  const size = input.length * STOP_LIST_COUNT;
  if (hitsScratch.length < size) hitsScratch = new Uint32Array(Math.max(size, hitsScratch.length * 2));
  const hits = hitsScratch;
  hits.fill(0, 0, size);
  const sampleHits = new Array<number>(STOP_LIST_COUNT).fill(0);
  let sampled = 0;
  for (let i = 0; i < input.length; i++) {
    const words = tokensOf[i];
    if (words.length === 0) continue;
    const inSample = sampled < LANGUAGE_SAMPLE_WORDS && !skip?.has(input[i].n);
    for (let w = 0; w < words.length; w++) {
      if (words[w].length > MAX_STOP_WORD_LENGTH) continue;
      const lists = stopListsOf(words[w]);
      if (lists === undefined) continue;
      for (let j = 0; j < lists.length; j++) {
        hits[i * STOP_LIST_COUNT + lists[j]]++;
        if (inSample) sampleHits[lists[j]]++;
      }
    }
    if (inSample) sampled += words.length;
  }
  const list = chooseStopList(sampleHits, sampled);
  if (list === undefined) return {};
  const perLine = new Uint32Array(input.length);
  for (let i = 0; i < input.length; i++) perLine[i] = hits[i * STOP_LIST_COUNT + list];
  return { perLine };
}
let hitsScratch = new Uint32Array(0);

/**
 * For each line, the lines on the page with the same words in the same order, case aside (what
 * `normalise` compares, from the tokens at hand). Lines with equal words have equal word counts, so
 * only lines sharing their count with another are compared; the rest are unique.
 */
function repeatCounts(tokensOf: Array<readonly string[]>): number[] {
  const sameCount = new Map<number, number>();
  for (let i = 0; i < tokensOf.length; i++) {
    const n = tokensOf[i].length;
    if (n > 0) sameCount.set(n, (sameCount.get(n) ?? 0) + 1);
  }
  const keys = new Array<string | undefined>(tokensOf.length);
  const counts = new Map<string, number>();
  for (let i = 0; i < tokensOf.length; i++) {
    if ((sameCount.get(tokensOf[i].length) ?? 0) < 2) continue;
    keys[i] = tokensOf[i].join(" ").toLowerCase();
    counts.set(keys[i]!, (counts.get(keys[i]!) ?? 0) + 1);
  }
  const repeats = new Array<number>(tokensOf.length);
  for (let i = 0; i < tokensOf.length; i++) repeats[i] = keys[i] === undefined ? 1 : counts.get(keys[i]!)!;
  return repeats;
}

/** Words with a cased first letter, and how many of those are capitals. */
function caseCounts(lineTokens: readonly string[]): { cased: number; capital: number } {
  let cased = 0;
  let capital = 0;
  for (let k = 0; k < lineTokens.length; k++) {
    const t = lineTokens[k];
    // ASCII first letters decided by code; anything else by case mapping.
    const code = t.charCodeAt(0);
    if (code >= 97 && code <= 122) cased++;
    else if (code >= 65 && code <= 90) {
      cased++;
      capital++;
    } else if (code >= 128) {
      const c = t[0];
      if (c.toLowerCase() !== c.toUpperCase()) {
        cased++;
        if (c !== c.toLowerCase()) capital++;
      }
    }
  }
  return { cased, capital };
}
