/**
 * Stories and entities on the site: the entities collection the names index reads (empty when the
 * archive has none, so archives built without them still render), and the filters the story, entity
 * and article pages use.
 */
import type { UserConfig } from "@11ty/eleventy";
import type { Archive } from "../archive/types.ts";
import { entityLinkIndex, linkEntities } from "../entities/link-entities.ts";
import { memoForArchive } from "./archive-memo.ts";
import {
  archiveLookups,
  discrepancyLabel,
  entityFirstPage,
  entityPages,
  entityPath,
  markWording,
  mentionForms,
  paragraphHref,
  recordById,
  sourceNameOf,
  storiesOf,
  storyPath,
  topEntitiesOfKind,
  type EntityFirstPage,
} from "../stories/story-view.ts";
import type { Entity } from "../entities/types.ts";

type CollectionApi = { getAll(): Array<{ data: { archive?: Archive } }> };

function archiveOf(api: unknown): Archive | undefined {
  return (api as CollectionApi).getAll().find((item) => item.data.archive)?.data.archive;
}

/** The archive-wide lookups, built once per build (archive-memo), not once per page. */
const lookups = (archive: Archive) => memoForArchive(archive, "story-lookups", archiveLookups);

/** One item per page of an entity's report list (layouts/pages/entity.njk, via render-batches.ts); built once per build. */
export function entityPagesOf(archive: Archive) {
  return memoForArchive(archive, "entity-pages", (a) => entityPages(lookups(a as Archive), a.entities));
}

/**
 * What an entity's page 1 prints besides its list, worked out once per build: the page keys read it for
 * every entity (page-keys.ts), and the page prints the same objects. By id: a template may be handed a
 * proxy of the entity rather than the object itself.
 */
export function entityFirstPageOf(archive: Archive, entity: Entity): EntityFirstPage {
  const views = memoForArchive(archive, "entity-first-pages", () => new Map<string, EntityFirstPage>());
  let view = views.get(entity.id);
  if (!view) views.set(entity.id, (view = entityFirstPage(lookups(archive), entity)));
  return view;
}

export default function storiesPlugin(config: UserConfig): void {
  config.addCollection("entities", (api) => archiveOf(api)?.entities ?? []);
  config.addFilter("storyPath", storyPath);
  config.addFilter("entityPath", entityPath);
  config.addFilter("paragraphHref", paragraphHref);
  /** `{{ id | recordById(archive) }}` */
  config.addFilter("recordById", (id: string, archive: Archive) => recordById(lookups(archive), id));
  config.addFilter("sourceName", (id: string, archive: Archive) => sourceNameOf(lookups(archive), id));
  config.addFilter("storiesOf", (record: { id: string }, archive: Archive) => storiesOf(lookups(archive), record.id));
  /** Capped lists for the entity pages and index: `{items, total, more}`. */
  config.addFilter("topEntitiesOfKind", topEntitiesOfKind);
  /** `{{ entity | entityFirstPage(archive) }}`: `{quotes, events, mentions}`, each capped. */
  config.addFilter("entityFirstPage", (entity: Entity, archive: Archive) => entityFirstPageOf(archive, entity));
  /** `{{ claim.sentence | markWording(claim.wording) | safe }}`: escaped, the wording in `<mark>`. */
  config.addFilter("markWording", markWording);
  config.addFilter("discrepancyLabel", discrepancyLabel);
  config.addFilter("mentionForms", mentionForms);
  /** `{{ block.text | linkEntities(record.id, index, archive) | safe }}`: escaped, names linked. */
  config.addFilter("linkEntities", (text: string, articleId: string, blockIndex: number, archive: Archive) =>
    linkEntities(text, articleId, blockIndex, memoForArchive(archive, "entity-links", (a) => entityLinkIndex(a.entities ?? []))),
  );
}
