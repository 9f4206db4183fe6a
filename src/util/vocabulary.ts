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

/**
 * Values by word id for one vector at a time: a vector is spread over the table, other vectors' ids
 * are read against it, then its entries are cleared (the table is never refilled whole). Stories'
 * cosines, date inference's similarities and the timeline merge's shared weights score this way.
 */
export class IdTable {
  private values: Float64Array;

  constructor(size = 0) {
    this.values = new Float64Array(size);
  }

  /** Sets each id's value (1 where no values are given), growing the table to hold the ids. */
  spread(ids: ArrayLike<number>, values?: ArrayLike<number>): void {
    let max = -1;
    for (let k = 0; k < ids.length; k++) if (ids[k] > max) max = ids[k];
    if (max >= this.values.length) {
      const grown = new Float64Array(Math.max(max + 1, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    for (let k = 0; k < ids.length; k++) this.values[ids[k]] = values ? values[k] : 1;
  }

  /** The id's value, 0 when it was not spread. */
  at(id: number): number {
    return id < this.values.length ? this.values[id] : 0;
  }

  /** Sets the ids' values back to 0. */
  clear(ids: ArrayLike<number>): void {
    for (let k = 0; k < ids.length; k++) this.values[ids[k]] = 0;
  }
}
