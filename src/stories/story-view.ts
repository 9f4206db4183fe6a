/**
 * What the story and entity pages show, computed once from the archive so templates only read data:
 * reports with their source names, each claim and quote with its paragraph link, timeline events
 * that cite a paragraph naming an entity.
 */
import type { Archive } from "../archive/types.ts";
import type { Entity, EntityMention, EntityQuote } from "../entities/types.ts";
import { paginate, type ListPage } from "../export/paginate.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { escapeHtml } from "../entities/link-entities.ts";
import type { EventSource, TimelineEvent } from "../timeline/types.ts";
import type { Story } from "./types.ts";

export function storyPath(story: Pick<Story, "id">): string {
  return `/stories/${story.id}/`;
}

export function entityPath(entity: Pick<Entity, "id">): string {
  return `/entities/${entity.id}/`;
}

/** `/articles/<id>/#b<blockIndex>`: the paragraph a claim, quote or mention is read from. */
export function paragraphHref(articleId: string, blockIndex: number): string {
  return `/articles/${articleId}/#b${blockIndex}`;
}

/** Archive-wide lookups the story and entity pages need, built in one pass (see src/site/archive-memo.ts). */
export interface ArchiveLookups {
  records: Map<string, ArticleRecord>;
  /** article id -> the stories it belongs to (normally one). */
  storiesByArticle: Map<string, Story[]>;
  /** article id -> block index -> timeline events citing that paragraph (nested, not "id#index" keys: a
   * much-named entity looks up thousands of paragraphs, and each key was a string built to look it up). */
  eventsByBlock: Map<string, TimelineEvent[][]>;
  /** Each event's place in the timeline. */
  eventOrder: Map<TimelineEvent, number>;
  /** Each record's place in the archive (newest first). */
  recordOrder: Map<string, number>;
}

export function archiveLookups(archive: Pick<Archive, "records"> & Partial<Pick<Archive, "stories" | "timeline">>): ArchiveLookups {
  const records = new Map(archive.records.map((r) => [r.id, r]));
  const recordOrder = new Map(archive.records.map((r, i) => [r.id, i]));
  const storiesByArticle = new Map<string, Story[]>();
  for (const story of archive.stories ?? []) {
    for (const id of story.articleIds) storiesByArticle.set(id, [...(storiesByArticle.get(id) ?? []), story]);
  }
  const eventsByBlock = new Map<string, TimelineEvent[][]>();
  const eventOrder = new Map<TimelineEvent, number>();
  for (const event of archive.timeline?.events ?? []) {
    eventOrder.set(event, eventOrder.size);
    for (const { articleId, blockIndex } of event.sources) {
      const blocks = eventsByBlock.get(articleId) ?? eventsByBlock.set(articleId, []).get(articleId)!;
      const list = (blocks[blockIndex] ??= []);
      // An event citing one paragraph twice is listed there once.
      if (list.at(-1) !== event) list.push(event);
    }
  }
  return { records, storiesByArticle, eventsByBlock, eventOrder, recordOrder };
}

/** The record with this id. */
export function recordById(lookups: ArchiveLookups, id: string): ArticleRecord | undefined {
  return lookups.records.get(id);
}

/** Display name of a report's outlet: "AFP" style names come from the record's source. */
export function sourceNameOf(lookups: ArchiveLookups, articleId: string): string {
  return recordById(lookups, articleId)?.source.name ?? articleId;
}

/** Stories a report belongs to (normally one). */
export function storiesOf(lookups: ArchiveLookups, articleId: string): Story[] {
  return lookups.storiesByArticle.get(articleId) ?? [];
}

/** Timeline events citing a paragraph in which the entity is named, in timeline order. */
export function entityEvents(lookups: ArchiveLookups, entity: Pick<Entity, "mentions">): TimelineEvent[] {
  const found = new Set<TimelineEvent>();
  for (const m of entity.mentions) for (const e of lookups.eventsByBlock.get(m.articleId)?.[m.blockIndex] ?? []) found.add(e);
  // Sorted by number, each event's place looked up once (a much-named entity has thousands of events).
  return [...found]
    .map((e) => ({ e, at: lookups.eventOrder.get(e)! }))
    .sort((a, b) => a.at - b.at)
    .map((x) => x.e);
}

/** Entities of one kind, most reported first. */
export function entitiesOfKind(entities: readonly Entity[] | undefined, kind: Entity["kind"]): Entity[] {
  return (entities ?? [])
    .filter((e) => e.kind === kind)
    .sort((a, b) => b.articleIds.length - a.articleIds.length || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}

/** Escaped HTML of a sentence with the claim's wording marked (`<mark>`), so each source's words stand out. */
export function markWording(sentence: string, wording: string): string {
  const at = wording ? sentence.indexOf(wording) : -1;
  if (at < 0) return escapeHtml(sentence);
  return `${escapeHtml(sentence.slice(0, at))}<mark>${escapeHtml(wording)}</mark>${escapeHtml(sentence.slice(at + wording.length))}`;
}

/** A discrepancy's heading: "How many people", "What time". */
export function discrepancyLabel(d: { kind: string; unit: string }): string {
  return d.kind === "time" ? "What time" : `How many ${d.unit === "people" ? "people" : d.unit.endsWith("s") ? d.unit : `${d.unit}s`}`;
}

/** The distinct ways the reports write an entity's name, in order of first mention. */
export function mentionForms(entity: Pick<Entity, "mentions">): string[] {
  return [...new Set(entity.mentions.map((m) => m.text))];
}

/*
 * Entity pages of a big archive: "United States" is named in thousands of reports, so each list on its
 * page is capped (with "and N more") and its reports are paginated like the home page's.
 */

/** Reports per page of an entity's report list. */
export const ENTITY_REPORTS_PER_PAGE = 50;
export const ENTITY_MAX_QUOTES = 20;
export const ENTITY_MAX_EVENTS = 50;
/** Sources shown per timeline event on an entity page. */
export const ENTITY_MAX_EVENT_SOURCES = 3;
export const ENTITY_MAX_MENTIONS = 50;
/** Entities listed per kind on /entities/. */
export const ENTITY_INDEX_PER_KIND = 200;

/** The first items of a list and how many are left out. */
export interface Capped<T> {
  items: T[];
  total: number;
  more: number;
}

export function capList<T>(items: readonly T[], max: number): Capped<T> {
  const shown = items.slice(0, Math.max(0, max));
  return { items: shown, total: items.length, more: items.length - shown.length };
}

/** One page of an entity's reports (newest first); page 1 also carries the entity's quotes, events and mentions. */
export type EntityPage = ListPage<string> & { entity: Entity };

/** Every entity's report list as pages: `/entities/<id>/`, then `/entities/<id>/page/2/`, ... */
export function entityPages(lookups: ArchiveLookups, entities: readonly Entity[] | undefined, pageSize = ENTITY_REPORTS_PER_PAGE): EntityPage[] {
  const at = (id: string) => lookups.recordOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
  return (entities ?? []).flatMap((entity) => {
    // Newest first, as the archive orders its records; ids the archive lacks go last rather than vanish.
    const ids = [...entity.articleIds].sort((a, b) => at(a) - at(b) || a.localeCompare(b));
    return paginate(ids, entityPath(entity), pageSize).map((page) => ({ ...page, entity }));
  });
}

/** Quotes on an entity page: the first `max`, one per report before a second from the same report. */
export function entityQuotes(entity: Pick<Entity, "quotes">, max = ENTITY_MAX_QUOTES): Capped<EntityQuote> {
  return capList(spreadByReport(entity.quotes), max);
}

/** Mentions on an entity page: the first `max`, one per report before a second from the same report. */
export function entityMentions(entity: Pick<Entity, "mentions">, max = ENTITY_MAX_MENTIONS): Capped<EntityMention> {
  return capList(spreadByReport(entity.mentions), max);
}

/** Reorders items so each report's first comes before any report's second (order otherwise kept). */
function spreadByReport<T extends { articleId: string }>(items: readonly T[]): T[] {
  const rank = new Map<string, number>();
  const keyed = items.map((item, i) => {
    const n = rank.get(item.articleId) ?? 0;
    rank.set(item.articleId, n + 1);
    return { item, n, i };
  });
  return keyed.sort((a, b) => a.n - b.n || a.i - b.i).map((k) => k.item);
}

export interface EntityEventView {
  event: TimelineEvent;
  /** At most ENTITY_MAX_EVENT_SOURCES: sources in a paragraph naming the entity first, one per outlet first. */
  sources: EventSource[];
  moreSources: number;
}

/**
 * Timeline events on an entity page: the `max` events the most reports tell of (ties: the later), shown
 * in timeline order, each with a few of its sources.
 */
export function entityEventsView(
  lookups: ArchiveLookups,
  entity: Pick<Entity, "mentions">,
  max = ENTITY_MAX_EVENTS,
  maxSources = ENTITY_MAX_EVENT_SOURCES,
): Capped<EntityEventView> {
  const events = entityEvents(lookups, entity);
  const order = (e: TimelineEvent) => lookups.eventOrder.get(e) ?? 0;
  const chosen =
    events.length <= max
      ? events
      : events
          .map((e) => ({ e, n: reportCount(e) }))
          .sort((a, b) => b.n - a.n || order(b.e) - order(a.e))
          .slice(0, max)
          .map((x) => x.e)
          .sort((a, b) => order(a) - order(b));
  const named = new Map<string, Set<number>>();
  for (const m of entity.mentions) (named.get(m.articleId) ?? named.set(m.articleId, new Set()).get(m.articleId)!).add(m.blockIndex);
  const views = chosen.map((event) => {
    const sources = pickEventSources(lookups, event, named, maxSources);
    return { event, sources, moreSources: event.sources.length - sources.length };
  });
  return { items: views, total: events.length, more: events.length - views.length };
}

/** `compute(event)` once per event: a much-told event is on many entities' pages. */
function perEvent<T>(compute: (event: TimelineEvent) => T): (event: TimelineEvent) => T {
  const memo = new WeakMap<TimelineEvent, T>();
  return (event) => {
    if (!memo.has(event)) memo.set(event, compute(event));
    return memo.get(event)!;
  };
}

/** How many reports an event cites. */
const reportCount = perEvent((event) => new Set(event.sources.map((s) => s.articleId)).size);

/**
 * Up to `max` sources: those naming the entity first, then a new outlet before a second from the same
 * one. Read in passes that stop once enough are chosen: an event may cite hundreds of reports.
 */
function pickEventSources(lookups: ArchiveLookups, event: TimelineEvent, named: Map<string, Set<number>>, max: number): EventSource[] {
  const { sources } = event;
  const outletOf = (s: EventSource) => lookups.records.get(s.articleId)?.source.id ?? s.articleId;
  const naming = sources.map((s) => named.get(s.articleId)?.has(s.blockIndex) === true);
  const chosen: EventSource[] = [];
  const outlets = new Set<string>();
  for (const newOutletOnly of [true, false]) {
    for (const wantNaming of [true, false]) {
      for (let i = 0; i < sources.length; i++) {
        if (chosen.length >= max) return chosen;
        const s = sources[i]!;
        if (naming[i] !== wantNaming || chosen.includes(s) || (newOutletOnly && outlets.has(outletOf(s)))) continue;
        chosen.push(s);
        outlets.add(outletOf(s));
      }
    }
  }
  return chosen;
}

/** What page 1 of an entity's list prints besides the list: its capped quotes, timeline events and mentions. */
export interface EntityFirstPage {
  quotes: Capped<EntityQuote>;
  events: Capped<EntityEventView>;
  mentions: Capped<EntityMention>;
}

export function entityFirstPage(lookups: ArchiveLookups, entity: Pick<Entity, "mentions" | "quotes">): EntityFirstPage {
  return { quotes: entityQuotes(entity), events: entityEventsView(lookups, entity), mentions: entityMentions(entity) };
}

/** The most reported entities of one kind for /entities/, and how many more there are. */
export function topEntitiesOfKind(entities: readonly Entity[] | undefined, kind: Entity["kind"], max = ENTITY_INDEX_PER_KIND): Capped<Entity> {
  return capList(entitiesOfKind(entities, kind), max);
}
