/**
 * compromise's rule sweep (`methods.one.bulkMatch`, what its post-tagger runs), giving the same
 * result faster. The stock sweep lists each sentence's candidate rules by walking every key of the
 * rule index (several hundred words and tags) and concatenating arrays, per sentence: close to half
 * the tagger's time on the short texts find-mentions.ts tags. This one walks the sentence's own cache
 * (a few dozen words and tags) and puts the keys back in the index's order, so the same rules are
 * tried in the same order and tag the same terms (tests/entities/fast-sweep.test.ts compares the two).
 */

interface Rule {
  match: unknown;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
}
interface Net {
  hooks: Record<string, Rule[]>;
  always: Rule[];
}
interface Methods {
  one: {
    cacheDoc(document: unknown[][]): Array<Set<string>>;
    match(docs: unknown[][], rule: Rule): { ptrs: number[][] };
    bulkMatch: BulkMatch;
  };
}
type BulkMatch = (document: unknown[][], net: Net, methods: Methods, opts?: { matchOne?: boolean }) => unknown[];
type Compromise = { world(): { methods: Methods } };

/**
 * The index read once per rule set: each key's position among `Object.keys(hooks)` (the order the
 * stock sweep walks them in), and each rule's match text as a number, for the per-sentence repeat check.
 */
interface NetOrder {
  rank: Map<string, number>;
  keys: string[];
  textId: Map<Rule, number>;
  /** textId -> the last sentence (stamp) that saw it. */
  seenAt: Uint32Array;
  stamp: number;
}
const orders = new WeakMap<Net, NetOrder>();

function orderOf(net: Net): NetOrder {
  let found = orders.get(net);
  if (!found) {
    const keys = Object.keys(net.hooks);
    const ids = new Map<string, number>();
    const textId = new Map<Rule, number>();
    for (const k of keys) {
      for (const rule of net.hooks[k]) {
        const text = String(rule.match); // the stock sweep drops repeats by match text, the first kept
        let id = ids.get(text);
        if (id === undefined) ids.set(text, (id = ids.size));
        textId.set(rule, id);
      }
    }
    found = { rank: new Map(keys.map((k, i) => [k, i])), keys, textId, seenAt: new Uint32Array(ids.size), stamp: 0 };
    orders.set(net, found);
  }
  return found;
}

/** The rules worth trying on one sentence, in the stock sweep's order (getHooks, trimDown, always, tooSmall). */
function candidates(haves: Set<string>, termCount: number, net: Net): Rule[] {
  const order = orderOf(net);
  const { rank, keys, textId, seenAt } = order;
  const stamp = ++order.stamp;
  const hit: number[] = [];
  for (const item of haves) {
    const r = rank.get(item);
    if (r !== undefined) hit.push(r);
  }
  hit.sort((a, b) => a - b);
  const out: Rule[] = [];
  for (const r of hit) {
    for (const rule of net.hooks[keys[r]]) {
      const id = textId.get(rule)!;
      if (seenAt[id] === stamp) continue;
      seenAt[id] = stamp;
      if (termCount < rule.minWords || !meetsCache(rule, haves)) continue;
      out.push(rule);
    }
  }
  for (const rule of net.always) if (termCount >= rule.minWords) out.push(rule);
  return out;
}

/** trimDown's test: every need, none of ifNo, and at least minWant of the wants in the sentence. */
function meetsCache(rule: Rule, haves: Set<string>): boolean {
  for (const need of rule.needs) if (!haves.has(need)) return false;
  if (rule.ifNo) for (const no of rule.ifNo) if (haves.has(no)) return false;
  if (rule.wants.length === 0) return true;
  let found = 0;
  for (const want of rule.wants) if (haves.has(want)) found++;
  return found >= rule.minWant;
}

/** Drop-in for compromise's bulkMatch (src/1-one/sweep/methods/sweep/index.js in compromise 14). */
export const fastBulkMatch: BulkMatch = (document, net, methods, opts = {}) => {
  const cache = methods.one.cacheDoc(document);
  const results: unknown[] = [];
  for (let n = 0; n < document.length; n++) {
    for (const rule of candidates(cache[n], document[n].length, net)) {
      const res = methods.one.match([document[n]], rule);
      for (const ptr of res.ptrs) {
        ptr[0] = n;
        results.push({ ...rule, pointer: ptr });
      }
      if (res.ptrs.length > 0 && opts.matchOne === true) return [results[0]];
    }
  }
  return results;
};

const stock = new WeakMap<object, BulkMatch>();

/** Puts the fast sweep into this compromise instance (all its documents share one world). */
export function installFastSweep<T extends object>(nlp: T): T {
  const { methods } = (nlp as unknown as Compromise).world();
  if (methods.one.bulkMatch !== fastBulkMatch) stock.set(nlp, methods.one.bulkMatch);
  methods.one.bulkMatch = fastBulkMatch;
  return nlp;
}

/** The library's own sweep that installFastSweep replaced, to compare with. */
export function stockBulkMatch(nlp: object): BulkMatch | undefined {
  return stock.get(nlp);
}
