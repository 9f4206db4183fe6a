/**
 * Per-line measurements the line classifier works from: length in words (CJK text counted by
 * characters), stop-word density, sentence shape, capitalisation, and how often the same text recurs
 * on the page. Pure and linear in the page size.
 */
import type { Line } from "../ingest/types.ts";
import { asciiStopListsAt, chooseStopList, MAX_STOP_WORD_LENGTH, STOP_LIST_COUNT, stopListsOf } from "./classify-stopwords.ts";
import { asciiWordEnd, endsWithMark, isAscii, isAsciiAlnum, rememberWordCount, tokens } from "./text-shape.ts";

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
  // Indexed loops and typed arrays throughout: this runs over every word of every report, much of it
  // before V8 optimises.
  const trimmed = new Array<string>(count);
  const words = scanPage(input);
  for (let i = 0; i < count; i++) trimmed[i] = input[i].text.trim();
  const stop = chooseLinesList(input, words, skip);
  const repeats = repeatCounts(input, words.tokens);

  const out: LineFeatures[] = [];
  for (let i = 0; i < count; i++) {
    const text = trimmed[i];
    if (!text) continue;
    const lineTokens = words.tokens[i];
    const cased = words.cased[i];
    out.push({
      i,
      n: input[i].n,
      text,
      // Only a line beyond ASCII can hold CJK text, counted by characters.
      words: words.ascii[i] ? lineTokens : countWords(text, tokens(input[i].text)),
      tokens: lineTokens,
      chars: text.length,
      stopDensity: stop !== undefined ? (lineTokens ? words.hits[i * STOP_LIST_COUNT + stop] / lineTokens : 0) : undefined,
      endsSentence: endsWithMark(text, SENTENCE_MARKS, SENTENCE_CLOSERS),
      capShare: cased ? words.capital[i] / cased : 0,
      repeats: repeats[i],
      blankBefore: i === 0 || !trimmed[i - 1],
      blankAfter: i === count - 1 || !trimmed[i + 1],
    });
  }
  return { lines: out, hasStopList: stop !== undefined };
}

/**
 * Per line: its tokens (as `tokens` splits them), its words with a cased first letter and how many of
 * those are capitals, and its stop words in each list (`hits`, STOP_LIST_COUNT per line). An ASCII line
 * (most are) is read in place, by code unit, with no array of words; another from its `tokens`.
 */
interface PageWords {
  tokens: Uint32Array;
  cased: Uint32Array;
  capital: Uint32Array;
  ascii: Uint8Array;
  /** A scratch table reused by every page (the counts of every list were a seventh of the parse's garbage). */
  hits: Uint32Array;
}

function scanPage(input: Line[]): PageWords {
  const count = input.length;
  const size = count * STOP_LIST_COUNT;
  if (hitsScratch.length < size) hitsScratch = new Uint32Array(Math.max(size, hitsScratch.length * 2));
  const words: PageWords = { tokens: new Uint32Array(count), cased: new Uint32Array(count), capital: new Uint32Array(count), ascii: new Uint8Array(count), hits: hitsScratch };
  words.hits.fill(0, 0, size);
  for (let i = 0; i < count; i++) {
    const text = input[i].text;
    if (isAscii(text)) {
      words.ascii[i] = 1;
      scanAsciiLine(text, i, words);
    } else scanTokens(tokens(text), i, words);
  }
  return words;
}

function scanAsciiLine(text: string, line: number, words: PageWords): void {
  const row = line * STOP_LIST_COUNT;
  let n = 0;
  let cased = 0;
  let capital = 0;
  let i = 0;
  while (i < text.length) {
    const first = text.charCodeAt(i);
    if (!isAsciiAlnum(first)) {
      i++;
      continue;
    }
    const end = asciiWordEnd(text, i);
    n++;
    if (first >= 97) cased++;
    else if (first >= 65) {
      cased++;
      capital++;
    }
    if (end - i <= MAX_STOP_WORD_LENGTH) {
      const lists = asciiStopListsAt(text, i, end);
      if (lists !== undefined) for (let j = 0; j < lists.length; j++) words.hits[row + lists[j]]++;
    }
    i = end;
  }
  words.tokens[line] = n;
  words.cased[line] = cased;
  words.capital[line] = capital;
  rememberWordCount(text, n);
}

function scanTokens(lineTokens: readonly string[], line: number, words: PageWords): void {
  const row = line * STOP_LIST_COUNT;
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
    if (t.length > MAX_STOP_WORD_LENGTH) continue;
    const lists = stopListsOf(t);
    if (lists !== undefined) for (let j = 0; j < lists.length; j++) words.hits[row + lists[j]]++;
  }
  words.tokens[line] = lineTokens.length;
  words.cased[line] = cased;
  words.capital[line] = capital;
}
let hitsScratch = new Uint32Array(0);

/**
 * The stop-word list of the page's language, picked from the first lines not skipped (whole lines, up
 * to LANGUAGE_SAMPLE_WORDS words), or undefined when none fits.
 */
function chooseLinesList(input: Line[], words: PageWords, skip?: { has(n: number): boolean }): number | undefined {
  const sampleHits = new Array<number>(STOP_LIST_COUNT).fill(0);
  let sampled = 0;
  for (let i = 0; i < input.length && sampled < LANGUAGE_SAMPLE_WORDS; i++) {
    if (words.tokens[i] === 0 || skip?.has(input[i].n)) continue;
    for (let j = 0; j < STOP_LIST_COUNT; j++) sampleHits[j] += words.hits[i * STOP_LIST_COUNT + j];
    sampled += words.tokens[i];
  }
  return chooseStopList(sampleHits, sampled);
}

/**
 * For each line, the lines on the page with the same words in the same order, case aside (what
 * `normalise` compares, from the lines' tokens). Lines with equal words have equal word counts, so
 * only lines sharing their count with another are compared (and tokenised); the rest are unique.
 */
function repeatCounts(input: Line[], tokenCounts: Uint32Array): number[] {
  const sameCount = new Map<number, number>();
  for (let i = 0; i < tokenCounts.length; i++) {
    const n = tokenCounts[i];
    if (n > 0) sameCount.set(n, (sameCount.get(n) ?? 0) + 1);
  }
  const keys = new Array<string | undefined>(tokenCounts.length);
  const counts = new Map<string, number>();
  for (let i = 0; i < tokenCounts.length; i++) {
    if ((sameCount.get(tokenCounts[i]) ?? 0) < 2) continue;
    keys[i] = tokens(input[i].text).join(" ").toLowerCase();
    counts.set(keys[i]!, (counts.get(keys[i]!) ?? 0) + 1);
  }
  const repeats = new Array<number>(tokenCounts.length);
  for (let i = 0; i < tokenCounts.length; i++) repeats[i] = keys[i] === undefined ? 1 : counts.get(keys[i]!)!;
  return repeats;
}
