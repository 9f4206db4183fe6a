/**
 * The body-extraction metric of ../shared/extraction/score.py, re-implemented exactly: text split into
 * `\w+` words (Python's Unicode \w: letters, digits incl. all Unicode decimal/numeric classes it covers,
 * marks and underscore), 4-word shingles as multisets, precision and recall per page averaged over pages,
 * F1 from the two averages.
 */

/**
 * Python 3's `\w` in str patterns matches `str.isalnum()` characters plus `_`. isalnum covers letters
 * (L*), and numerics (Nd, Nl, No). Combining marks (Mn, Mc) are NOT alphanumeric in Python, so they
 * split words — unlike many regex engines. We follow Python.
 */
const WORD = /[\p{L}\p{N}_]+/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Multiset of n-word shingles; a text shorter than n words yields one shingle of all its words. */
export function shingles(text: string, n = 4): Map<string, number> {
  const t = words(text);
  const out = new Map<string, number>();
  const count = Math.max(1, t.length - n + 1);
  for (let i = 0; i < count; i++) {
    const gram = t.slice(i, i + n);
    if (gram.length === 0) continue;
    const key = gram.join("\u0000");
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  precision: number;
  recall: number;
  f1: number;
  /** Whether the page counts towards the precision / recall average (as in score.py). */
  hasPrediction: boolean;
  hasGold: boolean;
}

export function scorePage(gold: string, pred: string): PageScore {
  const g = shingles(gold);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, pc] of p) {
    const gc = g.get(k) ?? 0;
    tp += Math.min(pc, gc);
    fp += Math.max(0, pc - gc);
  }
  for (const [k, gc] of g) fn += Math.max(0, gc - (p.get(k) ?? 0));
  const both = fp === 0 && fn === 0;
  const precision = both ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
  const recall = both ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, hasPrediction: tp + fp > 0, hasGold: tp + fn > 0 };
}

export interface Totals {
  f1: number;
  precision: number;
  recall: number;
  pages: number;
}

/** Average P over pages with a prediction, R over pages with gold; F1 of the two averages. */
export function aggregate(scores: PageScore[]): Totals {
  const ps = scores.filter((s) => s.hasPrediction).map((s) => s.precision);
  const rs = scores.filter((s) => s.hasGold).map((s) => s.recall);
  const P = ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : 0;
  const R = rs.length ? rs.reduce((a, b) => a + b, 0) / rs.length : 0;
  return { f1: P + R > 0 ? (2 * P * R) / (P + R) : 0, precision: P, recall: R, pages: scores.length };
}
