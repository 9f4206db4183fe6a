/** Words counted and numbered in order of first use: the makings of per-report term vectors. */

/**
 * Each distinct word and how often it occurs, in order of first occurrence (the order a vector's
 * terms are summed in, so a vector built from these is the same to the last bit as from the words).
 */
export interface TermCounts {
  terms: string[];
  counts: number[];
}

export function countTerms(words: Iterable<string>): TermCounts {
  const at = new Map<string, number>();
  const terms: string[] = [];
  const counts: number[] = [];
  for (const w of words) {
    const k = at.get(w);
    if (k === undefined) {
      at.set(w, terms.length);
      terms.push(w);
      counts.push(1);
    } else counts[k]++;
  }
  return { terms, counts };
}

/** Words numbered in order of first use, so that per-report vectors can be typed arrays of ids. */
export interface Vocabulary {
  /** The word's id, given it now if it has none. */
  intern(word: string): number;
  /** The word's id, or undefined when it was never interned. */
  idOf(word: string): number | undefined;
  /** Id -> word. */
  readonly words: readonly string[];
}

export function vocabulary(): Vocabulary {
  const ids = new Map<string, number>();
  const words: string[] = [];
  return {
    intern(word) {
      let id = ids.get(word);
      if (id === undefined) {
        id = words.length;
        ids.set(word, id);
        words.push(word);
      }
      return id;
    },
    idOf: (word) => ids.get(word),
    words,
  };
}
