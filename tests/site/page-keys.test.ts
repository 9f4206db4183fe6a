/**
 * Page keys decide which pages a rebuild renders again: a key must change when what its page prints
 * changes, and should not when it does not (an unneeded change re-renders the page for nothing: at
 * 10,000 reports, most of an entity's list pages on every added report).
 *
 * The archive: 120 records gen-0 (newest) .. gen-119, each naming Geneva in its first paragraph, so
 * Geneva's report list has three pages (50 + 50 + 20). Page 1 alone prints its quotes, timeline events
 * and mentions.
 */
import { describe, expect, it } from "vitest";
import type { Archive } from "../../src/archive/types.ts";
import type { Entity } from "../../src/entities/types.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { pageKeys } from "../../src/site/page-keys.ts";
import type { TimelineEvent } from "../../src/timeline/types.ts";
import { agencyWire } from "./fixtures.ts";

const N = 120;
const PAGES = ["/entities/geneva/", "/entities/geneva/page/2/", "/entities/geneva/page/3/"];

function record(i: number, headline = `Talks resume in Geneva, report ${i}`): ArticleRecord {
  return {
    ...agencyWire,
    id: `gen-${i}`,
    sourceFile: `reports/gen-${i}.txt`,
    checksum: i.toString(16).padStart(64, "0"),
    headline,
    published: { date: `2013-09-${String(28 - Math.floor(i / 5)).padStart(2, "0")}`, origin: "stated", evidence: "dated", line: 1 },
    body: [{ type: "paragraph", text: `Envoys met in Geneva on day ${i}.`, line: 1 }],
  };
}

function geneva(ids: string[], quotes: Entity["quotes"] = []): Entity {
  return {
    id: "geneva",
    name: "Geneva",
    kind: "place",
    articleIds: ids,
    mentions: ids.map((articleId) => ({ articleId, blockIndex: 0, text: "Geneva" })),
    quotes,
  };
}

function event(articleId: string, date: string): TimelineEvent {
  const quote = `Envoys met in Geneva on ${date}.`;
  return { id: `${date}-envoys-met`, date, precision: "day", text: quote, sources: [{ articleId, blockIndex: 0, quote, expression: date }] };
}

let builds = 0;
/** Keys of an archive of `records`, Geneva and `events`; a fresh build time each, as each build has. */
function keysOf(records: ArticleRecord[], entity: Entity, events: TimelineEvent[] = []): Map<string, string> {
  const archive: Archive = {
    records,
    sources: [{ id: "afp", name: "AFP", count: records.length }],
    timeline: { events },
    entities: [entity],
    diagnostics: [],
    generatedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, ++builds)).toISOString(),
  };
  return pageKeys(archive);
}

const records = Array.from({ length: N }, (_, i) => record(i));
const ids = records.map((r) => r.id);
const base = keysOf(records, geneva(ids));
const changed = (keys: Map<string, string>) => PAGES.filter((p) => keys.get(p) !== base.get(p));

describe("entity page keys", () => {
  it("the list has three pages and the same inputs give the same keys", () => {
    for (const p of PAGES) expect(base.has(p)).toBe(true);
    expect(changed(keysOf(records, geneva(ids)))).toEqual([]);
  });

  it("a new timeline event or quotation changes page 1 only (the others do not print them)", () => {
    expect(changed(keysOf(records, geneva(ids), [event("gen-7", "2013-09-26")]))).toEqual([PAGES[0]]);
    expect(changed(keysOf(records, geneva(ids, [{ articleId: "gen-3", blockIndex: 0, text: "We will meet again", speaker: "an envoy" }])))).toEqual([PAGES[0]]);
  });

  it("one more report naming it changes every page (each prints how many reports name it)", () => {
    const more = [record(-1), ...records];
    expect(changed(keysOf(more, geneva(more.map((r) => r.id))))).toEqual(PAGES);
  });

  it("a listed report's corrected headline changes only the page listing it", () => {
    // gen-75 is the 76th newest: page 2. Page 1's mentions are of the first 50 reports.
    const corrected = records.map((r, i) => (i === 75 ? record(i, "Talks resume in Geneva after a delay") : r));
    expect(changed(keysOf(corrected, geneva(ids)))).toEqual([PAGES[1]]);
  });
});
