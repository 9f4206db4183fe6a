/**
 * An undated report's rarest words among the dated reports, each with the dated reports that hold it:
 * what picks the reports date inference compares it with (infer-published.ts). Kept between builds and
 * brought up to date when dated reports are added, changed or removed, so that such a build does not
 * index the words of every dated report again.
 *
 * Why an update is exact: adding reports only makes a word commoner (or, for a word no dated report
 * had, seen), so a word outside the kept ones never becomes rarer than `bound`; removing k reports makes
 * such a word rarer by k at most, so `bound` is lowered by k (to a rank before any word of that count).
 * The rarest words stay known as long as enough kept ones are rarer than the bound.
 */
/** Word rarity, rarest first: fewer dated reports, then the word (localeCompare). */
type Rank = [reports: number, term: string];

export interface RareWords {
  /** The rarest words the report has among the dated reports, rarest first; each with those reports (ascending indexes). */
  rare: Array<[term: string, reports: number[]]>;
  /** The rank of the rarest word not in `rare` (every other one ranks after it); null when there is none. */
  bound: Rank | null;
  /** Its words no dated report has. */
  unseen: string[];
}

/** How many rare words are kept: more than are chosen, so that a few added reports do not use them up. */
const KEPT = 32;

function compareRank(a: Rank, b: Rank): number {
  return a[0] - b[0] || a[1].localeCompare(b[1]);
}

const rankOf = ([term, reports]: [string, number[]]): Rank => [reports.length, term];

/** From a report's words (each once, in its order) and an inverted index of the dated reports (word -> ascending indexes). */
export function rareWordsOf(own: Iterable<string>, postings: { get(term: string): number[] | undefined }, kept = KEPT): RareWords {
  const present: Array<[string, number[]]> = [];
  const unseen: string[] = [];
  for (const term of own) {
    const reports = postings.get(term);
    if (reports) present.push([term, reports]);
    else unseen.push(term);
  }
  present.sort((a, b) => compareRank(rankOf(a), rankOf(b)));
  return { rare: present.slice(0, kept), bound: present.length > kept ? rankOf(present[kept]) : null, unseen };
}

/**
 * The same words after a build that adds, changes or removes dated reports: `moved(i)` is earlier report
 * i's index now (undefined when it is gone: a changed report is gone and added), `removed` how many
 * earlier ones are gone, `added` the new dated reports with their indexes now. Undefined when a kept
 * word no dated report holds any more: where it goes among the unseen words is not known here.
 */
export function withChangedReports(
  words: RareWords,
  moved: (i: number) => number | undefined,
  added: ReadonlyArray<{ index: number; terms: ReadonlySet<string> }>,
  removed = 0,
): RareWords | undefined {
  const holding = (term: string) => added.filter((a) => a.terms.has(term)).map((a) => a.index);
  const stillHeld = (reports: number[]) => reports.flatMap((i) => moved(i) ?? []);
  const rare: RareWords["rare"] = words.rare.map(([term, reports]) => [term, [...stillHeld(reports), ...holding(term)].sort((a, b) => a - b)]);
  if (rare.some(([, reports]) => reports.length === 0)) return undefined;
  const unseen: string[] = [];
  for (const term of words.unseen) {
    const reports = holding(term);
    if (reports.length) rare.push([term, reports]);
    else unseen.push(term);
  }
  rare.sort((a, b) => compareRank(rankOf(a), rankOf(b)));
  // "" ranks before every word of its count: no word left out can rank before the lowered bound.
  const bound: Rank | null = words.bound && removed > 0 ? [words.bound[0] - removed, ""] : words.bound;
  return { rare, bound, unseen };
}

/** The `count` rarest words, or undefined when the kept words cannot tell them (too few rank before `bound`). */
export function rarest(words: RareWords, count: number): RareWords["rare"] | undefined {
  const chosen = words.rare.slice(0, count);
  if (words.bound === null) return chosen;
  const known = chosen.length === count && compareRank(rankOf(chosen[count - 1]), words.bound) < 0;
  return known ? chosen : undefined;
}
