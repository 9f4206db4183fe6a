/**
 * "Nothing is lost", as a property: for any page-dump-like input, every word of every non-blank line
 * ends up in some field of the record or in `removed`, and the record passes its schema.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import { ingestBytes } from "../../src/ingest/read-report.ts";
import { parseReport } from "../../src/parse/parse-document.ts";
import { unaccountedLines } from "../../src/record/accounting.ts";

const word = fc.stringMatching(/^[A-Za-z][a-z]{0,9}$/);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(" "));
const sentence = words(4, 30).map((s) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`);

/** Lines of the kinds real dumps carry, glued and wrapped variants included. */
const line = fc.oneof(
  { weight: 6, arbitrary: sentence },
  { weight: 2, arbitrary: fc.array(sentence, { minLength: 2, maxLength: 3 }).map((s) => s.join("")) }, // glued sentences
  { weight: 2, arbitrary: words(1, 6) }, // headings, menu items
  { weight: 2, arbitrary: words(8, 14) }, // a hard-wrapped fragment
  fc.constantFrom("Email Article", "Share", "Print", "Send Feedback", "Featured on Some Site", "Most read", "Related stories", "Comments", "© 2013 Some Outlet"),
  fc.constantFrom("SOURCE: Nowhere Herald", "[Image via Example Press]", "Last Modified: 14 Sep 2013 07:13", "Published 3 hours ago", "By Jane Doe"),
  fc.tuple(sentence, fc.constantFrom("Reuters", "AP", "Getty Images")).map(([s, c]) => `${s.replace(/\.$/, "")} [${c}]`),
  fc.tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom("Sep", "March", "Jan"), sentence).map(([d, m, s]) => `${d} ${m}: ${s}`),
  fc.tuple(fc.integer({ min: 1, max: 28 }), sentence, fc.integer({ min: 1, max: 28 }), sentence).map(
    ([a, s, b, t]) => `${a} Sep: ${s.replace(/\.$/, "")}${b} Sep: ${t}`, // glued timeline entries
  ),
  fc.tuple(fc.constantFrom("'", '"'), words(1, 4), sentence).map(([q, h, s]) => `${q}${h}${q} ${s}`), // glued subheading
  fc.constantFrom("", "", "", "   ", "---", "#", "...", "—", "12", "2013"),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);

describe("nothing is lost", () => {
  it("accounts for every word of every line of generated dumps", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (lines) => {
        const text = lines.join("\n");
        const doc = ingestBytes(Buffer.from(text, "utf8"), "seeds/generated.txt");
        const { record } = parseReport(doc);
        expect(unaccountedLines(record, doc.lines)).toEqual([]);
        expect(record.diagnostics.filter((d) => d.rule === "line-unaccounted")).toEqual([]);
        for (const r of record.removed) expect(r.reason).not.toBe("");
        // The archive stage validates the record against the schema and must not throw.
        if (!doc.fatal) expect(() => buildArchive([record])).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
