/**
 * Sentence splitting for news prose. Intl.Segmenter breaks after every "Mr." and "a.m.", so this
 * splits on terminal punctuation except after known abbreviations and initials, and also where a
 * dump glued two sentences together ("beyond Friday.The BBC's").
 */

export interface Sentence {
  text: string;
  /** Offset of the sentence in the text it was split from. */
  index: number;
}

/** Lower-case words whose trailing full stop does not end a sentence. */
export const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "col", "lt", "sgt", "jr", "sr", "capt", "adm",
  "maj", "cmdr", "pres", "rev", "prof", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
  "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no", "vs", "inc",
  "corp", "co", "ltd", "mt", "ft", "a.m", "p.m", "u.s", "u.n", "u.k", "e.g", "i.e", "etc", "approx", "est",
]);

// `$` keeps a closing quote at the very end with its sentence (else the match backtracks and splits before it).
const TERMINAL = /([.!?]+)(["”’')\]]*)(\s+|$|(?=[A-Z"“]))/g;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(TERMINAL)) {
    const at = m.index ?? 0;
    const before = text.slice(start, at);
    const word = lastWord(before).toLowerCase();
    const glued = m[3] === "";
    if (m[1] === ".") {
      // Initials ("P.J."), single letters and abbreviations keep the sentence going.
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word) || /^([a-z]\.)+[a-z]$/.test(word)) continue;
      // A glued break needs a lower-case word before it ("Friday.The" yes, "U.S.Army" no).
      if (glued && !/[a-z]{2,}$/.test(before)) continue;
    }
    const end = at + m[1].length + m[2].length;
    pushTrimmed(out, text, start, end);
    start = end + m[3].length;
  }
  pushTrimmed(out, text, start, text.length);
  return out;
}

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * What `/([A-Za-z][A-Za-z.]*)$/` finds at the end of `text` ("" when nothing), read backwards from the
 * end: the pattern scans from every position of the sentence, which made it a twentieth of event
 * extraction.
 */
export function lastWord(text: string): string {
  let from = text.length;
  while (from > 0 && (isLetter(text.charCodeAt(from - 1)) || text.charCodeAt(from - 1) === 46)) from--;
  while (from < text.length && !isLetter(text.charCodeAt(from))) from++;
  return text.slice(from);
}

function pushTrimmed(out: Sentence[], text: string, from: number, to: number): void {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed) out.push({ text: trimmed, index: from + lead });
}
