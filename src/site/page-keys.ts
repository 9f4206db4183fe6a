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
import {
  archiveLookups,
  entityEventsView,
  entityMentions,
  entityQuotes,
  mentionForms,
  sourceNameOf,
  storiesOf,
  type ArchiveLookups,
  type EntityPage,
} from "../stories/story-view.ts";
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
  const heads = new Map<Entity, string>();
  for (const page of pages) {
    // Every page prints the entity's heading; only page 1 its quotes, events and mentions, so a change
    // there (an event merged elsewhere, one more quote) does not re-render the list's other pages.
    let head = heads.get(page.entity);
    if (head === undefined) heads.set(page.entity, (head = entityHeadKey(page.entity)));
    const { entity, ...paging } = page;
    const listed = page.items.map((id) => recordKey.get(id) ?? "-");
    const first = page.number === 1 ? entityFirstPageKey(lookups, entity) : "";
    keys.set(page.path, hashOf("entity", head, JSON.stringify(paging), listed.join(","), first));
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

/** The heading every page of an entity's list prints: kind, name, how many reports, the forms of its name. */
function entityHeadKey(entity: Entity): string {
  return JSON.stringify([entity.kind, entity.name, entity.articleIds.length, mentionForms(entity)]);
}

/** What only page 1 prints: its capped quotes, timeline events and mentions, with each source's name. */
function entityFirstPageKey(lookups: ArchiveLookups, entity: Entity): string {
  const source = (articleId: string) => sourceNameOf(lookups, articleId);
  const quotes = entityQuotes(entity);
  const events = entityEventsView(lookups, entity);
  const mentions = entityMentions(entity);
  return JSON.stringify([
    [quotes.more, quotes.items.map((q) => [q.text, q.speaker, q.articleId, q.blockIndex, source(q.articleId)])],
    [events.total, events.more, events.items.map((v) => [v.event.date, v.event.text, v.moreSources, v.sources.map((s) => [s.articleId, s.blockIndex, source(s.articleId)])])],
    [mentions.more, mentions.items.map((m) => [m.text, m.articleId, m.blockIndex, source(m.articleId)])],
  ]);
}

function hashOf(...parts: string[]): string {
  const hash = createHash("sha1");
  for (const p of parts) hash.update(p).update("\0");
  return hash.digest("base64url");
}
