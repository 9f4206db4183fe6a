/**
 * What the story and entity pages show, computed once from the archive so templates only read data:
 * reports with their source names, each claim and quote with its paragraph link, timeline events
 * that cite a paragraph naming an entity.
 */
import type { Archive } from "../archive/types.ts";
import type { Entity } from "../entities/types.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { escapeHtml } from "../entities/link-entities.ts";
import type { TimelineEvent } from "../timeline/types.ts";
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
  /** "articleId#blockIndex" -> timeline events citing that paragraph. */
  eventsByBlock: Map<string, TimelineEvent[]>;
  /** Each event's place in the timeline. */
  eventOrder: Map<TimelineEvent, number>;
}

export function archiveLookups(archive: Pick<Archive, "records"> & Partial<Pick<Archive, "stories" | "timeline">>): ArchiveLookups {
  const records = new Map(archive.records.map((r) => [r.id, r]));
  const storiesByArticle = new Map<string, Story[]>();
  for (const story of archive.stories ?? []) {
    for (const id of story.articleIds) storiesByArticle.set(id, [...(storiesByArticle.get(id) ?? []), story]);
  }
  const eventsByBlock = new Map<string, TimelineEvent[]>();
  const eventOrder = new Map<TimelineEvent, number>();
  for (const event of archive.timeline?.events ?? []) {
    eventOrder.set(event, eventOrder.size);
    for (const key of new Set(event.sources.map((s) => `${s.articleId}#${s.blockIndex}`))) {
      const list = eventsByBlock.get(key);
      if (list) list.push(event);
      else eventsByBlock.set(key, [event]);
    }
  }
  return { records, storiesByArticle, eventsByBlock, eventOrder };
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
  for (const m of entity.mentions) for (const e of lookups.eventsByBlock.get(`${m.articleId}#${m.blockIndex}`) ?? []) found.add(e);
  return [...found].sort((a, b) => lookups.eventOrder.get(a)! - lookups.eventOrder.get(b)!);
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
