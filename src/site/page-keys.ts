/**
 * A key for each page that grows with the archive (article, entity, timeline, story, source and month
 * pages): a hash of everything the page's template reads, so a rebuild re-renders only pages whose key
 * changed and keeps the previous build's file for the rest (reuse-pages.ts).
 *
 * What each template reads, and so what its key covers:
 * - article page: the record; its stories' id, title and size (`storiesOf`); the entity links of its
 *   blocks (`linkEntities`); the timeline marks of its blocks (`timelineRefs`).
 * - entity page: its heading (name and kind; on the front page also its report count and name forms);
 *   its page of the list and each report it lists; on the front page, its quotes, timeline events and
 *   mentions with their sources' names.
 * - timeline page: its view, which holds everything it prints, with its events taken as what their
 *   views are made from (`timelineKeyer`).
 * - story page: the story with its comparison, and each of its reports.
 * - home page and stories index page: its page of the list and each report or story on it (as its own
 *   page's key covers it); the home's front page also the archive's report and source counts.
 * - source and month page: the source's or month's heading (its count on the front page only), its
 *   page of the list and each report on it.
 * A numbered list page (paginate.ts) prints nothing that depends on the list's length, and its key
 * covers nothing of it either: adding a report re-renders a list's front page, not all its pages.
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
import { MAX_QUOTES_PER_EVENT, type TimelinePageView } from "./timeline-page.ts";
import type { TimelineEvent } from "../timeline/types.ts";
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

/**
 * `known`: the records' keys (`recordKeys`), worked out earlier from the same records (the build does
 * so while the timeline merges); used when it has a key for every record.
 */
export function pageKeys(
  archive: Archive,
  publish: Pick<PublishIndex, "sourcePages" | "monthPages" | "homePages" | "storyPages">,
  known?: ReadonlyMap<string, string>,
): PageKeys {
  const lookups = timeStep("keys.lookups", () => memoForArchive(archive, "story-lookups", archiveLookups) as ArchiveLookups);
  const recordKey = known && archive.records.every((r) => known.has(r.id)) ? known : timeStep("keys.records", () => recordKeys(archive.records));
  const keys: PageKeys = new Map();
  timeStep("keys.timeline-model", () => timelineModel(archive));
  timeStep("keys.articles", () => {
    for (const record of archive.records) keys.set(articleUrl(record), articleKey(archive, lookups, record, recordKey.get(record.id)!));
  });
  const entityPages = timeStep("keys.entity-pages", () => entityPagesOf(archive) as EntityPage[]);
  timeStep("keys.entities", () => entityKeys(keys, archive, lookups, entityPages, recordKey));
  const storyKeys = new Map<string, string>();
  timeStep("keys.stories", () => {
    for (const story of archive.stories ?? []) {
      const key = storyKey(story, recordKey);
      storyKeys.set(story.id, key);
      keys.set(storyPath(story), key);
    }
  });
  timeStep("keys.lists", () => {
    for (const page of publish.sourcePages) {
      const { source, ...paging } = page;
      keys.set(page.path, listPageKey(paging, recordKey, [source.id, source.name, page.front ? source.records.length : null, source.feed.atomPath, source.feed.jsonPath]));
    }
    for (const page of publish.monthPages) {
      const { month, ...paging } = page;
      keys.set(page.path, listPageKey(paging, recordKey, [month.label, month.path, page.front ? month.records.length : null]));
    }
    for (const page of publish.homePages) {
      keys.set(page.path, listPageKey(page, recordKey, page.front ? [archive.records.length, archive.sources.length] : []));
    }
    for (const page of publish.storyPages) keys.set(page.path, listPageKey(page, storyKeys, []));
  });
  timeStep("keys.timeline", () => {
    const timelineKey = timelineKeyer(lookups, recordKey);
    for (const view of timelineModel(archive).pages as TimelinePageView[]) keys.set(view.url, timelineKey(view));
  });
  return keys;
}

/**
 * What a timeline page prints: its view, less the events' views (`months`), for which it takes what
 * they are made from (`eventKeyer`): the views are then worked out only for the pages rendered again.
 * The month and day headings come from the events' dates. A scope's year index and chips are one
 * object shared by all its pages (2,542 pages at 10,000 reports), and an event one object shared by
 * the unfiltered page and its outlets' pages: each is written out once, not once per page.
 */
function timelineKeyer(lookups: ArchiveLookups, recordKey: ReadonlyMap<string, string>): (view: TimelinePageView) => string {
  const shared = new Map<object, string>();
  const once = (value: object) => shared.get(value) ?? shared.set(value, JSON.stringify(value)).get(value)!;
  const eventKey = eventKeyer(lookups, recordKey);
  return (view) => {
    // `months` is not enumerable: the rest leaves it out without working it out.
    const { index, chips, events, ...own } = view;
    return hashOf("timeline", JSON.stringify(own), once(index), once(chips), ...events.map(eventKey));
  };
}

/**
 * What an event's view on a timeline page (timeline-page.ts `eventView`) is made from: the event; its
 * sources' records (outlet, headline, date: their keys cover them); past MAX_QUOTES_PER_EVENT sources,
 * the stories of their reports (the view links the one they share). One key per event, however many
 * pages show it.
 */
function eventKeyer(lookups: ArchiveLookups, recordKey: ReadonlyMap<string, string>): (e: TimelineEvent) => string {
  const known = new Map<TimelineEvent, string>();
  return (e) => {
    let key = known.get(e);
    if (key === undefined) {
      const records = e.sources.map((s) => recordKey.get(s.articleId) ?? "-");
      const stories = e.sources.length > MAX_QUOTES_PER_EVENT ? e.sources.map((s) => storiesOf(lookups, s.articleId).map((story) => [story.id, story.title])) : [];
      key = hashOf("event", JSON.stringify(e), records.join(","), JSON.stringify(stories));
      known.set(e, key);
    }
    return key;
  };
}

function entityKeys(keys: PageKeys, archive: Archive, lookups: ArchiveLookups, pages: EntityPage[], recordKey: ReadonlyMap<string, string>): void {
  for (const page of pages) {
    // Only the front page prints the entity's count and name forms, its quotes, events and mentions, so
    // a change there (one more report, an event merged elsewhere) does not re-render the numbered pages.
    const { entity, ...paging } = page;
    const head = entityHeadKey(entity, page.front);
    const listed = page.items.map((id) => recordKey.get(id) ?? "-");
    const first = page.front ? entityFirstPageKey(lookups, entityFirstPageOf(archive, entity)) : "";
    keys.set(page.path, hashOf("entity", head, JSON.stringify(paging), listed.join(","), first));
  }
}

/** A story page prints the story (its comparison included) and each of its reports' teaser. */
function storyKey(story: Story, recordKey: ReadonlyMap<string, string>): string {
  return hashOf("story", JSON.stringify(story), story.articleIds.map((id) => recordKey.get(id) ?? "-").join(","));
}

/** A page of a report (or story) list: its heading (`head`), its place in the list and its items' teasers, by their own pages' keys. */
function listPageKey(page: ListPage<{ id: string }>, itemKey: ReadonlyMap<string, string>, head: unknown[]): string {
  const { items, ...paging } = page;
  return hashOf("list", JSON.stringify(head), JSON.stringify(paging), items.map((r) => itemKey.get(r.id) ?? "-").join(","));
}

/** `/articles/<id>/`, as layouts/pages/article.njk's permalink. */
export function articleUrl(record: Pick<ArticleRecord, "id">): string {
  return `/articles/${record.id}/`;
}

/** Record id -> a hash of the whole record: what every page printing the record covers of it. */
export function recordKeys(records: readonly ArticleRecord[]): Map<string, string> {
  return new Map(records.map((r) => [r.id, hashOf("record", JSON.stringify(r))]));
}

function articleKey(archive: Archive, lookups: ArchiveLookups, record: ArticleRecord, recordKey: string): string {
  const stories = storiesOf(lookups, record.id).map((s) => [s.id, s.title, s.articleIds.length]);
  const links = memoForArchive(archive, "entity-links", (a) => entityLinkIndex(a.entities ?? []));
  const marks = timelineModel(archive).refs.get(record.id);
  const blocks = record.body.map((_, i) => [linkFormsOf(links, record.id, i) ?? null, marks?.get(i) ?? null]);
  return hashOf("article", recordKey, JSON.stringify(stories), JSON.stringify(blocks));
}

/** The heading an entity's page prints: kind and name; on the front page also how many reports and the forms of its name. */
function entityHeadKey(entity: Entity, front: boolean): string {
  return JSON.stringify(front ? [entity.kind, entity.name, entity.articleIds.length, mentionForms(entity)] : [entity.kind, entity.name]);
}

/** What only the front page prints: its capped quotes, timeline events and mentions, with each source's name. */
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
