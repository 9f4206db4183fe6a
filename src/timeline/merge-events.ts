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
 *    joins the one specific happening known inside its span (21 August; March 2011), or a similar one.
 *    Forward references ("later this month") stay as they are: a plan is not a known happening.
 */
import type { ExtractedEvent, TimelineEvent } from "./types.ts";

/** Share of the smaller text's rare-word weight two texts must have in common to be one happening. */
export const SIMILARITY_THRESHOLD = 0.3;
/** The bar when each report has just that one event on the date. */
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
  const df = new Map<string, number>();
  for (const t of texts) for (const w of contentWords(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = Math.max(1, texts.length);
  const idf = new Map<string, number>();
  for (const [w, d] of df) idf.set(w, Math.log(1 + n / d));
  return idf;
}

export function similarity(a: string, b: string, idf: Map<string, number>): number {
  const wa = contentWords(a);
  const wb = contentWords(b);
  const weight = (ws: Iterable<string>) => [...ws].reduce((s, w) => s + (idf.get(w) ?? Math.log(2)), 0);
  const shared = [...wa].filter((w) => wb.has(w));
  const denominator = Math.min(weight(wa), weight(wb));
  return denominator > 0 ? weight(shared) / denominator : 0;
}

const keyOf = (e: TimelineEvent) => `${e.date}|${e.end ?? ""}|${e.precision}`;
const wordCount = (s: string) => s.split(/\s+/).length;
const articlesOf = (group: ExtractedEvent[]) => new Set(group.flatMap((e) => e.sources.map((s) => s.articleId)));

type Cluster = ExtractedEvent[];

function bestMatch(clusters: Cluster[], event: ExtractedEvent, idf: Map<string, number>, sole: (c: Cluster) => boolean, eventSole: boolean): Cluster | null {
  let best: { cluster: Cluster; score: number } | null = null;
  for (const cluster of clusters) {
    const score = Math.max(...cluster.map((m) => similarity(m.text, event.text, idf)));
    const bar = eventSole && sole(cluster) ? SOLE_SIMILARITY_THRESHOLD : SIMILARITY_THRESHOLD;
    if (score >= bar && (!best || score > best.score)) best = { cluster, score };
  }
  return best?.cluster ?? null;
}

/** Does the finer date `fine` fall inside the span of the coarser event `coarse`? */
function within(fine: ExtractedEvent, coarse: ExtractedEvent): boolean {
  if (coarse.precision === "year" || coarse.precision === "month") return fine.date.startsWith(coarse.date);
  if (coarse.precision === "week") return fine.precision === "day" && fine.date >= coarse.date && fine.date <= (coarse.end ?? coarse.date);
  return false;
}

const RANK = { year: 0, month: 1, week: 2, day: 3 } as const;

function toEvent(cluster: Cluster): TimelineEvent {
  const sources = [];
  const seen = new Set<string>();
  for (const s of cluster.flatMap((e) => e.sources)) {
    const k = `${s.articleId}|${s.blockIndex}|${s.quote}`;
    if (seen.has(k)) continue;
    seen.add(k);
    sources.push(s);
  }
  // The finest-dated member dates the happening; the tersest account names it (timeline entries are written that way).
  const dated = [...cluster].sort((x, y) => RANK[y.precision] - RANK[x.precision])[0];
  const text = cluster.filter((e) => e.precision === dated.precision).sort((x, y) => wordCount(x.text) - wordCount(y.text))[0].text;
  const { id, date, end, precision } = dated;
  return { id, date, ...(end ? { end } : {}), precision, text, sources };
}

/** Events grouped into happenings; sources kept in input order, duplicates (same block and quote) dropped. */
export function mergeEvents(events: ExtractedEvent[]): TimelineEvent[] {
  const idf = inverseFrequencies(events.map((e) => e.text));
  // Pass 1: same date and precision.
  const byKey = new Map<string, ExtractedEvent[]>();
  for (const e of events) byKey.set(keyOf(e), [...(byKey.get(keyOf(e)) ?? []), e]);
  const clusters: Cluster[] = [];
  for (const group of byKey.values()) {
    const perArticle = new Map<string, number>();
    for (const e of group) perArticle.set(e.sources[0].articleId, (perArticle.get(e.sources[0].articleId) ?? 0) + 1);
    const isSole = (e: ExtractedEvent) => perArticle.get(e.sources[0].articleId) === 1;
    const local: Cluster[] = [];
    for (const event of group) {
      const target = bestMatch(local, event, idf, (c) => c.every(isSole) && !articlesOf(c).has(event.sources[0].articleId), isSole(event));
      if (target) target.push(event);
      else local.push([event]);
    }
    clusters.push(...local);
  }
  // Pass 2: vague back-references join the specific happening inside their span.
  const absorbed = new Set<Cluster>();
  const coarseFirst = [...clusters].sort((a, b) => RANK[a[0].precision] - RANK[b[0].precision]);
  for (const coarse of coarseFirst) {
    const head = coarse[0];
    if (head.precision === "day") continue;
    const finer = clusters.filter((c) => c !== coarse && !absorbed.has(c) && RANK[c[0].precision] > RANK[head.precision] && within(c[0], head));
    if (finer.length === 0) continue;
    const backward = coarse.every((e) => e.tense === "past");
    let target: Cluster | null = null;
    if (backward && finer.length === 1 && (head.precision === "year" || head.precision === "month")) target = finer[0];
    else {
      const scored = finer
        .map((c) => ({ c, score: Math.max(...c.flatMap((f) => coarse.map((m) => similarity(f.text, m.text, idf)))) }))
        .sort((a, b) => b.score - a.score);
      if (scored[0].score >= 0.5 && (scored.length === 1 || scored[1].score < scored[0].score)) target = scored[0].c;
    }
    if (target) {
      target.push(...coarse);
      absorbed.add(coarse);
    }
  }
  return clusters.filter((c) => !absorbed.has(c)).map(toEvent);
}
