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
import { IdTable, type Vocabulary } from "../util/vocabulary.ts";

/**
 * A text's distinct content words (in first-seen order), with their ids in a vocabulary shared by the
 * bags compared, each word's idf weight, and the total weight.
 */
export interface WordBag {
  words: string[];
  ids: Int32Array;
  weights: Float64Array;
  weight: number;
  /** Prefixes (word ids) already worked out, by threshold (a bag meets many others). */
  prefixes?: Map<number, number[]>;
}

export function makeBag(words: Iterable<string>, idf: ReadonlyMap<string, number>, fallback: number, vocab: Vocabulary): WordBag {
  const list = [...new Set(words)];
  const ids = Int32Array.from(list, (w) => vocab.intern(w));
  const weights = Float64Array.from(list, (w) => idf.get(w) ?? fallback);
  // Summed in word order: the same float the score's denominator has always used.
  const weight = weights.reduce((s, x) => s + x, 0);
  return { words: list, ids, weights, weight };
}

/** `b`'s words while `sharedWeight` reads `a`'s against them. */
const members = new IdTable();

/**
 * The idf weight of `a`'s words that `b` has too, summed in `a`'s word order (the same float as summing
 * the idf of each shared word looked up by name). Bags from one vocabulary.
 */
export function sharedWeight(a: WordBag, b: WordBag): number {
  members.spread(b.ids);
  let shared = 0;
  for (let i = 0; i < a.ids.length; i++) if (members.at(a.ids[i])) shared += a.weights[i];
  members.clear(b.ids);
  return shared;
}

/** Ids of the rarest-first words of `bag` without which under `t` of its weight is left (a little more, for float safety). */
export function prefixWords(bag: WordBag, t: number): number[] {
  const known = bag.prefixes?.get(t);
  if (known) return known;
  const order = Array.from(bag.words, (_, i) => i).sort((a, b) => bag.weights[b] - bag.weights[a] || compareCodeUnits(bag.words[a], bag.words[b]));
  const bar = t * bag.weight * (1 - 1e-9) - 1e-12;
  let rest = bag.weight;
  const prefix: number[] = [];
  for (const i of order) {
    if (rest < bar) break;
    prefix.push(bag.ids[i]);
    rest -= bag.weights[i];
  }
  (bag.prefixes ??= new Map()).set(t, prefix);
  return prefix;
}

/** Items (numbered by the caller) indexed by their bags' word ids, answering "who could share `t`?". */
export class OverlapIndex {
  private readonly all = new Map<number, number[]>();
  private readonly prefixes = new Map<number, number[]>();

  constructor(private readonly t: number) {}

  /** Adds `bag` under item `id` (an item may hold several bags: a cluster's members). */
  add(id: number, bag: WordBag): void {
    for (const w of bag.ids) push(this.all, w, id);
    for (const w of prefixWords(bag, this.t)) push(this.prefixes, w, id);
  }

  /** Every item holding a bag that could share at least `t` of the smaller weight with `bag`. */
  candidates(bag: WordBag, into: Set<number> = new Set()): Set<number> {
    for (const w of prefixWords(bag, this.t)) for (const id of this.all.get(w) ?? []) into.add(id);
    for (const w of bag.ids) for (const id of this.prefixes.get(w) ?? []) into.add(id);
    return into;
  }
}

function push(map: Map<number, number[]>, key: number, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}
