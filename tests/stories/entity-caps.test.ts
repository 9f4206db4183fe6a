/**
 * Entity pages of a big archive (src/stories/story-view.ts): the report list paginated newest first,
 * quotes and mentions capped one report at a time, the most-told timeline events with a few sources
 * each, and the entity index capped per kind. Expected values are worked out by hand.
 */
import { describe, expect, it } from "vitest";
import type { Entity, EntityMention, EntityQuote } from "../../src/entities/types.ts";
import type { TimelineEvent } from "../../src/timeline/types.ts";
import {
  archiveLookups,
  capList,
  entityEventsView,
  entityMentions,
  entityPages,
  entityQuotes,
  topEntitiesOfKind,
} from "../../src/stories/story-view.ts";
import { record } from "../timeline/records.ts";

// Archive order is newest first: r0 is the newest. Outlets: r0, r1 Alpha; r2 Beta; r3, r4 Gamma.
const records = [
  record("r0", "Alpha", "2013-09-20", ["x", "y"]),
  record("r1", "Alpha", "2013-09-19", ["x"]),
  record("r2", "Beta", "2013-09-18", ["x"]),
  record("r3", "Gamma", "2013-09-17", ["x"]),
  record("r4", "Gamma", "2013-09-16", ["x"]),
];

function entity(id: string, kind: Entity["kind"], articleIds: string[], mentions: EntityMention[] = [], quotes: EntityQuote[] = []): Entity {
  return { id, name: id.toUpperCase(), kind, articleIds, mentions, quotes };
}

const m = (articleId: string, blockIndex = 0, text = "Kerry"): EntityMention => ({ articleId, blockIndex, text });
const q = (articleId: string, text: string): EntityQuote => ({ articleId, blockIndex: 0, text, speaker: "Kerry" });
const s = (articleId: string, blockIndex = 0) => ({ articleId, blockIndex, quote: "q", expression: "Friday" });
const ev = (id: string, sources: TimelineEvent["sources"]): TimelineEvent => ({ id, date: "2013-09-13", precision: "day", text: id, sources });

describe("entityPages", () => {
  it("lists an entity's reports newest first, in pages, the first at the entity's own URL", () => {
    const lookups = archiveLookups({ records });
    // "zz" is not in the archive: it goes last rather than vanishing.
    const kerry = entity("kerry", "person", ["r3", "r0", "zz", "r4", "r1", "r2"]);
    const lavrov = entity("lavrov", "person", ["r2"]);
    const pages = entityPages(lookups, [kerry, lavrov], 2);
    // Pages count from the oldest: the two oldest on page 1, the newest two (of six) on the front page.
    expect(pages.map((p) => [p.entity.id, p.path, p.items])).toEqual([
      ["kerry", "/entities/kerry/", ["r0", "r1"]],
      ["kerry", "/entities/kerry/page/2/", ["r2", "r3"]],
      ["kerry", "/entities/kerry/page/1/", ["r4", "zz"]],
      ["lavrov", "/entities/lavrov/", ["r2"]],
    ]);
    expect(pages[1].rangeLabel).toBe("3–4");
    expect(pages[1].prev).toBe("/entities/kerry/");
    expect(pages[1].next).toBe("/entities/kerry/page/1/");
    expect(pages[3]).toMatchObject({ front: true, paged: false, total: 1 });
  });

  it("gives no pages when there are no entities", () => {
    expect(entityPages(archiveLookups({ records }), undefined)).toEqual([]);
  });
});

describe("entityQuotes and entityMentions", () => {
  it("show each report's first before any report's second, up to the cap", () => {
    const kerry = entity("kerry", "person", ["r0", "r1", "r2"], [], [q("r0", "one"), q("r0", "two"), q("r1", "three"), q("r2", "four")]);
    const quotes = entityQuotes(kerry, 3);
    expect(quotes.items.map((x) => x.text)).toEqual(["one", "three", "four"]);
    expect([quotes.total, quotes.more]).toEqual([4, 1]);
    expect(entityQuotes(kerry, 10).items.map((x) => x.text)).toEqual(["one", "three", "four", "two"]);
  });

  it("caps mentions the same way", () => {
    const kerry = entity("kerry", "person", ["r0", "r1"], [m("r0", 0, "Kerry"), m("r0", 1, "Mr Kerry"), m("r1", 0, "John Kerry")]);
    const mentions = entityMentions(kerry, 2);
    expect(mentions.items.map((x) => x.text)).toEqual(["Kerry", "John Kerry"]);
    expect(mentions.more).toBe(1);
  });
});

describe("entityEventsView", () => {
  // The entity is named in r0#0, r1#0, r2#0 and r4#0.
  const kerry = entity("kerry", "person", ["r0", "r1", "r2", "r4"], [m("r0"), m("r1"), m("r2"), m("r4")]);
  // Timeline order e1, e2, e3, e4. Distinct reports: e1 4, e2 2, e3 1 (not naming it: left out), e4 2.
  const e1 = ev("e1", [s("r0", 1), s("r1"), s("r2"), s("r3")]);
  const e2 = ev("e2", [s("r0"), s("r2")]);
  const e3 = ev("e3", [s("r3")]);
  const e4 = ev("e4", [s("r4"), s("r1")]);
  const lookups = archiveLookups({ records, timeline: { events: [e1, e2, e3, e4] } });

  it("keeps the events most reports tell of (ties: the later), in timeline order", () => {
    const view = entityEventsView(lookups, kerry, 2, 3);
    expect(view.items.map((v) => v.event.id)).toEqual(["e1", "e4"]);
    expect([view.total, view.more]).toEqual([3, 1]);
  });

  it("shows a few sources per event: those naming the entity first, one per outlet first", () => {
    const [first] = entityEventsView(lookups, kerry, 2, 3).items;
    // Naming it: r1#0 (Alpha), r2#0 (Beta); then a new outlet, r3 (Gamma), before r0#1 (Alpha again).
    expect(first.sources.map((x) => `${x.articleId}#${x.blockIndex}`)).toEqual(["r1#0", "r2#0", "r3#0"]);
    expect(first.moreSources).toBe(1);
  });

  it("lists an event once when it cites a paragraph naming the entity twice", () => {
    const twice = ev("twice", [s("r4"), s("r3"), s("r4")]);
    const view = entityEventsView(archiveLookups({ records, timeline: { events: [twice] } }), kerry);
    expect(view.items.map((v) => v.event.id)).toEqual(["twice"]);
    expect(view.total).toBe(1);
    // Both citations of r4#0 name the entity; the outlet is new only for the first.
    expect(view.items[0].sources.map((x) => `${x.articleId}#${x.blockIndex}`)).toEqual(["r4#0", "r4#0", "r3#0"]);
  });

  it("shows everything when within the caps", () => {
    const view = entityEventsView(lookups, kerry);
    expect(view.items.map((v) => v.event.id)).toEqual(["e1", "e2", "e4"]);
    expect(view.more).toBe(0);
    expect(view.items[1].sources).toHaveLength(2);
    expect(view.items[1].moreSources).toBe(0);
  });
});

describe("topEntitiesOfKind", () => {
  it("lists the most reported of one kind and counts the rest", () => {
    const entities = [
      entity("a", "person", ["r0"]),
      entity("b", "person", ["r0", "r1", "r2"]),
      entity("c", "place", ["r0", "r1", "r2", "r3"]),
      entity("d", "person", ["r0", "r1"]),
    ];
    const top = topEntitiesOfKind(entities, "person", 2);
    expect(top.items.map((e) => e.id)).toEqual(["b", "d"]);
    expect([top.total, top.more]).toEqual([3, 1]);
    expect(topEntitiesOfKind(entities, "organisation", 2)).toEqual({ items: [], total: 0, more: 0 });
  });

  it("capList never shows fewer than it can", () => {
    expect(capList([1, 2, 3], 5)).toEqual({ items: [1, 2, 3], total: 3, more: 0 });
    expect(capList([1, 2, 3], 0)).toEqual({ items: [], total: 3, more: 3 });
  });
});
