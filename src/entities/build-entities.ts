/**
 * The archive's entities: every report's resolved mentions gathered by canonical name, one entity per
 * name (its kind the one most mentions agree on), with the quotations reports attribute to it.
 */
import { findQuotes } from "../stories/compare-quotes.ts";
import { storySentences } from "../stories/story-sentences.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { slugify } from "../parse/slug.ts";
import { aliasKey, makeAliasTable, type AliasTable } from "./alias-table.ts";
import { findMentions, type ResolvedMention } from "./find-mentions.ts";
import type { Entity, EntityKind } from "./types.ts";

export interface EntityOptions {
  table?: AliasTable;
  /**
   * Names the alias table does not list need this many mentions across the archive to become pages;
   * a person's full name (two words or more) needs one: taggers rarely invent those.
   */
  minMentionsUnlisted?: number;
  /** One report's names and attributed quotes; default: computed (the build passes a cache's). */
  factsOf?: (record: ArticleRecord) => EntityFacts;
}

/** What one report contributes to the entities, computed from it alone. */
export interface EntityFacts {
  mentions: ResolvedMention[];
  /** Quotations with a named speaker, where they are. */
  quotes: Array<{ blockIndex: number; text: string; speaker: string }>;
}

export function entityFacts(record: ArticleRecord, table: AliasTable = defaultTable): EntityFacts {
  const quotes = findQuotes(storySentences(record)).flatMap((q) =>
    q.speaker ? [{ blockIndex: q.sentence.blockIndex, text: q.text, speaker: q.speaker }] : [],
  );
  return { mentions: findMentions(record, table), quotes };
}

export function buildEntities(records: ArticleRecord[], opts: EntityOptions = {}): Entity[] {
  const table = opts.table ?? defaultTable;
  const minUnlisted = opts.minMentionsUnlisted ?? 2;
  const byName = new Map<string, Entity & { kinds: Map<EntityKind, number> }>();
  const factsOf = opts.factsOf ?? ((r: ArticleRecord) => entityFacts(r, table));
  for (const record of records) {
    const { mentions, quotes } = factsOf(record);
    for (const m of mentions) {
      const key = aliasKey(m.name);
      let entity = byName.get(key);
      if (!entity) {
        entity = { id: "", name: m.name, kind: m.kind, articleIds: [], mentions: [], quotes: [], kinds: new Map() };
        byName.set(key, entity);
      }
      entity.kinds.set(m.kind, (entity.kinds.get(m.kind) ?? 0) + 1);
      if (entity.articleIds.at(-1) !== record.id) entity.articleIds.push(record.id);
      entity.mentions.push({ articleId: record.id, blockIndex: m.blockIndex, text: m.text });
    }
    attachQuotes(record, mentions, quotes, byName, table);
  }
  const used = new Set<string>();
  const out: Entity[] = [];
  for (const [key, e] of [...byName].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const fullPersonName = e.kinds.has("person") && /\s/.test(e.name);
    if (!table.byKey.has(key) && !fullPersonName && e.mentions.length < minUnlisted) continue;
    const { kinds, ...entity } = e;
    entity.kind = [...kinds].sort((a, b) => b[1] - a[1])[0][0];
    entity.id = uniqueSlug(entity.name, used);
    out.push(entity);
  }
  return out;
}

/** Quotations whose speaker names an entity the report mentions ("Ban said" -> Ban Ki-moon). */
function attachQuotes(
  record: ArticleRecord,
  mentions: ResolvedMention[],
  quotes: EntityFacts["quotes"],
  byName: Map<string, Entity>,
  table: AliasTable,
): void {
  for (const q of quotes) {
    const speaker = table.stripTitles(q.speaker.replace(/^(?:the|a|an)\s+/i, ""));
    const key = aliasKey(speaker);
    // The speaker as written, or the mention in the same block that the speaker's words end with.
    const mention =
      mentions.find((m) => m.blockIndex === q.blockIndex && (aliasKey(m.text) === key || aliasKey(m.name) === key)) ??
      mentions.find((m) => aliasKey(m.text) === key || aliasKey(m.name) === key);
    if (!mention) continue;
    byName.get(aliasKey(mention.name))?.quotes.push({
      articleId: record.id,
      blockIndex: q.blockIndex,
      text: q.text,
      speaker: q.speaker,
    });
  }
}

const defaultTable = makeAliasTable();

function uniqueSlug(name: string, used: Set<string>): string {
  const base = slugify(name) || "entity";
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
