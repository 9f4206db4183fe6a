/**
 * Per-line measurements the line classifier works from: length in words (CJK text counted by
 * characters), stop-word density, sentence shape, capitalisation, and how often the same text recurs
 * on the page. Pure and linear in the page size.
 */
import type { Line } from "../ingest/types.ts";
import { pickStopList, type StopList } from "./classify-stopwords.ts";

export interface LineFeatures {
  /** Index into the classifier's input array. */
  i: number;
  n: number;
  text: string;
  /** Words, with unsegmented CJK runs counted as one word per two characters. */
  words: number;
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

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
// Scripts written without spaces between words (Han, kana, Hangul syllables, Thai), by code point range:
// cheaper than Unicode script properties, which matters on long pages.
const CJK = /[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/u;

export function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

function countWords(text: string, tokens: string[]): number {
  if (!CJK.test(text)) return tokens.length;
  let n = 0;
  for (const t of tokens) n += CJK.test(t) ? Math.max(1, Math.round(t.length / 2)) : 1;
  return n;
}

/** The first `max` words of the page (enough to tell its language). */
function sample(tokensOf: string[][], max: number): string[] {
  const out: string[] = [];
  for (const t of tokensOf) {
    for (const w of t) out.push(w);
    if (out.length >= max) break;
  }
  return out;
}

export interface PageFeatures {
  lines: LineFeatures[];
  /** Whether a stop-word list fits the page's language. */
  hasStopList: boolean;
}

/** `skip`: line numbers whose words should not decide the page's language (text already set aside). */
export function measureLines(input: Line[], skip?: { has(n: number): boolean }): PageFeatures {
  const tokensOf: string[][] = input.map((l) => l.text.match(WORD) ?? []);
  const sampled = skip ? tokensOf.filter((_, i) => !skip.has(input[i].n)) : tokensOf;
  const stop: StopList | undefined = pickStopList(sample(sampled, 3000));
  const counts = new Map<string, number>();
  // The same words in the same order, case aside: what `normalise` gives, from the tokens at hand.
  const keys = tokensOf.map((t) => t.join(" ").toLowerCase());
  for (const k of keys) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);

  const out: LineFeatures[] = [];
  for (let i = 0; i < input.length; i++) {
    const text = input[i].text.trim();
    if (!text) continue;
    const tokens = tokensOf[i];
    let stops = 0;
    let cased = 0;
    let capital = 0;
    for (const t of tokens) {
      if (stop?.has(t.toLowerCase())) stops++;
      const c = t[0];
      if (c.toLowerCase() !== c.toUpperCase()) {
        cased++;
        if (c !== c.toLowerCase()) capital++;
      }
    }
    const words = countWords(text, tokens);
    out.push({
      i,
      n: input[i].n,
      text,
      words,
      chars: text.length,
      stopDensity: stop ? (tokens.length ? stops / tokens.length : 0) : undefined,
      endsSentence: SENTENCE_END.test(text),
      capShare: cased ? capital / cased : 0,
      repeats: counts.get(keys[i]) ?? 1,
      blankBefore: i === 0 || !input[i - 1].text.trim(),
      blankAfter: i === input.length - 1 || !input[i + 1].text.trim(),
    });
  }
  return { lines: out, hasStopList: stop !== undefined };
}
