/** Small, pure predicates about the shape of a line of text, shared by the parse stages. */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** WORD for a text with no character beyond ASCII (most lines): the same tokens, matched faster. */
const ASCII_WORD = /[A-Za-z0-9]+(?:'[A-Za-z]+)*/g;
const BEYOND_ASCII = /[^\x00-\x7F]/;
// Patterns of the per-line predicates below live out here: a literal in a function body is a new
// RegExp object on every call, and these run on every line of every report.
const STARTS_LOWERCASE = /^\s*\p{Ll}/u;
const TITLE_START = /^[\p{Lu}\p{N}'"‘“]/u;

/**
 * The stages ask about the same lines again and again (masthead, wrapping, assembly, the record's
 * word count): tokenise each text once. Bounded to about one report's lines: entries kept longer only
 * cost garbage collection.
 */
const tokenMemo = new Map<string, readonly string[]>();
const TOKEN_MEMO_MAX = 512;

/** The words of `text` (letters and digits, inner apostrophes kept), shared: do not modify. */
export function tokens(text: string): readonly string[] {
  let found = tokenMemo.get(text);
  if (found === undefined) {
    if (tokenMemo.size >= TOKEN_MEMO_MAX) tokenMemo.clear();
    found = text.match(isAscii(text) ? ASCII_WORD : WORD) ?? [];
    tokenMemo.set(text, found);
  }
  return found;
}

export function words(text: string): string[] {
  return [...tokens(text)];
}

/**
 * How many tokens `text` has. An ASCII text no stage tokenised yet is counted in place, without the
 * array of words: most calls are for texts made for the count (a block's joined lines, a trimmed line).
 */
export function wordCount(text: string): number {
  const found = tokenMemo.get(text);
  if (found !== undefined) return found.length;
  const counted = countMemo.get(text);
  if (counted !== undefined) return counted;
  return isAscii(text) ? countAsciiWords(text) : tokens(text).length;
}

/**
 * Word counts of texts a stage measured without tokenising them (the line classifier's ASCII lines),
 * for the stages that count the same texts again (a one-line paragraph's record word count).
 */
const countMemo = new Map<string, number>();

export function rememberWordCount(text: string, count: number): void {
  if (countMemo.size >= TOKEN_MEMO_MAX) countMemo.clear();
  countMemo.set(text, count);
}

/** The number of ASCII_WORD matches in `text`, read by code unit (the pattern is greedy: no backtracking changes the count). */
function countAsciiWords(text: string): number {
  let n = 0;
  let i = 0;
  while (i < text.length) {
    if (!isAsciiAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    n++;
    i = asciiWordEnd(text, i);
  }
  return n;
}

/** Whether every code unit of `text` is ASCII (`tokens` and `asciiWordEnd` then split it alike). */
export function isAscii(text: string): boolean {
  return !BEYOND_ASCII.test(text);
}

/**
 * Where the ASCII_WORD match starting at `start` (an ASCII letter or digit) ends: the scanners that
 * measure a line's words in place, without the array `tokens` makes, split words as it does.
 */
export function asciiWordEnd(text: string, start: number): number {
  const end = text.length;
  let i = start;
  while (i < end && isAsciiAlnum(text.charCodeAt(i))) i++;
  // (?:'[A-Za-z]+)*: an apostrophe joins the word only when a letter follows it.
  while (i + 1 < end && text.charCodeAt(i) === 39 && isAsciiLetter(text.charCodeAt(i + 1))) {
    i += 2;
    while (i < end && isAsciiLetter(text.charCodeAt(i))) i++;
  }
  return i;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

export function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57);
}

/** White space as `String.prototype.trim` (and `\s`) knows it, by UTF-16 code unit. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * `[marks][closers]*$` (at most `maxClosers` closers) on the trimmed text, read backwards from the
 * end: a regular expression anchored only at the end tries every position of a long line.
 * `marks` and `closers` are single BMP characters with none in both.
 */
export function endsWithMark(text: string, marks: string, closers: string, maxClosers = Infinity): boolean {
  let i = text.length - 1;
  while (i >= 0 && isSpaceCode(text.charCodeAt(i))) i--;
  for (let skipped = 0; i >= 0 && skipped < maxClosers && closers.includes(text[i]); skipped++) i--;
  return i >= 0 && marks.includes(text[i]);
}

/** The last character that is not white space, or "" for a blank text. */
export function lastVisibleChar(text: string): string {
  let i = text.length - 1;
  while (i >= 0 && isSpaceCode(text.charCodeAt(i))) i--;
  return i >= 0 ? text[i] : "";
}

const SENTENCE_MARKS = ".!?…";
const CLOSERS = `"'”’)]`;

/** Ends like a finished sentence: . ! ? (optionally inside closing quotes/brackets). */
export function endsSentence(text: string): boolean {
  return endsWithMark(text, SENTENCE_MARKS, CLOSERS);
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
  const last = tokens(text).at(-1)?.toLowerCase();
  if (last === undefined) return false;
  if (CONTINUATION_WORDS.has(last) || (!strict && WEAK_CONTINUATION_WORDS.has(last))) return true;
  const end = lastVisibleChar(text);
  return end !== "" && ",-–—(".includes(end);
}

/** The first character after any leading white space is a lower-case letter. */
export function startsLowercase(text: string): boolean {
  return STARTS_LOWERCASE.test(text);
}

/** A line shaped like a headline or subheading: a few words, no sentence-final full stop. */
export function isTitleLike(text: string, maxWords = 20): boolean {
  const t = text.trim();
  const n = wordCount(t);
  return n >= 1 && n <= maxWords && t.length <= 160 && !endsWithMark(t, ".,;:", `"'”’`, 1) && TITLE_START.test(t);
}

/** A line that reads as body prose: a full sentence of some length. */
export function isProse(text: string, minWords = 12): boolean {
  return wordCount(text) >= minWords && endsSentence(text);
}

/** Collapse runs of white space; keep every printed character otherwise. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
