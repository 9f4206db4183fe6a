/**
 * What the story and entity pages show, computed once from the archive so templates only read data:
 * reports with their source names, each claim and quote with its paragraph link, timeline events
 * that cite a paragraph naming an entity.
 */
import type { Archive } from "../archive/types.ts";
import type { Entity } from "../entities/types.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { escapeHtml } from "../entities/link-entities.ts";
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

const indexes = new WeakMap<readonly ArticleRecord[], Map<string, ArticleRecord>>();

/** The record with this id (looked up through a cached index of `archive.records`). */
export function recordById(archive: Pick<Archive, "records">, id: string): ArticleRecord | undefined {
  let index = indexes.get(archive.records);
  if (!index) {
    index = new Map(archive.records.map((r) => [r.id, r]));
    indexes.set(archive.records, index);
  }
  return index.get(id);
}

/** Display name of a report's outlet: "AFP" style names come from the record's source. */
export function sourceNameOf(archive: Pick<Archive, "records">, articleId: string): string {
  return recordById(archive, articleId)?.source.name ?? articleId;
}

/** Stories a report belongs to (normally one). */
export function storiesOf(archive: Pick<Archive, "stories">, articleId: string): Story[] {
  return (archive.stories ?? []).filter((s) => s.articleIds.includes(articleId));
}

/** Timeline events citing a paragraph in which the entity is named. */
export function entityEvents(archive: Partial<Pick<Archive, "timeline">>, entity: Entity) {
  const blocks = new Set(entity.mentions.map((m) => `${m.articleId}#${m.blockIndex}`));
  return (archive.timeline?.events ?? []).filter((e) => e.sources.some((s) => blocks.has(`${s.articleId}#${s.blockIndex}`)));
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
