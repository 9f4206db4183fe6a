/**
 * Joins events that report the same happening.
 *
 * 1. Same date, end and precision, and similar words. Similarity is the overlap of the two texts'
 *    content words weighted by rarity (idf over all events), divided by the smaller text's weight, so a
 *    terse timeline entry ("Second round of Geneva talks") can join a long sentence that contains it,
 *    while words every report shares ("Syria", "talks") count for little. When each report names that
 *    date only once, a lower bar applies: two reports' only words about one day are most likely about
 *    the same thing.
 * 2. A vague back-reference ("an August chemical attack", "began in 2011": past tense, month or year)
 *    joins the one specific happening known inside its span (21 August; March 2011) when it shares a
 *    word with it, or a similar one among several.
 *    Forward references ("later this month") stay as they are: a plan is not a known happening.
 */
import { partitionPoint } from "../archive/partition-point.ts";
import { eventBaseId } from "./event-ids.ts";
import { vocabulary } from "../util/vocabulary.ts";
import { makeBag, OverlapIndex, sharedWeight, type WordBag } from "./overlap-index.ts";
import { byPublication } from "./publication-order.ts";
import { isSpaceCode } from "../parse/text-shape.ts";
import type { ExtractedEvent, TimelineEvent } from "./types.ts";

/** Share of the smaller text's rare-word weight two texts must have in common to be one happening. */
export const SIMILARITY_THRESHOLD = 0.3;
/** The bar when each report has just that one event on the day (days only, not months or years). */
export const SOLE_SIMILARITY_THRESHOLD = 0.12;

const STOPWORDS = new Set(
  ("a an the and or but of in on at to for from by with about as into over after before than that this these those " +
    "it its is are was were be been being has have had do does did will would can could may might must shall should " +
    "he she they we i you his her their our them him us who whom which what when where while not no so also then there " +
    "said says say told according officials official monday tuesday wednesday thursday friday saturday sunday " +
    "january february march april may june july august september october november december jan feb mar apr jun jul aug " +
    "sep sept oct nov dec today yesterday tomorrow week month year morning night evening afternoon last next day").split(" "),
);

/** Content words, lower-cased and crudely singularised so "talks" meets "talk". */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z][a-z'’-]*[a-z]|[a-z]/g) ?? [];
  const out = new Set<string>();
  for (let w of words) {
    w = w.replace(/['’]s$/, "");
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    if (w.length > 4 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
    out.add(w);
  }
  return out;
}

export function inverseFrequencies(texts: string[]): Map<string, number> {
  return idfOf(texts.map(contentWords));
}

function idfOf(wordSets: Set<string>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const ws of wordSets) for (const w of ws) df.set(w, (df.get(w) ?? 0) + 1);
  const n = Math.max(1, wordSets.length);
  const idf = new Map<string, number>();
  for (const [w, d] of df) idf.set(w, Math.log(1 + n / d));
  return idf;
}

const UNSEEN = Math.log(2);

export function similarity(a: string, b: string, idf: Map<string, number>): number {
  const words = vocabulary();
  return bagSimilarity(makeBag(contentWords(a), idf, UNSEEN, words), makeBag(contentWords(b), idf, UNSEEN, words));
}

/** The score of `similarity` on precomputed bags of one vocabulary (same summation order, so the same float). */
function bagSimilarity(a: WordBag, b: WordBag): number {
  const denominator = Math.min(a.weight, b.weight);
  return denominator > 0 ? sharedWeight(a, b) / denominator : 0;
}

const keyOf = (e: TimelineEvent) => `${e.date}|${e.end ?? ""}|${e.precision}`;

/** `text.split(/\s+/).length` without the array: one more than its runs of white space. */
function wordCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (isSpaceCode(text.charCodeAt(i)) && (i === 0 || !isSpaceCode(text.charCodeAt(i - 1)))) n++;
  return n;
}

type Cluster = ExtractedEvent[];
type BagOf = (e: ExtractedEvent) => WordBag;

/** Pass 2's bar: a vague reference joins a finer happening at this score. */
const SPAN_THRESHOLD = 0.5;

/** Does the finer date `fine` fall inside the span of the coarser event `coarse`? */
function within(fine: ExtractedEvent, coarse: ExtractedEvent): boolean {
  if (coarse.precision === "year" || coarse.precision === "month") return fine.date.startsWith(coarse.date);
  if (coarse.precision === "week") return fine.precision === "day" && fine.date >= coarse.date && fine.date <= (coarse.end ?? coarse.date);
  return false;
}

const RANK = { year: 0, month: 1, week: 2, day: 3 } as const;

/** Where an event was first printed: its first source's report and block, and the report's date. */
const accountOf = (e: ExtractedEvent) => ({ published: e.published, articleId: e.sources[0].articleId, blockIndex: e.sources[0].blockIndex });

function toEvent(cluster: Cluster): TimelineEvent {
  const sources = [];
  const seen = new Set<string>();
  for (const s of cluster.flatMap((e) => e.sources)) {
    const k = `${s.articleId}|${s.blockIndex}|${s.quote}`;
    if (seen.has(k)) continue;
    seen.add(k);
    sources.push(s);
  }
  // The finest-dated member dates the happening; the tersest account names it (timeline entries are
  // written that way). The first of equals, in cluster order, each time.
  const dated = cluster.reduce((a, b) => (RANK[b.precision] > RANK[a.precision] ? b : a));
  const finest = cluster.filter((e) => e.precision === dated.precision);
  const text = finest.map((e) => ({ text: e.text, words: wordCount(e.text) })).reduce((a, b) => (b.words < a.words ? b : a)).text;
  // The id takes its words from the first published account instead: a terser one added later (most
  // reports are added after the ones they follow up) must not move the anchor citations point at.
  const first = finest.reduce((a, b) => (byPublication(accountOf(b), accountOf(a)) < 0 ? b : a));
  const { date, end, precision } = dated;
  return { id: eventBaseId(date, first.text), date, ...(end ? { end } : {}), precision, text, sources };
}

/**
 * Events grouped into happenings; sources in the order their reports were published (the first
 * account first), duplicates (same block and quote) dropped.
 *
 * Both passes are greedy, so their result depends on the order they meet events in: they take them
 * oldest account first, whatever order they are given. A report newer than all the others (how news
 * arrives) is then met last: its events join happenings or start new ones, and cannot regroup the
 * archive's earlier events (at 10,000 reports, taken newest first, one added report re-formed clusters
 * of hundreds of sources and moved their anchors).
 */
export function mergeEvents(input: ExtractedEvent[]): TimelineEvent[] {
  const events = inPublicationOrder(input);
  // Each distinct text's words are read once; df still counts every event, as before.
  const wordsOfText = new Map<string, Set<string>>();
  const wordsOf = (text: string) => wordsOfText.get(text) ?? wordsOfText.set(text, contentWords(text)).get(text)!;
  const idf = idfOf(events.map((e) => wordsOf(e.text)));
  const bags = new Map<string, WordBag>();
  // Words numbered once, so that scores and the overlap index work on ids, not look each word up by name.
  const words = vocabulary();
  const bagOfText = (text: string) => bags.get(text) ?? bags.set(text, makeBag(wordsOf(text), idf, UNSEEN, words)).get(text)!;
  // Each event's bag found by the event, not by its text (long strings, hashed and compared again per lookup).
  const eventBags = new Map(events.map((e) => [e, bagOfText(e.text)]));
  const bagOf: BagOf = (e) => eventBags.get(e)!;
  const clusters = sameDateClusters(events, bagOf);
  const absorbed = absorbVagueReferences(clusters, bagOf);
  return clusters.filter((c, i) => !absorbed.has(i)).map(toEvent);
}

/** Oldest account first (publication-order.ts); a report's events in the order it gives them. */
function inPublicationOrder(events: ExtractedEvent[]): ExtractedEvent[] {
  const accounts = events.map(accountOf);
  // Sorted by index: Array.prototype.sort is stable, so events of one block keep their order.
  return events
    .map((_, i) => i)
    .sort((a, b) => byPublication(accounts[a], accounts[b]))
    .map((i) => events[i]);
}

/**
 * Pass 1: same date, end and precision, and similar words. Each event meets only the texts that could
 * reach the bar, each distinct text once: a cluster's score is its best member's, and members that
 * share a text share its score, so a text already in a cluster is not scored again for every report
 * that printed it (recombined or syndicated copies made that quadratic in the size of a date's group).
 */
function sameDateClusters(events: ExtractedEvent[], bagOf: BagOf): Cluster[] {
  const byKey = new Map<string, ExtractedEvent[]>();
  for (const e of events) {
    const group = byKey.get(keyOf(e));
    if (group) group.push(e);
    else byKey.set(keyOf(e), [e]);
  }
  const clusters: Cluster[] = [];
  const lowestBar = Math.min(SIMILARITY_THRESHOLD, SOLE_SIMILARITY_THRESHOLD);
  for (const group of byKey.values()) {
    const perArticle = new Map<string, number>();
    for (const e of group) perArticle.set(e.sources[0].articleId, (perArticle.get(e.sources[0].articleId) ?? 0) + 1);
    const isSole = (e: ExtractedEvent) => perArticle.get(e.sources[0].articleId) === 1;
    const local: Array<{ members: Cluster; allSole: boolean; articles: Set<string> }> = [];
    // Distinct texts (bags) of the group so far, each with the clusters holding it, in creation order.
    const bagId = new Map<WordBag, number>();
    const bags: WordBag[] = [];
    const clustersOfBag: number[][] = [];
    const index = new OverlapIndex(lowestBar);
    for (const event of group) {
      const bag = bagOf(event);
      const eventSole = isSole(event);
      // Each candidate cluster's best score over the texts it holds (texts below every bar left out).
      const scores = new Map<number, number>();
      for (const b of index.candidates(bag)) {
        const score = bagSimilarity(bags[b], bag);
        if (score < lowestBar) continue;
        for (const at of clustersOfBag[b]) {
          const known = scores.get(at);
          if (known === undefined || score > known) scores.set(at, score);
        }
      }
      // Clusters in creation order, as the full scan met them: the first of equal scores wins.
      let best: { at: number; score: number } | null = null;
      for (const at of [...scores.keys()].sort((a, b) => a - b)) {
        const score = scores.get(at)!;
        const cluster = local[at];
        // The lower bar is for a day: a report naming a whole year once says nothing about which happening.
        const sole = event.precision === "day" && eventSole && cluster.allSole && !cluster.articles.has(event.sources[0].articleId);
        const bar = sole ? SOLE_SIMILARITY_THRESHOLD : SIMILARITY_THRESHOLD;
        if (score >= bar && (!best || score > best.score)) best = { at, score };
      }
      const at = best ? best.at : local.push({ members: [], allSole: true, articles: new Set() }) - 1;
      const cluster = local[at];
      cluster.members.push(event);
      cluster.allSole &&= eventSole;
      for (const s of event.sources) cluster.articles.add(s.articleId);
      let b = bagId.get(bag);
      if (b === undefined) {
        bagId.set(bag, (b = bags.push(bag) - 1));
        clustersOfBag.push([]);
        index.add(b, bag);
      }
      // A new cluster cannot hold the text yet; an existing one usually does already (a text meets itself at 1).
      if (!best || !clustersOfBag[b].includes(at)) clustersOfBag[b].push(at);
    }
    clusters.push(...local.map((c) => c.members));
  }
  return clusters;
}

/**
 * Pass 2: vague back-references join the specific happening inside their span. Coarsest first, in
 * cluster order; a cluster that absorbs one grows, and later scores see its new members. Clusters
 * are found by span (year, month, day buckets) and by words, never by scanning them all.
 * Returns the indexes of absorbed clusters.
 */
function absorbVagueReferences(clusters: Cluster[], bagOf: BagOf): Set<number> {
  const spans = new SpanIndex();
  // Each cluster's distinct texts, in first-seen order (members printing the same text share one).
  const distinctBags = clusters.map((c) => [...new Set(c.map(bagOf))]);
  clusters.forEach((c, i) => spans.add(i, c[0], distinctBags[i]));
  const absorbed = new Set<number>();
  const order = clusters.map((_, i) => i).sort((a, b) => RANK[clusters[a][0].precision] - RANK[clusters[b][0].precision] || a - b);
  for (const at of order) {
    const coarse = clusters[at];
    const head = coarse[0];
    if (head.precision === "day") continue;
    const isFiner = (c: number) => c !== at && !absorbed.has(c) && RANK[clusters[c][0].precision] > RANK[head.precision] && within(clusters[c][0], head);
    // A span bucket holds exactly the finer clusters: absorbed ones are never finer (they are coarser,
    // handled earlier), nor is this one. Only the fallback (all clusters) needs the check.
    const finer = spans.inSpan(head) ?? clusters.map((_, i) => i).filter(isFiner);
    if (finer.length === 0) continue;
    const backward = coarse.every((e) => e.tense === "past");
    const coarseBags = distinctBags[at];
    // The best pair of texts: a text printed by many reports is scored once.
    const pairScore = (c: number) => {
      let score = -Infinity;
      for (const f of distinctBags[c]) for (const m of coarseBags) score = Math.max(score, bagSimilarity(f, m));
      return score;
    };
    let target: number | null = null;
    // The one happening known in the span takes a reference that shares a content word with it: "an
    // August chemical attack" joins the attack of 21 August, "the uprising against Assad began in 2011"
    // the war against Assad's regime of March 2011; "revenues fell in 1997" does not join the only 1997
    // event, a July summit (in an archive of many subjects that merged unrelated sentences, and which
    // event was alone in its year changed as reports were added).
    if (backward && finer.length === 1 && (head.precision === "year" || head.precision === "month")) {
      if (pairScore(finer[0]) > 0) target = finer[0];
    } else {
      const candidates = new Set<number>();
      for (const m of coarseBags) spans.candidates(head, m, candidates, clusters.length);
      let best = -1;
      let bestScore = -Infinity;
      let tied = false;
      for (const c of candidates) {
        if (!isFiner(c)) continue;
        const score = pairScore(c);
        if (score < SPAN_THRESHOLD) continue;
        if (score > bestScore) [best, bestScore, tied] = [c, score, false];
        else if (score === bestScore) tied = true;
      }
      // Only a clear best at or above the bar; clusters that were not candidates score below it.
      if (best >= 0 && !tied) target = best;
    }
    if (target !== null) {
      clusters[target].push(...coarse);
      const known = new Set(distinctBags[target]);
      const added = distinctBags[at].filter((b) => !known.has(b));
      distinctBags[target].push(...added);
      spans.grow(target, clusters[target][0], added);
      absorbed.add(at);
    }
  }
  return absorbed;
}

/**
 * Finer clusters by the span that holds them: by year ("2011"), by month ("2011-03") and by day, each
 * with a word index. A span whose date has an unexpected shape falls back to every cluster.
 */
class SpanIndex {
  private readonly byYear = new Map<string, { ids: number[]; words: OverlapIndex }>();
  private readonly byMonth = new Map<string, { ids: number[]; words: OverlapIndex }>();
  private readonly byDay = new Map<string, { ids: number[]; words: OverlapIndex }>();
  private days: string[] | null = null;

  add(id: number, head: ExtractedEvent, bags: WordBag[]): void {
    for (const bucket of this.bucketsOf(head, true)) {
      bucket.ids.push(id);
      for (const bag of bags) bucket.words.add(id, bag);
    }
    this.days = null;
  }

  /** A cluster took in more members: their words find it too. */
  grow(id: number, head: ExtractedEvent, bags: WordBag[]): void {
    for (const bucket of this.bucketsOf(head, false)) for (const bag of bags) bucket.words.add(id, bag);
  }

  /** Ids of the finer clusters inside `head`'s span, ascending; null when its date has an unexpected shape. */
  inSpan(head: ExtractedEvent): number[] | null {
    const buckets = this.spanBuckets(head);
    if (!buckets) return null;
    return buckets.length === 1 ? buckets[0].ids : buckets.flatMap((b) => b.ids).sort((a, b) => a - b);
  }

  /** Ids inside `head`'s span that could share the bar with `bag` (a superset), added to `into`. */
  candidates(head: ExtractedEvent, bag: WordBag, into: Set<number>, total: number): Set<number> {
    const buckets = this.spanBuckets(head);
    if (!buckets) for (let i = 0; i < total; i++) into.add(i);
    else for (const b of buckets) b.words.candidates(bag, into);
    return into;
  }

  private spanBuckets(head: ExtractedEvent) {
    if (head.precision === "year") return /^\d{4}$/.test(head.date) ? [this.byYear.get(head.date)].filter((b) => !!b) : null;
    if (head.precision === "month") return /^\d{4}-\d{2}$/.test(head.date) ? [this.byMonth.get(head.date)].filter((b) => !!b) : null;
    if (head.precision === "week") {
      const days = (this.days ??= [...this.byDay.keys()].sort());
      const last = head.end ?? head.date;
      const out = [];
      for (let i = partitionPoint(days, (d) => d < head.date); i < days.length && days[i] <= last; i++) out.push(this.byDay.get(days[i])!);
      return out;
    }
    return [];
  }

  private bucketsOf(head: ExtractedEvent, create: boolean) {
    const rank = RANK[head.precision];
    const keyed: Array<[Map<string, { ids: number[]; words: OverlapIndex }>, string]> = [];
    if (rank > RANK.year) keyed.push([this.byYear, head.date.slice(0, 4)]);
    if (rank > RANK.month) keyed.push([this.byMonth, head.date.slice(0, 7)]);
    if (head.precision === "day") keyed.push([this.byDay, head.date]);
    return keyed.map(([map, key]) => {
      let bucket = map.get(key);
      if (!bucket && create) map.set(key, (bucket = { ids: [], words: new OverlapIndex(SPAN_THRESHOLD) }));
      return bucket!;
    }).filter((b) => !!b);
  }
}
