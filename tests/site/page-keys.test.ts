/**
 * Page keys decide which pages a rebuild renders again: a key must change when what its page prints
 * changes, and should not when it does not (an unneeded change re-renders the page for nothing: at
 * 10,000 reports, most of an entity's list pages on every added report).
 *
 * The archive: 130 records gen-0 (newest) .. gen-129, each naming Geneva in its first paragraph, so
 * Geneva's report list has three pages of 50, counted from the oldest (paginate.ts): page 1 holds
 * gen-129..gen-80, page 2 gen-79..gen-30, the front page the newest 30. The front page alone prints
 * its quotes, timeline events, mentions and how many reports name Geneva.
 */
import { describe, expect, it } from "vitest";
import type { Archive } from "../../src/archive/types.ts";
import type { Entity } from "../../src/entities/types.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { buildPublishIndex } from "../../src/export/archive-index.ts";
import { pageKeys, recordKeys } from "../../src/site/page-keys.ts";
import { entityFirstPageOf } from "../../src/site/stories-plugin.ts";
import type { Story } from "../../src/stories/types.ts";
import type { TimelineEvent } from "../../src/timeline/types.ts";
import { agencyWire } from "./fixtures.ts";

const N = 130;
const PAGES = ["/entities/geneva/", "/entities/geneva/page/2/", "/entities/geneva/page/1/"];

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

function story(id: string, articleIds: string[]): Story {
  return { id, title: `Story ${id}`, start: null, end: null, articleIds, comparison: { allSay: [], onlyOne: [], discrepancies: [], sharedQuotes: [] } };
}

let builds = 0;
/** An archive of `records`, Geneva, `events` and `stories`; a fresh build time each, as each build has. */
function archiveOf(records: ArticleRecord[], entity: Entity, events: TimelineEvent[] = [], stories: Story[] = []): Archive {
  return {
    records,
    sources: [...new Map(records.map((r) => [r.source.id, { id: r.source.id, name: r.source.name, count: records.filter((x) => x.source.id === r.source.id).length }])).values()],
    timeline: { events },
    stories,
    entities: [entity],
    diagnostics: [],
    generatedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, ++builds)).toISOString(),
  };
}

/** The page keys of `archiveOf(...)`. */
function keysOf(...args: Parameters<typeof archiveOf>): Map<string, string> {
  const archive = archiveOf(...args);
  return pageKeys(archive, buildPublishIndex(archive, "Wire Archive"));
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

  it("a new timeline event or quotation changes the front page only (the others do not print them)", () => {
    expect(changed(keysOf(records, geneva(ids), [event("gen-7", "2013-09-26")]))).toEqual([PAGES[0]]);
    expect(changed(keysOf(records, geneva(ids, [{ articleId: "gen-3", blockIndex: 0, text: "We will meet again", speaker: "an envoy" }])))).toEqual([PAGES[0]]);
  });

  it("one more report naming it, newer than the rest, changes the front page only", () => {
    const more = [record(-1), ...records];
    expect(changed(keysOf(more, geneva(more.map((r) => r.id))))).toEqual([PAGES[0]]);
  });

  it("one older than the rest moves a report onto each newer page: every page changes", () => {
    const more = [...records, record(N)];
    expect(changed(keysOf(more, geneva(more.map((r) => r.id))))).toEqual(PAGES);
  });

  it("a listed report's corrected headline changes only the page listing it", () => {
    // gen-75 is on page 2. The front page's mentions are of the newest 50 reports.
    const corrected = records.map((r, i) => (i === 75 ? record(i, "Talks resume in Geneva after a delay") : r));
    expect(changed(keysOf(corrected, geneva(ids)))).toEqual([PAGES[1]]);
  });
});

describe("an entity's front page views (quotes, events, mentions)", () => {
  it("are worked out once per build and found by id, so the page prints what its key was made from", () => {
    const quote = { articleId: "gen-3", blockIndex: 0, text: "We will meet again", speaker: "an envoy" };
    const entity = geneva(ids, [quote]);
    const archive = archiveOf(records, entity, [event("gen-7", "2013-09-26")]);
    const first = entityFirstPageOf(archive, entity);
    expect(first.quotes.items).toEqual([quote]);
    expect(first.events.items.map((v) => v.event.id)).toEqual(["2013-09-26-envoys-met"]);
    expect([first.mentions.items.length, first.mentions.more]).toEqual([50, N - 50]);
    // A template may hold a proxy of the entity: the same views, not a second computation.
    expect(entityFirstPageOf(archive, { ...entity })).toBe(first);
    // Another build's archive gets its own.
    expect(entityFirstPageOf(archiveOf(records, entity), entity)).not.toBe(first);
  });
});

describe("story, source and month page keys", () => {
  const stories = [story("gen-0", ["gen-0", "gen-1"]), story("gen-50", ["gen-50", "gen-51"])];
  const withStories = keysOf(records, geneva(ids), [], stories);
  const changedOf = (keys: Map<string, string>, pages: string[]) => pages.filter((p) => keys.get(p) !== withStories.get(p));
  const lists = [
    ...["/sources/afp/", "/sources/afp/page/2/", "/sources/afp/page/1/", "/archive/2013/09/", "/archive/2013/09/page/2/", "/archive/2013/09/page/1/"],
    ...["/", "/page/2/", "/page/1/", "/stories/"],
  ];

  it("every story and every page of the home list, a source's or month's list and the stories index has a key", () => {
    for (const p of ["/stories/gen-0/", "/stories/gen-50/", ...lists]) expect(withStories.has(p), p).toBe(true);
  });

  it("a report newer than the rest changes the front page of the lists it joins, no numbered page", () => {
    const keys = keysOf([record(-1), ...records], geneva(ids), [], stories);
    expect(changedOf(keys, ["/stories/gen-0/", "/stories/gen-50/", ...lists])).toEqual(["/sources/afp/", "/archive/2013/09/", "/"]);
  });

  it("a report of another outlet and month changes none of this outlet's or month's pages, and no story", () => {
    // (It is older than all, so the home list's pages do change: left out here.)
    const other: ArticleRecord = {
      ...record(500),
      id: "elsewhere",
      source: { id: "al-jazeera", name: "Al Jazeera", origin: "stated", line: 1 },
      published: { date: "2013-08-02", origin: "stated", evidence: "dated", line: 1 },
    };
    const keys = keysOf([...records, other], geneva(ids), [], stories);
    expect(changedOf(keys, ["/stories/gen-0/", "/stories/gen-50/", ...lists.slice(0, 6)])).toEqual([]);
    expect(keys.has("/sources/al-jazeera/")).toBe(true);
    expect(keys.has("/archive/2013/08/")).toBe(true);
  });

  it("a corrected headline changes its story's page and the list pages showing it, no others", () => {
    // gen-51: the second story; page 2 of the home, the outlet's and the month's lists (gen-79..gen-30).
    const corrected = records.map((r, i) => (i === 51 ? record(i, "Talks in Geneva run late") : r));
    const keys = keysOf(corrected, geneva(ids), [], stories);
    expect(changedOf(keys, ["/stories/gen-0/", "/stories/gen-50/", ...lists])).toEqual([
      "/stories/gen-50/",
      "/sources/afp/page/2/",
      "/archive/2013/09/page/2/",
      "/page/2/",
      "/stories/",
    ]);
  });
});

describe("timeline page keys", () => {
  // Two outlets: AFP's gen-0 and gen-1, and one Al Jazeera report; one event each, on three days.
  const aj: ArticleRecord = { ...record(1), id: "aj-1", source: { id: "al-jazeera", name: "Al Jazeera", origin: "stated", line: 1 } };
  const two = [records[0], records[1], aj];
  const events = [event("gen-0", "2013-09-12"), event("gen-1", "2013-09-13"), event("aj-1", "2013-09-14")];
  const PAGES = ["/timeline/", "/timeline/source/afp/", "/timeline/source/al-jazeera/"];
  const before = keysOf(two, geneva(["gen-0"]), events);
  const changedOf = (keys: Map<string, string>) => PAGES.filter((p) => keys.get(p) !== before.get(p));

  it("the unfiltered timeline and each outlet's have a key, the same for the same inputs", () => {
    for (const p of PAGES) expect(before.has(p), p).toBe(true);
    expect(changedOf(keysOf(two, geneva(["gen-0"]), events))).toEqual([]);
  });

  it("an event told anew changes the pages that print it: the unfiltered timeline and its outlet's", () => {
    const retold = events.map((e, i) => (i === 2 ? { ...e, text: "Envoys met in Geneva again." } : e));
    expect(changedOf(keysOf(two, geneva(["gen-0"]), retold))).toEqual(["/timeline/", "/timeline/source/al-jazeera/"]);
  });

  it("a source report's corrected headline changes the pages printing its event, and only those", () => {
    // aj-1 is the source of the event of the 14th: the unfiltered timeline and Al Jazeera's print its headline.
    const corrected = two.map((r) => (r.id === "aj-1" ? { ...r, headline: "Envoys meet in Geneva, a correction" } : r));
    expect(changedOf(keysOf(corrected, geneva(["gen-0"]), events))).toEqual(["/timeline/", "/timeline/source/al-jazeera/"]);
  });

  it("past five sources, a new title of the story they share changes the event's pages", () => {
    // One event told by six AFP reports: the page shows five quotes and links the rest through their story.
    const six = records.slice(0, 6);
    const quote = "Envoys met in Geneva on 2013-09-12.";
    const told: TimelineEvent = { id: "2013-09-12-envoys-met", date: "2013-09-12", precision: "day", text: quote, sources: six.map((r) => ({ articleId: r.id, blockIndex: 0, quote, expression: "Thursday" })) };
    const ids = six.map((r) => r.id);
    const keys = (title: string) => keysOf(six, geneva(["gen-0"]), [told], [{ ...story("gen-0", ids), title }]);
    expect(keys("Geneva talks").get("/timeline/")).toBe(keys("Geneva talks").get("/timeline/"));
    expect(keys("Geneva talks, day two").get("/timeline/")).not.toBe(keys("Geneva talks").get("/timeline/"));
  });

  it("an event moved to another day changes its pages even with the same words", () => {
    // The AFP event of the 13th moved onto the 12th: its dating and its day heading change.
    const moved = events.map((e, i) => (i === 1 ? { ...e, date: "2013-09-12" } : e));
    expect(changedOf(keysOf(two, geneva(["gen-0"]), moved))).toEqual(["/timeline/", "/timeline/source/afp/"]);
  });
});

describe("record keys worked out before the render (the build does it while the timeline merges)", () => {
  const archive = archiveOf(records, geneva(ids), [event("gen-7", "2013-09-26")]);
  const publish = buildPublishIndex(archive, "Wire Archive");
  const alone = pageKeys(archive, publish);

  it("give every page the key it has when the render works them out itself", () => {
    expect(pageKeys(archive, publish, recordKeys(records))).toEqual(alone);
  });

  it("are not used when they miss a record (keys of other records): the render works them out", () => {
    const others = recordKeys([record(0, "Another headline"), ...records.slice(1, -1)]);
    expect(pageKeys(archive, publish, others)).toEqual(alone);
    // Had the map been used, the page of gen-0 would have another key.
    expect(pageKeys(archive, publish, new Map([...others, [records.at(-1)!.id, "stale"]])).get("/articles/gen-0/")).not.toBe(alone.get("/articles/gen-0/"));
  });
});
