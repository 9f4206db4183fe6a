/**
 * linkEntities finds names without building a regex per block; it must link exactly what a
 * whole-word, longest-first alternation of the forms would (the behaviour it replaced).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, linkEntities, type EntityLinkIndex } from "../../src/entities/link-entities.ts";

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

const indexOf = (forms: Array<[string, string]>): EntityLinkIndex => ({ byBlock: new Map([["a#0", forms]]) });

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
