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
  let best: number | undefined;
  let bestWords = 0;
  for (let k = 0; k < lines.length; k++) {
    const t = normalise(lines[k].text);
    if (!t || !(t === key || (t.length >= 20 && (key.startsWith(t) || t.startsWith(key))))) continue;
    let words = 0;
    for (let j = k + 1; j < Math.min(lines.length, k + LOOKAHEAD); j++) if (isProse(j)) words += lines[j].words;
    if (best === undefined || words > bestWords) {
      best = k;
      bestWords = words;
    }
  }
  if (best === undefined || bestWords === 0) return undefined;
  return { index: best, exact: normalise(lines[best].text) === key };
}
