/**
 * Per-line measurements the line classifier works from: length in words (CJK text counted by
 * characters), stop-word density, sentence shape, capitalisation, and how often the same text recurs
 * on the page. Pure and linear in the page size.
 */
import type { Line } from "../ingest/types.ts";
import { chooseStopList, STOP_LIST_COUNT, stopListsOf } from "./classify-stopwords.ts";
import { tokens } from "./text-shape.ts";

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
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/u;

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
  // The same tokens text-shape gives (same pattern), from its per-text memo: earlier stages read these lines too.
  const tokensOf: Array<readonly string[]> = input.map((l) => tokens(l.text));
  // Stop words per line and list, looked up once per word: they pick the page's list (from the
  // first lines not skipped, whole lines up to LANGUAGE_SAMPLE_WORDS words) and give each line's density.
  const stopHits = new Uint32Array(input.length * STOP_LIST_COUNT);
  const sampleHits = new Array<number>(STOP_LIST_COUNT).fill(0);
  let sampled = 0;
  for (let i = 0; i < input.length; i++) {
    const inSample = sampled < LANGUAGE_SAMPLE_WORDS && !skip?.has(input[i].n);
    for (const t of tokensOf[i]) {
      const lists = stopListsOf(t);
      if (!lists) continue;
      for (const j of lists) {
        stopHits[i * STOP_LIST_COUNT + j]++;
        if (inSample) sampleHits[j]++;
      }
    }
    if (inSample) sampled += tokensOf[i].length;
  }
  const stop = chooseStopList(sampleHits, sampled);
  const counts = new Map<string, number>();
  // The same words in the same order, case aside: what `normalise` gives, from the tokens at hand.
  const keys = tokensOf.map((t) => t.join(" ").toLowerCase());
  for (const k of keys) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);

  const out: LineFeatures[] = [];
  for (let i = 0; i < input.length; i++) {
    const text = input[i].text.trim();
    if (!text) continue;
    const lineTokens = tokensOf[i];
    const stops = stop === undefined ? 0 : stopHits[i * STOP_LIST_COUNT + stop];
    let cased = 0;
    let capital = 0;
    for (const t of lineTokens) {
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
    const words = countWords(text, lineTokens);
    out.push({
      i,
      n: input[i].n,
      text,
      words,
      tokens: lineTokens.length,
      chars: text.length,
      stopDensity: stop !== undefined ? (lineTokens.length ? stops / lineTokens.length : 0) : undefined,
      endsSentence: SENTENCE_END.test(text),
      capShare: cased ? capital / cased : 0,
      repeats: counts.get(keys[i]) ?? 1,
      blankBefore: i === 0 || !input[i - 1].text.trim(),
      blankAfter: i === input.length - 1 || !input[i + 1].text.trim(),
    });
  }
  return { lines: out, hasStopList: stop !== undefined };
}
