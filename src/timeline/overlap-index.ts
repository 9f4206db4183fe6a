/**
 * Candidate finding for the weighted overlap score of merge-events.ts (shared weight divided by the
 * smaller text's weight), so merging compares an event only with the few that can reach the bar
 * instead of with every other event (prefix filtering, as in similarity joins).
 *
 * If two texts share at least `t` of the smaller one's weight, they share at least `t` of one of the
 * two texts' own weight; and a text X sharing `t` of X's weight must share one of X's "prefix" words:
 * its rarest words, taken until the words left weigh less than `t` of X. So every pair reaching the
 * bar shares a word in one side's prefix: look up the query's prefix among all words, and all the
 * query's words among prefixes. Common words ("Syria", "talks") sit only in short texts' prefixes,
 * so their long posting lists are rarely read. The exact score is still computed on each candidate.
 */
import { compareCodeUnits } from "../util/collections.ts";

/** A text's content words (in first-seen order), as a set, and their total idf weight. */
export interface WordBag {
  words: string[];
  set: Set<string>;
  weight: number;
  /** Prefixes already worked out, by threshold (a bag meets many others). */
  prefixes?: Map<number, string[]>;
}

export function makeBag(words: Iterable<string>, idf: ReadonlyMap<string, number>, fallback: number): WordBag {
  const set = new Set(words);
  const list = [...set];
  // Summed in word order: the same float the score's denominator has always used.
  const weight = list.reduce((s, w) => s + (idf.get(w) ?? fallback), 0);
  return { words: list, set, weight };
}

/** Rarest-first words of `bag` without which under `t` of its weight is left (a little more, for float safety). */
export function prefixWords(bag: WordBag, t: number, idf: ReadonlyMap<string, number>, fallback: number): string[] {
  const known = bag.prefixes?.get(t);
  if (known) return known;
  const w = (x: string) => idf.get(x) ?? fallback;
  const sorted = [...bag.words].sort((a, b) => w(b) - w(a) || compareCodeUnits(a, b));
  const bar = t * bag.weight * (1 - 1e-9) - 1e-12;
  let rest = bag.weight;
  const prefix: string[] = [];
  for (const x of sorted) {
    if (rest < bar) break;
    prefix.push(x);
    rest -= w(x);
  }
  (bag.prefixes ??= new Map()).set(t, prefix);
  return prefix;
}

/** Items (numbered by the caller) indexed by their bags' words, answering "who could share `t`?". */
export class OverlapIndex {
  private readonly all = new Map<string, number[]>();
  private readonly prefixes = new Map<string, number[]>();

  constructor(
    private readonly t: number,
    private readonly idf: ReadonlyMap<string, number>,
    private readonly fallback: number,
  ) {}

  /** Adds `bag` under item `id` (an item may hold several bags: a cluster's members). */
  add(id: number, bag: WordBag): void {
    for (const w of bag.words) push(this.all, w, id);
    for (const w of prefixWords(bag, this.t, this.idf, this.fallback)) push(this.prefixes, w, id);
  }

  /** Every item holding a bag that could share at least `t` of the smaller weight with `bag`. */
  candidates(bag: WordBag, into: Set<number> = new Set()): Set<number> {
    for (const w of prefixWords(bag, this.t, this.idf, this.fallback)) for (const id of this.all.get(w) ?? []) into.add(id);
    for (const w of bag.words) for (const id of this.prefixes.get(w) ?? []) into.add(id);
    return into;
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}
