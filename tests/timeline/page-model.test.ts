/**
 * The timeline page model (src/site/timeline-page.ts, timeline-parts.ts, timeline-dates.ts) on
 * hand-built events: date labels at each precision, splitting a long timeline by year/month/day,
 * per-source scopes, where each event lives, and the marks cut into article text. Expected values are
 * written by hand.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TimelineEvent } from "../../src/timeline/types.ts";
import { monthKeyLabel, monthKeyShort, spanLabel } from "../../src/site/timeline-dates.ts";
import { buildTimelineModel, segmentText, type TimelineRef } from "../../src/site/timeline-page.ts";
import { partLabel, splitIntoParts } from "../../src/site/timeline-parts.ts";
import { record } from "./records.ts";

function ev(id: string, date: string, precision: TimelineEvent["precision"], articleIds: string[], end?: string): TimelineEvent {
  return {
    id,
    date,
    ...(end ? { end } : {}),
    precision,
    text: `Event ${id}`,
    sources: articleIds.map((articleId, i) => ({ articleId, blockIndex: i, quote: `Event ${id}`, expression: date })),
  };
}

describe("spanLabel", () => {
  it("prints each precision without inventing detail", () => {
    expect(spanLabel({ date: "2013-09-13", precision: "day" }, { weekday: true })).toBe("Friday 13 September 2013");
    expect(spanLabel({ date: "2013-09-13", precision: "day" }, { short: true })).toBe("13 Sep 2013");
    expect(spanLabel({ date: "2013-09-05", end: "2013-09-06", precision: "day" })).toBe("5–6 September 2013");
    expect(spanLabel({ date: "2013-09-30", end: "2013-10-02", precision: "day" })).toBe("30 September – 2 October 2013");
    expect(spanLabel({ date: "2012-12-31", end: "2013-01-02", precision: "day" }, { short: true })).toBe("31 Dec 2012 – 2 Jan 2013");
    expect(spanLabel({ date: "2013-09-16", end: "2013-09-22", precision: "week" })).toBe("Week of 16–22 September 2013");
    expect(spanLabel({ date: "2013-09-30", end: "2013-10-06", precision: "week" }, { short: true })).toBe("week of 30 Sep – 6 Oct 2013");
    expect(spanLabel({ date: "2013-09", precision: "month" })).toBe("September 2013");
    expect(spanLabel({ date: "2013-03", end: "2013-05", precision: "month" })).toBe("March–May 2013");
    expect(spanLabel({ date: "2011", precision: "year" })).toBe("2011");
    expect(spanLabel({ date: "2013-09-13", precision: "day" }, { weekday: true, noYear: true })).toBe("Friday 13 September");
  });

  it("prints an unreadable date as given rather than hiding it", () => {
    expect(spanLabel({ date: "2013-13-40", precision: "day" })).toBe("2013-13-40");
  });
});

describe("month group labels", () => {
  it("names a month in full for headings and short for the index, each asked for many times", () => {
    for (let round = 0; round < 2; round++) {
      // Interleaved: a remembered heading must not answer for the index's short name, nor the reverse.
      expect(monthKeyLabel("2013-09")).toBe("September 2013");
      expect(monthKeyShort("2013-09")).toBe("Sep");
      expect(monthKeyShort("2012-12")).toBe("Dec");
      expect(monthKeyLabel("2012-12")).toBe("December 2012");
    }
    expect(monthKeyLabel("2011")).toBe("2011");
    expect(monthKeyShort("2013-13")).toBe("2013-13");
  });
});

describe("splitIntoParts", () => {
  it("keeps a short timeline on one page", () => {
    const events = [ev("a", "2013-09-13", "day", ["x"]), ev("b", "2013-09-14", "day", ["x"])];
    expect(splitIntoParts(events, 5)).toEqual([{ key: "", span: null, piece: null, kind: "period", groupKey: "", indexKey: "", events }]);
  });

  it("splits a long one by the calendar: year, then month, then day; only a single date is cut by count", () => {
    const y2012 = [ev("p", "2012-05-01", "day", ["x"]), ev("q", "2012-06", "month", ["x"]), ev("r", "2012-07-01", "day", ["x"])];
    const yearOnly = ev("y", "2013", "year", ["x"]);
    const jan = [ev("j1", "2013-01-05", "day", ["x"]), ev("j2", "2013-01-06", "day", ["x"])];
    const busyDay = Array.from({ length: 7 }, (_, i) => ev(`s${i}`, "2013-09-10", "day", ["x"]));
    const sep = [ev("m", "2013-09", "month", ["x"]), ...busyDay, ev("s7", "2013-09-11", "day", ["x"]), ev("w", "2013-09-16", "week", ["x"], "2013-09-22")];
    const parts = splitIntoParts([...y2012, yearOnly, ...jan, ...sep], 5);
    expect(parts.map((p) => [p.key, partLabel(p), p.events.map((e) => e.id).join(",")])).toEqual([
      ["2012/", "2012", "p,q,r"],
      // 2013 holds 13 events: its events dated only "2013" keep the year's page, each month gets one.
      ["2013/", "2013", "y"],
      ["2013/01/", "January 2013", "j1,j2"],
      // September holds 10: its month-only event keeps the month's page, each day gets one...
      ["2013/09/", "September 2013", "m"],
      // ...and a day over the limit continues on a numbered page.
      ["2013/09/10/", "Tuesday 10 September 2013, part 1 of 2", "s0,s1,s2,s3,s4"],
      ["2013/09/10/page/2/", "Tuesday 10 September 2013, part 2 of 2", "s5,s6"],
      ["2013/09/11/", "Wednesday 11 September 2013", "s7"],
      // A week is filed under the day it starts.
      ["2013/09/16/", "Monday 16 September 2013", "w"],
    ]);
  });

  it("keeps an event whose date is not a whole day on its month's page rather than making a bad day URL", () => {
    const days = Array.from({ length: 3 }, (_, i) => ev(`d${i}`, `2013-09-1${i}`, "day", ["x"]));
    const odd = ev("odd", "2013-09", "day", ["x"]);
    const parts = splitIntoParts([odd, ...days], 2);
    expect(parts.map((p) => [p.key, p.events.map((e) => e.id).join(",")])).toEqual([
      ["2013/09/", "odd"],
      ["2013/09/10/", "d0"],
      ["2013/09/11/", "d1"],
      ["2013/09/12/", "d2"],
    ]);
  });

  it("moves no event to another URL when one is added, except in its own date or a container crossing the limit", () => {
    const precisions = ["year", "month", "week", "day"] as const;
    const event = fc
      .record({ y: fc.integer({ min: 2012, max: 2013 }), m: fc.integer({ min: 1, max: 2 }), d: fc.integer({ min: 1, max: 4 }), p: fc.constantFrom(...precisions) })
      .map(({ y, m, d, p }) => {
        const month = `${y}-0${m}`;
        return { date: p === "year" ? String(y) : p === "month" ? month : `${month}-0${d}`, precision: p };
      });
    const groupOf = (e: { date: string; precision: string }) => (e.precision === "year" ? e.date : e.precision === "month" ? `${e.date}-m` : e.date.slice(0, 10));
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), event, fc.integer({ min: 2, max: 6 }), (dates, added, max) => {
        const events = dates.map((d, i) => ev(`e${i}`, d.date, d.precision, ["x"]));
        const extra = ev("new", added.date, added.precision, ["x"]);
        // The timeline's own order: a new event joins its date's group at the end (fewest sources, then text).
        const sorted = (list: TimelineEvent[]) => [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : precisions.indexOf(a.precision) - precisions.indexOf(b.precision)));
        const keyOf = (list: TimelineEvent[]) => new Map(splitIntoParts(sorted(list), max).flatMap((p) => p.events.map((e) => [e.id, p.key] as const)));
        const before = keyOf(events);
        const after = keyOf([...events, extra]);
        const [year, month] = [added.date.slice(0, 4), added.date.slice(5, 7)];
        for (const e of events) {
          const was = before.get(e.id)!;
          if (after.get(e.id) === was) continue;
          // Moved: only a page that held the new event's year or month whole (now over the limit), or the new event's own date group.
          const crossed = was === "" || (e.date.startsWith(year) && (was === `${year}/` || (month && was === `${year}/${month}/`)));
          expect(crossed || groupOf(e) === groupOf(added), `${e.id} ${e.date} moved from ${was} to ${after.get(e.id)}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("buildTimelineModel", () => {
  const records = [
    record("afp-1", "AFP", "2013-09-14", ["x"]),
    record("bbc-1", "BBC", "2013-09-13", ["x", "y"]),
  ];

  it("puts every event on the unfiltered page and each outlet's on its own page, with filter chips", () => {
    const events = [ev("e3", "2013-09", "month", ["bbc-1"]), ev("e1", "2013-09-13", "day", ["afp-1", "bbc-1"]), ev("e2", "2013-09-15", "day", ["afp-1"])];
    const model = buildTimelineModel({ records, timeline: { events } });
    const ids = (url: string) => model.pages.find((p) => p.url === url)!.months.flatMap((m) => m.days.flatMap((d) => d.events.map((e) => e.id)));
    expect(model.pages.map((p) => p.url)).toEqual(["/timeline/", "/timeline/source/afp/", "/timeline/source/bbc/"]);
    expect(ids("/timeline/")).toEqual(["e3", "e1", "e2"]);
    expect(ids("/timeline/source/afp/")).toEqual(["e1", "e2"]);
    expect(ids("/timeline/source/bbc/")).toEqual(["e3", "e1"]);
    const bbc = model.pages[2];
    expect(bbc.chips).toEqual([
      { href: "/timeline/", label: "All sources", count: 3, current: false },
      { href: "/timeline/source/afp/", label: "AFP", count: 2, current: false },
      { href: "/timeline/source/bbc/", label: "BBC", count: 2, current: true },
    ]);
    // An event keeps all its outlets on a filtered page: corroboration is the point.
    const e1 = bbc.months[0].days[1].events[0];
    expect(e1.outlets.map((o) => [o.name, o.href])).toEqual([
      ["AFP", "/articles/afp-1/#b0"],
      ["BBC", "/articles/bbc-1/#b1"],
    ]);
  });

  it("works a page's month and day groups out when they are first read, from its events, and keeps them", () => {
    const events = [ev("e1", "2013-09-13", "day", ["afp-1"]), ev("e2", "2013-10-01", "day", ["bbc-1"])];
    const [page] = buildTimelineModel({ records, timeline: { events } }).pages;
    // The view as a rebuild's page keys read it (a spread, JSON) holds the events, not their groups.
    expect(Object.keys(page)).not.toContain("months");
    expect(JSON.parse(JSON.stringify(page)).events.map((e: TimelineEvent) => e.id)).toEqual(["e1", "e2"]);
    expect(page.months.map((m) => [m.label, m.days.flatMap((d) => d.events.map((e) => e.id))])).toEqual([
      ["September 2013", ["e1"]],
      ["October 2013", ["e2"]],
    ]);
    expect(page.months).toBe(page.months);
  });

  it("groups by month then day, labelling each day group at its own precision", () => {
    const events = [
      ev("m", "2013-09", "month", ["afp-1"]),
      ev("r", "2013-09-05", "day", ["bbc-1"], "2013-09-06"),
      ev("f1", "2013-09-13", "day", ["afp-1"]),
      ev("f2", "2013-09-13", "day", ["bbc-1"]),
      ev("w", "2013-09-16", "week", ["afp-1"], "2013-09-22"),
    ];
    const [page] = buildTimelineModel({ records, timeline: { events } }).pages;
    expect(page.months.map((m) => [m.anchor, m.label])).toEqual([["m-2013-09", "September 2013"]]);
    expect(page.months[0].days.map((d) => [d.label, d.datetime, d.events.length])).toEqual([
      ["In September 2013", "2013-09", 1],
      ["5–6 September", "2013-09-05", 1],
      ["Friday 13 September", "2013-09-13", 2],
      ["Week of 16–22 September", "2013-09-16", 1],
    ]);
    expect(page.index).toEqual([
      { year: "2013", href: "/timeline/#m-2013-09", count: 5, months: [{ href: "/timeline/#m-2013-09", label: "Sep", long: "September 2013", count: 5, indexKey: "" }] },
    ]);
    // Not split: no month is "the current page".
    expect(page.indexKey).toBeNull();
  });

  it("on a split timeline, links each event from articles to the page that holds it", () => {
    const events = [ev("old", "2012-01-02", "day", ["bbc-1"]), ...Array.from({ length: 3 }, (_, i) => ev(`n${i}`, `2013-09-1${i}`, "day", ["afp-1"]))];
    const model = buildTimelineModel({ records, timeline: { events } }, 2);
    const all = model.pages.filter((p) => !p.source);
    expect(all.map((p) => [p.url, p.isIndex, p.count])).toEqual([
      ["/timeline/", true, 0],
      // 2013 is split by month and September by day, so /timeline/2013/ and /timeline/2013/09/ are
      // indexes rather than 404s.
      ["/timeline/2013/", true, 0],
      ["/timeline/2013/09/", true, 0],
      ["/timeline/2012/", false, 1],
      ["/timeline/2013/09/10/", false, 1],
      ["/timeline/2013/09/11/", false, 1],
      ["/timeline/2013/09/12/", false, 1],
    ]);
    expect(model.eventHref.get("n2")).toBe("/timeline/2013/09/12/#n2");
    expect(model.refs.get("bbc-1")?.get(0)).toEqual([{ eventId: "old", href: "/timeline/2012/#old", label: "2 Jan 2012", quote: "Event old" }]);
    // The index page points at the first part; each part at its neighbours.
    expect(all[0].next?.href).toBe("/timeline/2012/");
    const day10 = all.find((p) => p.url === "/timeline/2013/09/10/")!;
    expect([day10.prev?.href, day10.next?.href]).toEqual(["/timeline/2012/", "/timeline/2013/09/11/"]);
    expect([all[1].title, all[1].year, all[1].next?.href]).toEqual(["Timeline, 2013", "2013", "/timeline/2013/09/10/"]);
    // The month's index lists its days with their counts; a day's page marks its own, without counts.
    expect([all[2].title, all[2].next?.href]).toEqual(["Timeline, September 2013", "/timeline/2013/09/10/"]);
    expect(all[2].days?.label).toBe("September 2013");
    expect(all[2].days?.links.map((d) => [d.href, d.label, d.long, d.count, d.current])).toEqual([
      ["/timeline/2013/09/10/", "10", "Tuesday 10 September 2013", 1, false],
      ["/timeline/2013/09/11/", "11", "Wednesday 11 September 2013", 1, false],
      ["/timeline/2013/09/12/", "12", "Thursday 12 September 2013", 1, false],
    ]);
    const day11 = all.find((p) => p.url === "/timeline/2013/09/11/")!;
    expect(day11.days?.links.map((d) => [d.label, d.count, d.current])).toEqual([["10", undefined, false], ["11", undefined, true], ["12", undefined, false]]);
    expect(all.find((p) => p.url === "/timeline/2012/")!.days).toBeNull();
    expect(all[0].index.map((y) => [y.year, y.href, y.count, y.months.map((m) => `${m.label}:${m.count}:${m.indexKey}`).join(" ")])).toEqual([
      ["2012", "/timeline/2012/#m-2012-01", 1, "Jan:1:2012/"],
      // September spans three pages: one entry, counting them all, linking to the month's own page.
      ["2013", "/timeline/2013/09/", 3, "Sep:3:2013/09/"],
    ]);
    // The index entry each page is under (marked current in the index): a day's is its month.
    expect(all.map((p) => p.indexKey)).toEqual([null, "2013/", "2013/09/", "2012/", "2013/09/", "2013/09/", "2013/09/"]);
  });

  it("keeps each part of a split timeline free of the whole timeline's figures, so a new event elsewhere leaves it as it was", () => {
    const base = [ev("a1", "2012-01-02", "day", ["bbc-1"]), ev("a2", "2012-01-03", "day", ["afp-1"]), ev("b1", "2013-09-10", "day", ["afp-1"]), ev("b2", "2013-09-11", "day", ["bbc-1"])];
    // At most 3 events a page: the unfiltered timeline is split by year, before and after (2013: 2, then 3).
    const before = buildTimelineModel({ records, timeline: { events: base } }, 3);
    const after = buildTimelineModel({ records, timeline: { events: [...base, ev("b3", "2013-09-12", "day", ["afp-1"])] } }, 3);
    const view = (model: typeof before, url: string) => JSON.stringify(model.pages.find((p) => p.url === url));
    // 2012's part prints nothing that counts 2013's events: the same view before and after.
    expect(view(after, "/timeline/2012/")).toBe(view(before, "/timeline/2012/"));
    // The index page states the figures and changes; so does the part the event joined.
    expect(view(after, "/timeline/")).not.toBe(view(before, "/timeline/"));
    expect(view(after, "/timeline/2013/")).not.toBe(view(before, "/timeline/2013/"));
    const part = after.pages.find((p) => p.url === "/timeline/2012/")!;
    expect([part.count, part.total]).toEqual([2, null]);
    expect(part.chips.map((c) => [c.label, c.count])).toEqual([["All sources", undefined], ["AFP", undefined], ["BBC", undefined]]);
    expect(part.index.map((y) => [y.year, y.count, y.months.map((m) => m.count)])).toEqual([["2012", undefined, [undefined]], ["2013", undefined, [undefined]]]);
    const index = after.pages.find((p) => p.url === "/timeline/")!;
    expect(index.total).toBe(5);
    expect(index.chips.map((c) => [c.label, c.count])).toEqual([["All sources", 5], ["AFP", 3], ["BBC", 2]]);
  });

  it("puts events given out of order back in date order, so no heading repeats", () => {
    const events = [ev("b", "2013-09-14", "day", ["afp-1"]), ev("a", "2013-08-21", "day", ["afp-1"]), ev("c", "2013-09-13", "day", ["afp-1"])];
    const [page] = buildTimelineModel({ records, timeline: { events } }).pages;
    expect(page.months.map((m) => [m.label, m.days.map((d) => d.events.map((e) => e.id).join()).join(" ")])).toEqual([
      ["August 2013", "a"],
      ["September 2013", "c b"],
    ]);
  });

  it("builds an empty unfiltered page for an archive without events", () => {
    const model = buildTimelineModel({ records, timeline: { events: [] } });
    expect(model.pages.map((p) => [p.url, p.count, p.months.length])).toEqual([["/timeline/", 0, 0]]);
  });
});

describe("segmentText", () => {
  const ref = (eventId: string, quote: string): TimelineRef => ({ eventId, href: `/timeline/#${eventId}`, label: eventId, quote });

  it("cuts after each cited sentence and loses no text", () => {
    const text = "Talks began on Monday. They may end on Friday. Nobody knows.";
    const segments = segmentText(text, [ref("fri", "They may end on Friday."), ref("mon", "Talks began on Monday."), ref("mon2", "Talks began on Monday.")]);
    expect(segments.map((s) => [s.text, s.refs.map((r) => r.eventId)])).toEqual([
      ["Talks began on Monday.", ["mon", "mon2"]],
      [" They may end on Friday.", ["fri"]],
      [" Nobody knows.", []],
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("puts the mark of a quote it cannot find at the end instead of dropping it", () => {
    const segments = segmentText("Something happened.", [ref("x", "Not in this text.")]);
    expect(segments).toEqual([{ text: "Something happened.", refs: [ref("x", "Not in this text.")] }]);
  });

  it("leaves a block without marks whole", () => {
    expect(segmentText("Plain.", [])).toEqual([{ text: "Plain.", refs: [] }]);
  });
});
