/**
 * Where the headline is printed on the page. A page dump often prints it twice or more (page title,
 * a teaser in the menu, the article's own heading); the article's heading is the occurrence followed
 * by the most prose.
 */
import { normalise, type LineFeatures } from "./classify-features.ts";

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
  const texts = lines.map((l) => normalise(l.text));
  // proseBefore[k]: words of prose lines before line k, so "prose in the next LOOKAHEAD lines" is one subtraction.
  const proseBefore = [0];
  for (let k = 0; k < lines.length; k++) proseBefore.push(proseBefore[k] + (isProse(k) ? lines[k].words : 0));
  const proseAfter = (k: number) => proseBefore[Math.min(lines.length, k + LOOKAHEAD)] - proseBefore[k + 1];

  const literal = (t: string) => t === key || (t.length >= 20 && (key.startsWith(t) || t.startsWith(key)));
  const found = bestFollowedByProse(texts, literal, proseAfter);
  if (found !== undefined) return { index: found, exact: texts[found] === key };
  // The page title and the printed headline often differ in wording ("Beauty stock Coty could surge"
  // over "One of the top beauty stocks could surge"): a line sharing most of the title's words.
  const keyWords = new Set(key.split(" "));
  const similar = (t: string) => {
    const words = t.split(" ");
    if (words.length > keyWords.size * 2 || words.length < 3) return false;
    let shared = 0;
    for (const w of new Set(words)) if (keyWords.has(w)) shared++;
    return shared / keyWords.size >= SIMILAR_SHARE;
  };
  const near = bestFollowedByProse(texts, similar, proseAfter);
  return near === undefined ? undefined : { index: near, exact: false };
}

/** Share of the title's words a differently worded printed headline still carries. */
const SIMILAR_SHARE = 0.6;

/** Of the lines whose normalised text passes `matches`, the one followed by the most prose (none if no prose follows). */
function bestFollowedByProse(texts: string[], matches: (t: string) => boolean, proseAfter: (k: number) => number): number | undefined {
  let best: number | undefined;
  let bestWords = 0;
  for (let k = 0; k < texts.length; k++) {
    if (!texts[k] || !matches(texts[k])) continue;
    const words = proseAfter(k);
    if (best === undefined || words > bestWords) {
      best = k;
      bestWords = words;
    }
  }
  return bestWords > 0 ? best : undefined;
}
