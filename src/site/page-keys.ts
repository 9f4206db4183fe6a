/**
 * A key for each page that grows with the archive (article, entity, timeline, story, source and month
 * pages): a hash of everything the page's template reads, so a rebuild re-renders only pages whose key
 * changed and keeps the previous build's file for the rest (reuse-pages.ts).
 *
 * What each template reads, and so what its key covers:
 * - article page: the record; its stories' id, title and size (`storiesOf`); the entity links of its
 *   blocks (`linkEntities`); the timeline marks of its blocks (`timelineRefs`).
 * - entity page: its heading (name, kind, report count, name forms); its page of the list and each
 *   report it lists; on page 1, its quotes, timeline events and mentions with their sources' names.
 * - timeline page: its view, which holds everything it prints.
 * - story page: the story with its comparison, and each of its reports.
 * - source and month page: the source's or month's heading, its page of the list and each report on it.
 * Every page also reads `site` and the templates and code, which the render version covers
 * (`renderVersion`): a change there re-renders everything. A template that starts reading something
 * else must add it here; tests/site/incremental-render.test.ts compares a rebuild with a full build.
 */
import { createHash } from "node:crypto";
import type { Archive } from "../archive/types.ts";
import { codeVersion } from "../archive/parse-cache.ts";
import { entityLinkIndex, linkFormsOf } from "../entities/link-entities.ts";
import type { Entity } from "../entities/types.ts";
import type { PublishIndex } from "../export/archive-index.ts";
import type { ListPage } from "../export/paginate.ts";
import type { Story } from "../stories/types.ts";
import type { ArticleRecord } from "../record/schema.ts";
import {
  archiveLookups,
  mentionForms,
  sourceNameOf,
  storiesOf,
  storyPath,
  type ArchiveLookups,
  type EntityFirstPage,
  type EntityPage,
} from "../stories/story-view.ts";
import type { TimelinePageView } from "./timeline-page.ts";
import { memoForArchive } from "./archive-memo.ts";
import { entityFirstPageOf, entityPagesOf } from "./stories-plugin.ts";
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

export function pageKeys(archive: Archive, publish: Pick<PublishIndex, "sourcePages" | "monthPages">): PageKeys {
  const lookups = timeStep("keys.lookups", () => memoForArchive(archive, "story-lookups", archiveLookups) as ArchiveLookups);
  const recordKey = timeStep("keys.records", () => recordKeys(archive.records));
  const keys: PageKeys = new Map();
  timeStep("keys.timeline-model", () => timelineModel(archive));
  timeStep("keys.articles", () => {
    for (const record of archive.records) keys.set(articleUrl(record), articleKey(archive, lookups, record, recordKey.get(record.id)!));
  });
  const entityPages = timeStep("keys.entity-pages", () => entityPagesOf(archive) as EntityPage[]);
  timeStep("keys.entities", () => entityKeys(keys, archive, lookups, entityPages, recordKey));
  timeStep("keys.stories", () => {
    for (const story of archive.stories ?? []) keys.set(storyPath(story), storyKey(story, recordKey));
  });
  timeStep("keys.lists", () => {
    for (const page of publish.sourcePages) {
      const { source, ...paging } = page;
      keys.set(page.path, listPageKey(paging, recordKey, [source.id, source.name, source.records.length, source.feed.atomPath, source.feed.jsonPath]));
    }
    for (const page of publish.monthPages) {
      const { month, ...paging } = page;
      keys.set(page.path, listPageKey(paging, recordKey, [month.label, month.path, month.records.length]));
    }
  });
  timeStep("keys.timeline", () => {
    const timelineKey = timelineKeyer();
    for (const view of timelineModel(archive).pages as TimelinePageView[]) keys.set(view.url, timelineKey(view));
  });
  return keys;
}

/**
 * What a timeline page prints: its view. A scope's year index and chips are one object shared by all
 * its pages (2,542 pages at 10,000 reports), and an event's view one object shared by the unfiltered
 * page and its outlets' pages: each is written out once, not once per page that prints it.
 */
function timelineKeyer(): (view: TimelinePageView) => string {
  const shared = new Map<object, string>();
  const once = (value: object) => shared.get(value) ?? shared.set(value, JSON.stringify(value)).get(value)!;
  return (view) => {
    const { index, chips, months, ...own } = view;
    const parts = ["timeline", JSON.stringify(own), once(index), once(chips)];
    for (const { days, ...month } of months) {
      parts.push(JSON.stringify(month));
      for (const { events, ...day } of days) parts.push(JSON.stringify(day), ...events.map(once));
    }
    return hashOf(...parts);
  };
}

function entityKeys(keys: PageKeys, archive: Archive, lookups: ArchiveLookups, pages: EntityPage[], recordKey: Map<string, string>): void {
  const heads = new Map<Entity, string>();
  for (const page of pages) {
    // Every page prints the entity's heading; only page 1 its quotes, events and mentions, so a change
    // there (an event merged elsewhere, one more quote) does not re-render the list's other pages.
    let head = heads.get(page.entity);
    if (head === undefined) heads.set(page.entity, (head = entityHeadKey(page.entity)));
    const { entity, ...paging } = page;
    const listed = page.items.map((id) => recordKey.get(id) ?? "-");
    const first = page.number === 1 ? entityFirstPageKey(lookups, entityFirstPageOf(archive, entity)) : "";
    keys.set(page.path, hashOf("entity", head, JSON.stringify(paging), listed.join(","), first));
  }
}

/** A story page prints the story (its comparison included) and each of its reports' teaser. */
function storyKey(story: Story, recordKey: Map<string, string>): string {
  return hashOf("story", JSON.stringify(story), story.articleIds.map((id) => recordKey.get(id) ?? "-").join(","));
}

/** A page of a source's or month's report list: its heading (`head`), its place in the list and its reports' teasers. */
function listPageKey(page: ListPage<ArticleRecord>, recordKey: Map<string, string>, head: unknown[]): string {
  const { items, ...paging } = page;
  return hashOf("list", JSON.stringify(head), JSON.stringify(paging), items.map((r) => recordKey.get(r.id) ?? "-").join(","));
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
  const blocks = record.body.map((_, i) => [linkFormsOf(links, record.id, i) ?? null, marks?.get(i) ?? null]);
  return hashOf("article", recordKey, JSON.stringify(stories), JSON.stringify(blocks));
}

/** The heading every page of an entity's list prints: kind, name, how many reports, the forms of its name. */
function entityHeadKey(entity: Entity): string {
  return JSON.stringify([entity.kind, entity.name, entity.articleIds.length, mentionForms(entity)]);
}

/** What only page 1 prints: its capped quotes, timeline events and mentions, with each source's name. */
function entityFirstPageKey(lookups: ArchiveLookups, { quotes, events, mentions }: EntityFirstPage): string {
  const source = (articleId: string) => sourceNameOf(lookups, articleId);
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
