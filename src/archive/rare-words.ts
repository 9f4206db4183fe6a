/**
 * An undated report's rarest words among the dated reports, each with the dated reports that hold it:
 * what picks the reports date inference compares it with (infer-published.ts). Kept between builds and
 * brought up to date when dated reports are added, so that a build which only adds reports does not
 * index the words of every dated report again.
 *
 * Why an update is exact: adding reports only makes a word commoner (or, for a word no dated report
 * had, seen), so a word outside the kept ones never becomes rarer than `bound`; the rarest words stay
 * known as long as enough kept ones are rarer than it.
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
 * The same words after a build that keeps every earlier dated report and adds some: `moved(i)` is
 * earlier report i's index now, `added` the new dated reports with their indexes now.
 */
export function withAddedReports(words: RareWords, moved: (i: number) => number, added: ReadonlyArray<{ index: number; terms: ReadonlySet<string> }>): RareWords {
  const holding = (term: string) => added.filter((a) => a.terms.has(term)).map((a) => a.index);
  const rare: RareWords["rare"] = words.rare.map(([term, reports]) => [term, [...reports.map(moved), ...holding(term)].sort((a, b) => a - b)]);
  const unseen: string[] = [];
  for (const term of words.unseen) {
    const reports = holding(term);
    if (reports.length) rare.push([term, reports]);
    else unseen.push(term);
  }
  rare.sort((a, b) => compareRank(rankOf(a), rankOf(b)));
  return { rare, bound: words.bound, unseen };
}

/** The `count` rarest words, or undefined when the kept words cannot tell them (too few rank before `bound`). */
export function rarest(words: RareWords, count: number): RareWords["rare"] | undefined {
  const chosen = words.rare.slice(0, count);
  if (words.bound === null) return chosen;
  const known = chosen.length === count && compareRank(rankOf(chosen[count - 1]), words.bound) < 0;
  return known ? chosen : undefined;
}
