/**
 * linkEntities finds names without building a regex per block; it must link exactly what a
 * whole-word, longest-first alternation of the forms would (the behaviour it replaced).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { entityLinkIndex, escapeHtml, linkEntities, linkFormsOf, type EntityLinkIndex } from "../../src/entities/link-entities.ts";
import type { Entity } from "../../src/entities/types.ts";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The reference: one Unicode-aware alternation, first occurrence of each form linked. */
function byRegex(text: string, forms: Array<[string, string]>): string {
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

const indexOf = (forms: Array<[string, string]>): EntityLinkIndex => ({ byArticle: new Map([["a", [forms]]]) });

describe("linkEntities", () => {
  it("links whole words only, the longer name where two start together, each name once", () => {
    const forms: Array<[string, string]> = [
      ["Bashar al-Assad", "/entities/bashar-al-assad/"],
      ["Assad", "/entities/bashar-al-assad/"],
      ["UN", "/entities/un/"],
    ];
    const html = linkEntities("Bashar al-Assad met the UN; UNESCO and Assad's aides. Assad left.", "a", 0, indexOf(forms));
    expect(html).toBe(
      '<a class="entity-link" href="/entities/bashar-al-assad/">Bashar al-Assad</a> met the <a class="entity-link" href="/entities/un/">UN</a>; ' +
        'UNESCO and <a class="entity-link" href="/entities/bashar-al-assad/">Assad</a>&#39;s aides. Assad left.',
    );
  });

  it("agrees with the whole-word alternation on arbitrary text and forms", () => {
    const word = fc.constantFrom("Kerry", "John Kerry", "UN", "UNSC", "Ban", "Ban Ki-moon", "é", "Émile", "x1", "a", "𝒜B", "B");
    const sep = fc.constantFrom(" ", "-", "'", ", ", "", ".", "é", "1");
    const text = fc.array(fc.tuple(word, sep), { maxLength: 12 }).map((parts) => parts.map(([w, s]) => w + s).join(""));
    const forms = fc
      .uniqueArray(word, { minLength: 1, maxLength: 5 })
      .map((ws) => ws.sort((a, b) => b.length - a.length).map((w, i): [string, string] => [w, `/entities/e${i}/`]));
    fc.assert(fc.property(text, forms, (t, f) => linkEntities(t, "a", 0, indexOf(f)) === byRegex(t, f)), { numRuns: 500 });
  });
});

describe("entityLinkIndex", () => {
  const entity = (id: string, mentions: Array<[string, number, string]>): Entity => ({
    id,
    name: id,
    kind: "person",
    articleIds: [...new Set(mentions.map(([a]) => a))],
    mentions: mentions.map(([articleId, blockIndex, text]) => ({ articleId, blockIndex, text })),
    quotes: [],
  });

  it("gives each block of each report the names found in it, longest first, the first entity's page for a shared form", () => {
    const index = entityLinkIndex([
      entity("kerry", [["r1", 0, "Kerry"], ["r1", 2, "John Kerry"], ["r1", 2, "Kerry"], ["r2", 0, "Kerry"]]),
      entity("un", [["r1", 2, "UN"]]),
      entity("other-kerry", [["r1", 0, "Kerry"]]),
    ]);
    expect(linkFormsOf(index, "r1", 0)).toEqual([["Kerry", "/entities/kerry/"]]);
    expect(linkFormsOf(index, "r1", 1)).toBeUndefined();
    expect(linkFormsOf(index, "r1", 2)).toEqual([["John Kerry", "/entities/kerry/"], ["Kerry", "/entities/kerry/"], ["UN", "/entities/un/"]]);
    expect(linkFormsOf(index, "r2", 0)).toEqual([["Kerry", "/entities/kerry/"]]);
    expect(linkFormsOf(index, "r3", 0)).toBeUndefined();
    // linkEntities reads the same index: block 1 of r1 names nobody, so nothing is linked there.
    expect(linkEntities("Kerry spoke.", "r1", 1, index)).toBe("Kerry spoke.");
    expect(linkEntities("Kerry spoke.", "r2", 0, index)).toBe('<a class="entity-link" href="/entities/kerry/">Kerry</a> spoke.');
  });
});
