/**
 * A key for each page that grows with the archive (article, entity list and timeline pages): a hash of
 * everything the page's template reads, so a rebuild re-renders only pages whose key changed and keeps
 * the previous build's file for the rest (render-plan.ts).
 *
 * What each template reads, and so what its key covers:
 * - article page: the record; its stories' id, title and size (`storiesOf`); the entity links of its
 *   blocks (`linkEntities`); the timeline marks of its blocks (`timelineRefs`).
 * - entity page: its page of the list (paging, the entity with its mentions and quotes); each report it
 *   lists or quotes (`recordById`, `sourceName`); its timeline events (`entityEventsView`).
 * - timeline page: its view, which holds everything it prints.
 * Every page also reads `site` and the templates and code, which the render version covers
 * (`renderVersion`): a change there re-renders everything. A template that starts reading something
 * else must add it here; tests/site/incremental-render.test.ts compares a rebuild with a full build.
 */
import { createHash } from "node:crypto";
import type { Archive } from "../archive/types.ts";
import { codeVersion } from "../archive/parse-cache.ts";
import { entityLinkIndex } from "../entities/link-entities.ts";
import type { Entity } from "../entities/types.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { archiveLookups, entityEventsView, storiesOf, type ArchiveLookups, type EntityPage } from "../stories/story-view.ts";
import type { TimelinePageView } from "./timeline-page.ts";
import { memoForArchive } from "./archive-memo.ts";
import { entityPagesOf } from "./stories-plugin.ts";
import { timelineModel } from "./timeline-plugin.ts";
import { timeStep } from "../build/step-timings.ts";

/**
 * The code and templates every page is rendered with (the whole of src/, layouts/ and the Eleventy
 * config) and the site settings, less the build time, which only the service worker prints.
 */
export function renderVersion(site: { generatedAt?: string }): string {
  const { generatedAt: _time, ...settings } = site;
  return hashOf(codeVersion([".", "../layouts", "../.eleventy.ts"]), JSON.stringify(settings));
}

/** URL of each growing page -> its key. */
export type PageKeys = Map<string, string>;

export function pageKeys(archive: Archive): PageKeys {
  const lookups = timeStep("keys.lookups", () => memoForArchive(archive, "story-lookups", archiveLookups) as ArchiveLookups);
  const recordKey = timeStep("keys.records", () => recordKeys(archive.records));
  const keys: PageKeys = new Map();
  timeStep("keys.timeline-model", () => timelineModel(archive));
  timeStep("keys.articles", () => {
    for (const record of archive.records) keys.set(articleUrl(record), articleKey(archive, lookups, record, recordKey.get(record.id)!));
  });
  const entityPages = timeStep("keys.entity-pages", () => entityPagesOf(archive) as EntityPage[]);
  timeStep("keys.entities", () => entityKeys(keys, lookups, entityPages, recordKey));
  timeStep("keys.timeline", () => {
    for (const view of timelineModel(archive).pages as TimelinePageView[]) keys.set(view.url, hashOf("timeline", JSON.stringify(view)));
  });
  return keys;
}

function entityKeys(keys: PageKeys, lookups: ArchiveLookups, pages: EntityPage[], recordKey: Map<string, string>): void {
  const entityKey = new Map<Entity, string>();
  for (const page of pages) {
    let shared = entityKey.get(page.entity);
    if (shared === undefined) entityKey.set(page.entity, (shared = entitySharedKey(lookups, page.entity, recordKey)));
    const { entity: _entity, ...paging } = page;
    const listed = page.items.map((id) => recordKey.get(id) ?? "-");
    keys.set(page.path, hashOf("entity", shared, JSON.stringify(paging), listed.join(",")));
  }
}

/** `/articles/<id>/`, as layouts/pages/article.njk's permalink. */
export function articleUrl(record: Pick<ArticleRecord, "id">): string {
  return `/articles/${record.id}/`;
}

function recordKeys(records: readonly ArticleRecord[]): Map<string, string> {
  return new Map(records.map((r) => [r.id, hashOf("record", JSON.stringify(r))]));
}

function articleKey(archive: Archive, lookups: ArchiveLookups, record: ArticleRecord, recordKey: string): string {
  const stories = storiesOf(lookups, record.id).map((s) => [s.id, s.title, s.articleIds.length]);
  const links = memoForArchive(archive, "entity-links", (a) => entityLinkIndex(a.entities ?? []));
  const marks = timelineModel(archive).refs.get(record.id);
  const blocks = record.body.map((_, i) => [links.byBlock.get(`${record.id}#${i}`) ?? null, marks?.get(i) ?? null]);
  return hashOf("article", recordKey, JSON.stringify(stories), JSON.stringify(blocks));
}

/** What every page of one entity's list shares: the entity, the reports it quotes or names, its events. */
function entitySharedKey(lookups: ArchiveLookups, entity: Entity, recordKey: Map<string, string>): string {
  const cited = new Set<string>();
  for (const m of entity.mentions) cited.add(m.articleId);
  for (const q of entity.quotes) cited.add(q.articleId);
  const sources = [...cited].map((id) => lookups.records.get(id)?.source.name ?? id);
  const events = entityEventsView(lookups, entity);
  const eventView = events.items.map((v) => [v.event.date, v.event.text, v.sources.map((s) => [s.articleId, s.blockIndex, recordKey.get(s.articleId) ?? "-"]), v.moreSources]);
  return hashOf(JSON.stringify(entity), sources.join("\n"), JSON.stringify([events.total, events.more, eventView]));
}

function hashOf(...parts: string[]): string {
  const hash = createHash("sha1");
  for (const p of parts) hash.update(p).update("\0");
  return hash.digest("base64url");
}
