/**
 * A body block's text as HTML with each entity name the archive found in it linked to the entity's
 * page. Everything else is escaped: report text is untrusted.
 */
import type { Entity } from "./types.ts";

export interface EntityLinkIndex {
  /** "articleId#blockIndex" -> [surface text, entity page] pairs, longest text first. */
  byBlock: Map<string, Array<[string, string]>>;
}

const indexes = new WeakMap<readonly Entity[], EntityLinkIndex>();

export function entityLinkIndex(entities: readonly Entity[]): EntityLinkIndex {
  let index = indexes.get(entities);
  if (index) return index;
  const byBlock = new Map<string, Map<string, string>>();
  for (const e of entities) {
    for (const m of e.mentions) {
      const key = `${m.articleId}#${m.blockIndex}`;
      const forms = byBlock.get(key) ?? byBlock.set(key, new Map()).get(key)!;
      if (!forms.has(m.text)) forms.set(m.text, `/entities/${e.id}/`);
    }
  }
  index = {
    byBlock: new Map([...byBlock].map(([k, forms]) => [k, [...forms].sort((a, b) => b[0].length - a[0].length)])),
  };
  indexes.set(entities, index);
  return index;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Escaped HTML of `text` with entity names linked (each name's first occurrence in the block). */
export function linkEntities(text: string, articleId: string, blockIndex: number, entities: readonly Entity[] | undefined): string {
  const forms = entities ? entityLinkIndex(entities).byBlock.get(`${articleId}#${blockIndex}`) : undefined;
  if (!forms?.length) return escapeHtml(text);
  const href = new Map(forms);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(([f]) => escapeRegExp(f)).join("|")})(?![\\p{L}\\p{N}])`, "gu");
  const linked = new Set<string>();
  let out = "";
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (linked.has(m[0])) continue;
    linked.add(m[0]);
    out += `${escapeHtml(text.slice(last, m.index))}<a class="entity-link" href="${escapeHtml(href.get(m[0])!)}">${escapeHtml(m[0])}</a>`;
    last = m.index! + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}
