/**
 * A body block's text as HTML with each entity name the archive found in it linked to the entity's
 * page. Everything else is escaped: report text is untrusted.
 */
import type { Entity } from "./types.ts";

export interface EntityLinkIndex {
  /**
   * article id -> block index -> [surface text, entity page] pairs, longest text first. Nested, not
   * "id#index" keys: every article page looks up each of its blocks, and each key was a string built
   * for the lookup.
   */
  byArticle: Map<string, Array<Array<[string, string]> | undefined>>;
}

const indexes = new WeakMap<readonly Entity[], EntityLinkIndex>();

export function entityLinkIndex(entities: readonly Entity[]): EntityLinkIndex {
  let index = indexes.get(entities);
  if (index) return index;
  const found = new Map<string, Array<Map<string, string> | undefined>>();
  for (const e of entities) {
    for (const m of e.mentions) {
      const blocks = found.get(m.articleId) ?? found.set(m.articleId, []).get(m.articleId)!;
      const forms = (blocks[m.blockIndex] ??= new Map());
      if (!forms.has(m.text)) forms.set(m.text, `/entities/${e.id}/`);
    }
  }
  const byArticle: EntityLinkIndex["byArticle"] = new Map();
  for (const [id, blocks] of found) byArticle.set(id, Array.from(blocks, (forms) => forms && [...forms].sort((a, b) => b[0].length - a[0].length)));
  index = { byArticle };
  indexes.set(entities, index);
  return index;
}

/** The names to link in one block (longest first), or undefined. */
export function linkFormsOf(index: EntityLinkIndex, articleId: string, blockIndex: number): ReadonlyArray<[string, string]> | undefined {
  return index.byArticle.get(articleId)?.[blockIndex];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The code point ending just before `at` (a surrogate pair counts as one). */
function charBefore(text: string, at: number): string {
  if (at <= 0) return "";
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1];
}

/**
 * Where each form occurs as a whole word, leftmost first and, at one place, longest first; an
 * occurrence inside an earlier one is skipped. (A regex alternation of the forms finds the same, but
 * compiling a Unicode-aware pattern per block cost a millisecond a paragraph.)
 */
function occurrences(text: string, forms: ReadonlyArray<readonly [string, string]>): Array<{ at: number; form: string; href: string }> {
  const found: Array<{ at: number; rank: number; form: string; href: string }> = [];
  forms.forEach(([form, href], rank) => {
    if (!form) return;
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      const after = text.codePointAt(at + form.length);
      if (WORD_CHAR.test(charBefore(text, at)) || (after !== undefined && WORD_CHAR.test(String.fromCodePoint(after)))) continue;
      found.push({ at, rank, form, href });
    }
  });
  found.sort((a, b) => a.at - b.at || a.rank - b.rank);
  const out: typeof found = [];
  let end = 0;
  for (const f of found) {
    if (f.at < end) continue;
    out.push(f);
    end = f.at + f.form.length;
  }
  return out;
}

/**
 * Escaped HTML of `text` with entity names linked (each name's first occurrence in the block).
 * Takes the archive's entities or, when rendering many pages, their index built once.
 */
export function linkEntities(text: string, articleId: string, blockIndex: number, entities: readonly Entity[] | EntityLinkIndex | undefined): string {
  const index = !entities ? undefined : "byArticle" in entities ? entities : entityLinkIndex(entities);
  const forms = index && linkFormsOf(index, articleId, blockIndex);
  if (!forms?.length) return escapeHtml(text);
  const linked = new Set<string>();
  let out = "";
  let last = 0;
  for (const { at, form, href } of occurrences(text, forms)) {
    if (linked.has(form)) continue;
    linked.add(form);
    out += `${escapeHtml(text.slice(last, at))}<a class="entity-link" href="${escapeHtml(href)}">${escapeHtml(form)}</a>`;
    last = at + form.length;
  }
  return out + escapeHtml(text.slice(last));
}
