/**
 * An event cited by many reports shows a few of their quotes (src/site/timeline-page.ts): one per
 * outlet first, earliest report first, then the rest counted by outlet and linked through their story
 * when they share one. Expected values are worked out by hand from the records below.
 */
import { describe, expect, it } from "vitest";
import type { Story } from "../../src/stories/types.ts";
import type { TimelineEvent } from "../../src/timeline/types.ts";
import { buildTimelineModel, chooseSources, MAX_QUOTES_PER_EVENT } from "../../src/site/timeline-page.ts";
import { partLabel, splitIntoParts } from "../../src/site/timeline-parts.ts";
import { record } from "./records.ts";

// Published: b2 9 Sep, a1 10 Sep, a2 11 Sep, a3 12 Sep, b1 14 Sep, d1 20 Sep, c1 undated.
const records = [
  record("a1", "Alpha", "2013-09-10", ["x", "y"]),
  record("a2", "Alpha", "2013-09-11", ["x"]),
  record("a3", "Alpha", "2013-09-12", ["x"]),
  record("b1", "Beta", "2013-09-14", ["x"]),
  record("b2", "Beta", "2013-09-09", ["x"]),
  record("c1", "Gamma", null, ["x"]),
  record("d1", "Delta", "2013-09-20", ["x"]),
];

const src = (articleId: string, blockIndex = 0) => ({ articleId, blockIndex, quote: `Said in ${articleId}#${blockIndex}`, expression: "Friday" });

function event(id: string, sources: TimelineEvent["sources"]): TimelineEvent {
  return { id, date: "2013-09-13", precision: "day", text: `Event ${id}`, sources };
}

// a1 cites it twice (two sentences of one report).
const busy = event("busy", [src("a1"), src("a1", 1), src("a2"), src("a3"), src("b1"), src("b2"), src("c1"), src("d1")]);
const quiet = event("quiet", [src("a1"), src("b1"), src("d1")]);

function story(id: string, articleIds: string[]): Story {
  return { id, title: `Story ${id}`, start: null, end: null, articleIds, comparison: { allSay: [], onlyOne: [], discrepancies: [], sharedQuotes: [] } };
}

function viewOf(id: string, stories: Story[] = []) {
  const model = buildTimelineModel({ records, timeline: { events: [busy, quiet] }, stories });
  return model.pages[0].months[0].days[0].events.find((e) => e.id === id)!;
}

describe("chooseSources", () => {
  const rows = [
    { articleId: "a1", blockIndex: 0, outletId: "alpha", published: "2013-09-10" },
    { articleId: "a1", blockIndex: 1, outletId: "alpha", published: "2013-09-10" },
    { articleId: "a2", blockIndex: 0, outletId: "alpha", published: "2013-09-11" },
    { articleId: "b1", blockIndex: 0, outletId: "beta", published: "2013-09-14" },
    { articleId: "c1", blockIndex: 0, outletId: "gamma", published: "" },
  ];

  it("takes one source per outlet first, earliest first, undated last", () => {
    expect(chooseSources(rows, 3)).toEqual([0, 3, 4]);
  });

  it("then a report not yet shown before a second sentence of a shown one", () => {
    expect(chooseSources(rows, 4)).toEqual([0, 3, 4, 2]);
    expect(chooseSources(rows, 5)).toEqual([0, 3, 4, 2, 1]);
  });

  it("never returns more than it has", () => {
    expect(chooseSources(rows, 10)).toHaveLength(5);
    expect(chooseSources([], 3)).toEqual([]);
  });
});

describe("an event with more sources than the cap", () => {
  it("shows at most five quotes", () => {
    expect(MAX_QUOTES_PER_EVENT).toBe(5);
    const view = viewOf("busy");
    expect(view.sourceCount).toBe(8);
    // Chosen: b2 (Beta, 9 Sep), a1#0 (Alpha, 10 Sep), d1 (Delta), c1 (Gamma, undated), then a2 (a new report).
    // Shown in outlet name order, as an uncapped event's are.
    expect(view.sources.map((s) => `${s.articleId}#${s.blockIndex}`)).toEqual(["a1#0", "a2#0", "b2#0", "d1#0", "c1#0"]);
  });

  it("counts what is left out by outlet, and the reports no shown quote comes from", () => {
    const more = viewOf("busy").more!;
    // Left out: a1#1, a3, b1. a1 already has a quote shown, so two other reports.
    expect(more.sources).toBe(3);
    expect(more.reports).toBe(2);
    expect(more.outlets).toEqual([
      { name: "Alpha", count: 2 },
      { name: "Beta", count: 1 },
    ]);
    expect(more.story).toBeNull();
  });

  it("still names every outlet, each linking to its first report", () => {
    expect(viewOf("busy").outlets.map((o) => [o.name, o.href])).toEqual([
      ["Alpha", "/articles/a1/#b0"],
      ["Beta", "/articles/b1/#b0"],
      ["Delta", "/articles/d1/#b0"],
      ["Gamma", "/articles/c1/#b0"],
    ]);
  });

  it("links the story that holds every one of its reports, and no story that holds only some", () => {
    const all = story("s1", ["a1", "a2", "a3", "b1", "b2", "c1", "d1"]);
    expect(viewOf("busy", [all]).more!.story).toEqual({ href: "/stories/s1/", title: "Story s1" });
    const some = story("s2", ["a1", "a2", "a3", "b1", "b2", "c1"]);
    expect(viewOf("busy", [some]).more!.story).toBeNull();
  });
});

describe("an event within the cap", () => {
  it("shows every source and nothing left out", () => {
    const view = viewOf("quiet");
    expect(view.sourceCount).toBe(3);
    expect(view.sources.map((s) => s.articleId)).toEqual(["a1", "b1", "d1"]);
    expect(view.more).toBeNull();
  });

  it("a lower cap applies to it too", () => {
    const model = buildTimelineModel({ records, timeline: { events: [quiet] } }, 100, 2);
    const view = model.pages[0].months[0].days[0].events[0];
    // Alpha 10 Sep and Beta 14 Sep are the earliest of three outlets.
    expect(view.sources.map((s) => s.articleId)).toEqual(["a1", "b1"]);
    expect(view.more).toEqual({ sources: 1, reports: 1, outlets: [{ name: "Delta", count: 1 }], story: null });
  });
});

describe("a page's quote budget", () => {
  const on = (id: string, date: string, n: number): TimelineEvent => ({
    id,
    date,
    precision: "day",
    text: id,
    sources: Array.from({ length: n }, (_, i) => src(`r${i}`)),
  });
  const weigh = (e: TimelineEvent) => Math.min(e.sources.length, 5);

  it("cuts a day whose events are few but heavily cited into numbered pages", () => {
    // One day, weights 5, 5, 1, 5, 5 with a budget of 10: [5, 5], [1, 5] (one more would make 11), [5].
    const events = ["a", "b", "c", "d", "e"].map((id, i) => on(id, "2013-09-01", [40, 5, 1, 9, 7][i]));
    const parts = splitIntoParts(events, 100, { max: 10, weigh });
    expect(parts.map((p) => [p.key, partLabel(p), p.events.map((e) => e.id).join(",")])).toEqual([
      ["2013/09/01/", "Sunday 1 September 2013, part 1 of 3", "a,b"],
      ["2013/09/01/page/2/", "Sunday 1 September 2013, part 2 of 3", "c,d"],
      ["2013/09/01/page/3/", "Sunday 1 September 2013, part 3 of 3", "e"],
    ]);
  });

  it("keeps a light timeline on one page, and an event over budget alone on its page", () => {
    const light = [on("a", "2013-09-01", 2), on("b", "2013-09-02", 3)];
    expect(splitIntoParts(light, 100, { max: 10, weigh }).map((p) => p.key)).toEqual([""]);
    const heavy = [on("a", "2013-09-01", 5), on("b", "2013-09-02", 5)];
    expect(splitIntoParts(heavy, 100, { max: 3, weigh }).map((p) => p.events.map((e) => e.id))).toEqual([["a"], ["b"]]);
  });

  it("is applied by the model with the per-event cap as each event's weight", () => {
    // busy weighs 5 (capped), quiet 3: over a budget of 6, so their day, 13 September, takes two pages.
    const model = buildTimelineModel({ records, timeline: { events: [busy, quiet] } }, 100, 5, 6);
    const unfiltered = model.pages.filter((p) => !p.source && !p.isIndex).map((p) => [p.url, p.count]);
    expect(unfiltered).toEqual([
      ["/timeline/2013/09/13/", 1],
      ["/timeline/2013/09/13/page/2/", 1],
    ]);
  });
});
