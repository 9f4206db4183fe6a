/** Small, pure predicates about the shape of a line of text, shared by the parse stages. */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function wordCount(text: string): number {
  return words(text).length;
}

/** Ends like a finished sentence: . ! ? (optionally inside closing quotes/brackets). */
export function endsSentence(text: string): boolean {
  return /[.!?…]["'”’)\]]*$/u.test(text.trim());
}

/** Words after which a line cannot end a paragraph or a title: a line ending in one was hard-wrapped. */
const CONTINUATION_WORDS = new Set(
  ("a an the of for to in on at by with from as that which who whom whose and or nor but than into onto over " +
    "after before about between under its their his her our your my these those per via against " +
    "during without within upon toward towards among across through if when while where because although though").split(" "),
);
/** Words that cannot end a sentence but may end a headline ("..., minister says") or a cut-off teaser. */
const WEAK_CONTINUATION_WORDS = new Set(
  "is are was were be been being has have had will would shall should can could may might must said says told such this".split(" "),
);

/** `strict`: only words that end neither a paragraph nor a title (verbs such as "says" are weak). */
export function endsWithContinuationWord(text: string, strict = false): boolean {
  const last = words(text).at(-1)?.toLowerCase();
  if (last === undefined) return false;
  return CONTINUATION_WORDS.has(last) || (!strict && WEAK_CONTINUATION_WORDS.has(last)) || /[,\-–—(]$/.test(text.trim());
}

export function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text.trim());
}

/** A line shaped like a headline or subheading: a few words, no sentence-final full stop. */
export function isTitleLike(text: string, maxWords = 20): boolean {
  const t = text.trim();
  const n = wordCount(t);
  return n >= 1 && n <= maxWords && t.length <= 160 && !/[.,;:]["'”’]?$/.test(t) && /^[\p{Lu}\p{N}'"‘“]/u.test(t);
}

/** A line that reads as body prose: a full sentence of some length. */
export function isProse(text: string, minWords = 12): boolean {
  return wordCount(text) >= minWords && endsSentence(text);
}

/** Collapse runs of white space; keep every printed character otherwise. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
