/**
 * Where the headline is printed on the page. A page dump often prints it twice or more (page title,
 * a teaser in the menu, the article's own heading); the article's heading is the occurrence followed
 * by the most prose.
 */
import { mayNormaliseTo, normalise, type LineFeatures } from "./classify-features.ts";

const LOOKAHEAD = 40;

/**
 * Index (into `lines`) of the printed headline, or undefined when it is not printed; `exact` when the
 * line is the headline word for word (not merely its beginning or an extension of it).
 */
export function locateHeadline(
  lines: LineFeatures[],
  headline: string,
  isProse: (k: number) => boolean,
): { index: number; exact: boolean } | undefined {
  const key = normalise(headline);
  if (key.split(" ").length < 2) return undefined;
  // Normalised lazily: only lines with prose after them can be the headline's place, and most lines
  // are ruled out by a cheap test first.
  const normalised: Array<string | undefined> = new Array(lines.length);
  const textAt = (k: number) => (normalised[k] ??= normalise(lines[k].text));
  // proseBefore[k]: words of prose lines before line k, so "prose in the next LOOKAHEAD lines" is one subtraction.
  const proseBefore = [0];
  for (let k = 0; k < lines.length; k++) proseBefore.push(proseBefore[k] + (isProse(k) ? lines[k].words : 0));
  const proseAfter = (k: number) => proseBefore[Math.min(lines.length, k + LOOKAHEAD)] - proseBefore[k + 1];

  // Equal, or one a prefix of the other: either way both start with the same character.
  const literal = (k: number) => {
    if (!mayNormaliseTo(lines[k].text, key)) return false;
    const t = textAt(k);
    return !!t && (t === key || (t.length >= 20 && (key.startsWith(t) || t.startsWith(key))));
  };
  const found = bestFollowedByProse(lines.length, literal, proseAfter);
  if (found !== undefined) return { index: found, exact: textAt(found) === key };
  // The page title and the printed headline often differ in wording ("Beauty stock Coty could surge"
  // over "One of the top beauty stocks could surge"): a line sharing most of the title's words.
  const keyWords = new Set(key.split(" "));
  const similar = (k: number) => {
    // Normalising never yields fewer words than the tokeniser found: long lines are out unread.
    if (lines[k].tokens > keyWords.size * 2) return false;
    const t = textAt(k);
    if (!t) return false;
    const words = t.split(" ");
    if (words.length > keyWords.size * 2 || words.length < 3) return false;
    // Cheap bound first: distinct shared words are at most the words found in the title.
    let found = 0;
    for (const w of words) if (keyWords.has(w)) found++;
    if (found / keyWords.size < SIMILAR_SHARE) return false;
    let shared = 0;
    for (const w of new Set(words)) if (keyWords.has(w)) shared++;
    return shared / keyWords.size >= SIMILAR_SHARE;
  };
  const near = bestFollowedByProse(lines.length, similar, proseAfter);
  return near === undefined ? undefined : { index: near, exact: false };
}

/** Share of the title's words a differently worded printed headline still carries. */
const SIMILAR_SHARE = 0.6;

/**
 * Of the lines passing `matches`, the first followed by the most prose (none if no prose follows).
 * A line with no more prose after it than the best so far cannot win, so it is not tested.
 */
function bestFollowedByProse(count: number, matches: (k: number) => boolean, proseAfter: (k: number) => number): number | undefined {
  let best: number | undefined;
  let bestWords = 0;
  for (let k = 0; k < count; k++) {
    const words = proseAfter(k);
    if (words <= bestWords || !matches(k)) continue;
    best = k;
    bestWords = words;
  }
  return best;
}
