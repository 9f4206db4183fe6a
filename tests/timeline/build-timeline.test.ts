import { describe, expect, it } from "vitest";
import { buildTimeline, timelineOf } from "../../src/timeline/build-timeline.ts";
import { eventBaseId } from "../../src/timeline/event-ids.ts";
import { toTimelineJs } from "../../src/timeline/timelinejs.ts";
import type { ExtractedEvent, TimelineEvent } from "../../src/timeline/types.ts";
import { record } from "./records.ts";

// 2013-09-13 was a Friday.
describe("events of one report", () => {
  it("anchors each sentence to each date it names, citing block and exact sentence", () => {
    const r = record("a", "AFP", "2013-09-14", [
      "Nothing dated here.",
      "Kerry met Lavrov on Friday. He will fly to Israel on Sunday.",
    ]);
    const { events } = buildTimeline([r]);
    expect(events.map((e) => [e.date, e.precision, e.text])).toEqual([
      ["2013-09-13", "day", "Kerry met Lavrov on Friday."],
      ["2013-09-15", "day", "He will fly to Israel on Sunday."],
    ]);
    expect(events[0].sources).toEqual([{ articleId: "a", blockIndex: 1, quote: "Kerry met Lavrov on Friday.", expression: "Friday" }]);
  });

  it("a sentence with two dates gives two events; the same date twice gives one", () => {
    const r = record("a", "AFP", "2013-09-14", ["The war erupted in March 2011, Kerry said Friday.", "On Friday, talks went on into Friday night."]);
    const { events } = buildTimeline([r]);
    expect(events.map((e) => [e.date, e.precision, e.sources[0].blockIndex])).toEqual([
      ["2011-03", "month", 0],
      ["2013-09-13", "day", 1], // same day: ordered by text, "On Friday..." first
      ["2013-09-13", "day", 0],
    ]);
  });

  it("the report's publication alone is no event; headings are not read", () => {
    const r = record("a", "AFP", "2013-09-14", [{ type: "heading", text: "Friday talks", line: 1 }, "Talks are difficult."]);
    expect(buildTimeline([r]).events).toEqual([]);
  });

  it("without a publication date only dates with a year are placed", () => {
    const r = record("a", "AFP", null, ["Talks resumed on Friday after the war began in March 2011."]);
    expect(buildTimeline([r]).events.map((e) => e.date)).toEqual(["2011-03"]);
  });

  it("timeline entries become events with the label's precision", () => {
    const r = record("b", "BBC", "2013-09-13", [
      {
        type: "timeline",
        title: "Timeline",
        text: "Timeline\n5-6 Sep: Putin and Obama discuss control\nMarch 2011: Uprising begins",
        entries: [
          { label: "5-6 Sep", start: "2013-09-05", end: "2013-09-06", text: "Putin and Obama discuss control", line: 2 },
          { label: "March 2011", start: "2011-03-01", text: "Uprising begins", line: 3 },
          { label: "9 Sep", text: "Lavrov urges Syria to hand over weapons", line: 4 },
        ],
        line: 1,
      },
    ]);
    const { events } = buildTimeline([r]);
    expect(events.map((e) => [e.date, e.end ?? null, e.precision, e.text])).toEqual([
      ["2011-03", null, "month", "Uprising begins"],
      ["2013-09-05", "2013-09-06", "day", "Putin and Obama discuss control"],
      ["2013-09-09", null, "day", "Lavrov urges Syria to hand over weapons"],
    ]);
    expect(events[1].sources[0]).toEqual({ articleId: "b", blockIndex: 0, quote: "Putin and Obama discuss control", expression: "5-6 Sep" });
  });
});

describe("merging across reports", () => {
  const afp = record("afp", "AFP", "2013-09-14", [
    "During their second day of talks in Geneva on Friday, Kerry and Lavrov shuttled in and out of talks.",
    "Reports emerged Friday that a secret military unit was scattering the stockpile.",
    "Teams have studied the plan since an August chemical attack near Damascus.",
    "He will meet Lavrov again at the General Assembly later this month.",
  ]);
  const aj = record("aj", "Al Jazeera", "2013-09-14", [
    "During their second day of talks in Geneva on Friday, the US Secretary of State and Lavrov shuttled in and out of talks.",
  ]);
  const bbc = record("bbc", "BBC", "2013-09-13", [
    "Washington accuses the government of killing hundreds of people in a chemical attack near Damascus on 21 August.",
    "US Secretary of State John Kerry met Lavrov in Geneva on Thursday.",
  ]);
  const { events } = buildTimeline([afp, aj, bbc]);
  const on = (date: string) => events.filter((e) => e.date === date);

  it("the same happening told by two outlets is one event with both sources and quotes", () => {
    const talks = on("2013-09-13").find((e) => e.text.includes("second day"))!;
    expect(talks.sources.map((s) => s.articleId)).toEqual(["afp", "aj"]);
    expect(talks.sources[1].quote).toBe(aj.body[0].text);
  });

  it("different happenings on one day stay apart", () => {
    expect(on("2013-09-13")).toHaveLength(2);
  });

  it("a vague back-reference joins the one specific happening in its span", () => {
    const attack = on("2013-08-21");
    expect(attack).toHaveLength(1);
    expect(attack[0].precision).toBe("day");
    expect(attack[0].sources.map((s) => s.articleId).sort()).toEqual(["afp", "bbc"]);
    expect(on("2013-08")).toEqual([]);
  });

  it("a vague back-reference that shares no words with the one happening in its span stays apart", () => {
    const summit = record("ap", "AP", "1998-03-11", ["In July 1997, at a summit in Madrid, the alliance invited Poland to join."]);
    const tourism = record("xin", "Xinhua", "1998-03-10", ["Tourism revenues in Tanzania fell sharply in 1997."]);
    const invitation = record("nyt", "New York Times", "1998-03-12", ["Poland was invited to join the alliance in 1997."]);
    const dated = (events: TimelineEvent[]) => events.map((e) => [e.date, e.sources.map((s) => s.articleId).join(",")]);
    expect(dated(buildTimeline([summit, tourism]).events)).toEqual([
      ["1997", "xin"],
      ["1997-07", "ap"],
    ]);
    // The same happening told vaguely does join it.
    expect(dated(buildTimeline([summit, invitation]).events)).toEqual([["1997-07", "ap,nyt"]]);
  });

  it("a reference to last week joins the happening of a day inside that week, not one after it", () => {
    const lastWeek = record("a", "AFP", "2013-09-20", ["Inspectors visited the chemical weapons depot near Damascus last week."]);
    const thursday = record("b", "BBC", "2013-09-13", ["Inspectors visited the chemical weapons depot near Damascus on Thursday."]);
    const monday = record("c", "CNN", "2013-09-20", ["Inspectors visited the chemical weapons depot near Damascus on Monday."]);
    const dated = (events: TimelineEvent[]) => events.map((e) => [e.date, e.precision, e.sources.map((s) => s.articleId).join(",")]);
    expect(dated(buildTimeline([lastWeek, monday]).events)).toEqual([
      ["2013-09-09", "week", "a"],
      ["2013-09-16", "day", "c"],
    ]);
    expect(dated(buildTimeline([lastWeek, thursday, monday]).events)).toEqual([
      ["2013-09-12", "day", "b,a"],
      ["2013-09-16", "day", "c"],
    ]);
  });

  it("a plan for later this month is not merged into a past meeting", () => {
    expect(on("2013-09").map((e) => e.sources.map((s) => s.articleId))).toEqual([["afp"]]);
    expect(on("2013-09-12")[0].sources.map((s) => s.articleId)).toEqual(["bbc"]);
  });

  it("sorts by date, a month before its days, with unique ids", () => {
    expect(events.map((e) => e.date)).toEqual(["2013-08-21", "2013-09", "2013-09-12", "2013-09-13", "2013-09-13"]);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const e of events) expect(e.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });

  it("exports TimelineJS slides", () => {
    const js = toTimelineJs({ events }, [afp, aj, bbc], "Syria talks");
    expect(js.title.text.headline).toBe("Syria talks");
    expect(js.events).toHaveLength(events.length);
    const month = js.events.find((e) => e.unique_id === on("2013-09")[0].id)!;
    expect(month.start_date).toEqual({ year: "2013", month: "9" });
    expect(month.display_date).toBe("September 2013");
    const talks = js.events.find((e) => e.unique_id === on("2013-09-13").find((x) => x.sources.length === 2)!.id)!;
    expect(talks.start_date).toEqual({ year: "2013", month: "9", day: "13" });
    expect(talks.group).toBe("AFP, Al Jazeera");
    expect(talks.text.text).toContain("<blockquote>During their second day of talks");
  });
});

describe("event ids", () => {
  const said = (articleId: string, blockIndex: number, text: string): ExtractedEvent => ({
    id: "",
    date: "2013-09-13",
    precision: "day",
    text,
    tense: "past",
    sources: [{ articleId, blockIndex, quote: text, expression: "on Friday" }],
  });
  // Same day, same first six words, different happenings (one report: no lower bar joins them).
  const wheat = "It was reported on Friday that wheat prices rose sharply across Europe.";
  const museum = "It was reported on Friday that the museum reopened its ancient gallery.";

  it("is the date and the text's first six words, however long the text", () => {
    const paragraph = `Kerry and Lavrov — met in Geneva on Friday, ${"and talked about the weapons ".repeat(20)}until late.`;
    expect(eventBaseId("2013-09-13", paragraph)).toBe("2013-09-13-kerry-and-lavrov-met-in-geneva");
    // No six words of Latin letters or digits in the first 200 characters: the words are read further on.
    expect(eventBaseId("2013", `${"叙利亚 ".repeat(70)}Kerry met Lavrov in Geneva today`)).toBe("2013-kerry-met-lavrov-in-geneva-today");
    expect(eventBaseId("2013", `${"x".repeat(150)} ${"y".repeat(100)} a b c d e f g`)).toBe(`2013-${"x".repeat(60)}`);
    expect(eventBaseId("2013", "“ — ”")).toBe("2013-event");
  });

  it("takes an event's id from its first published account, so a terser one added later leaves it", () => {
    const long = "US Secretary of State John Kerry and Sergei Lavrov met in Geneva on Friday.";
    const terse = "Kerry and Lavrov met in Geneva on Friday.";
    const at = (articleId: string, text: string, published: string): ExtractedEvent => ({ ...said(articleId, 0, text), published });
    const [alone] = timelineOf([at("afp", long, "2013-09-13")]).events;
    const [merged] = timelineOf([at("afp", long, "2013-09-13"), at("bbc", terse, "2013-09-14")]).events;
    // One happening: the terser account names it on the page; the anchor stays where citations point.
    expect([merged.text, merged.sources.length]).toEqual([terse, 2]);
    expect([alone.id, merged.id]).toEqual(["2013-09-13-us-secretary-of-state-john-kerry", "2013-09-13-us-secretary-of-state-john-kerry"]);
    // Had the terse report come first, its words would name the id.
    expect(timelineOf([at("afp", long, "2013-09-14"), at("bbc", terse, "2013-09-13")]).events[0].id).toBe("2013-09-13-kerry-and-lavrov-met-in-geneva");
  });

  it("keeps each event's id when a new source moves it up the timeline", () => {
    const ids = (events: ExtractedEvent[]) => Object.fromEntries(timelineOf(events).events.map((e) => [e.text, e.id]));
    const before = ids([said("a", 0, wheat), said("a", 1, museum)]);
    expect(before).toEqual({ [museum]: "2013-09-13-it-was-reported-on-friday-that", [wheat]: "2013-09-13-it-was-reported-on-friday-that-2" });
    // A second report of the wheat prices: that event now has more sources and comes first on the day.
    const grown = timelineOf([said("a", 0, wheat), said("a", 1, museum), said("b", 0, wheat)]);
    expect(grown.events.map((e) => e.text)).toEqual([wheat, museum]);
    expect(Object.fromEntries(grown.events.map((e) => [e.text, e.id]))).toEqual(before);
  });
});

describe("merging across reports: the lower bar for a report's only words about a date", () => {
  // Two reports, each naming the date once, in sentences sharing a few words; other reports' events
  // make those words rare enough to count. Only the date expression differs between the two cases.
  const others = [
    record("c", "AP", "2005-03-22", ["Ministers met in London on Monday to discuss taxes.", "Train fares rose in January 2005."]),
    record("d", "AP", "2005-03-23", ["Voters in Wales went to the polls on Tuesday.", "The museum reopened in February 2005."]),
  ];
  const pair = (when: [string, string]) => [
    record("a", "AFP", "2005-03-20", [`Leeds United fans marched through the city centre ${when[0]} after the club was sold to bankers.`]),
    record("b", "BBC", "2005-03-21", [`Angry Leeds United supporters gathered ${when[1]} as the new owners met players and staff.`]),
  ];

  it("joins two reports' only sentences about one day", () => {
    const { events } = buildTimeline([...pair(["on Friday", "on 18 March"]), ...others]);
    expect(events.filter((e) => e.date === "2005-03-18").map((e) => e.sources.length)).toEqual([2]);
  });

  it("does not join two reports' only sentences about a whole year", () => {
    const { events } = buildTimeline([...pair(["in 2004", "in 2004"]), ...others]);
    expect(events.filter((e) => e.date === "2004").map((e) => e.sources.length)).toEqual([1, 1]);
  });
});

describe("merging across reports: a sentence many reports print", () => {
  // Syndicated copies: thirty outlets carry one agency sentence; one of them also reports another happening that day.
  const copies = Array.from({ length: 30 }, (_, i) =>
    record(`copy-${i}`, `Outlet ${i}`, "2013-09-14", ["Kerry and Lavrov agreed on Saturday in Geneva to a framework for the removal of the chemical weapons."]),
  );
  const other = record("other", "Wire", "2013-09-14", [
    "Kerry and Lavrov agreed on Saturday in Geneva to a framework for the removal of the chemical weapons.",
    "Rebels shelled an army base near Aleppo on Saturday, killing four soldiers.",
  ]);
  const { events } = buildTimeline([...copies, other]);
  const day = events.filter((e) => e.date === "2013-09-14");

  it("is one event citing every report that printed it, each once, the first published first", () => {
    const framework = day.find((e) => e.text.includes("framework"))!;
    // All published the same day: then by report id, as code units compare ("copy-10" before "copy-2").
    expect(framework.sources.map((s) => s.articleId)).toEqual([...copies.map((c) => c.id), "other"].sort());
  });

  it("leaves another happening of that day apart", () => {
    expect(day).toHaveLength(2);
    expect(day.find((e) => e.text.includes("Aleppo"))!.sources.map((s) => s.articleId)).toEqual(["other"]);
  });
});

describe("merging across reports: a report newer than all the others", () => {
  // Two earlier reports tell two happenings of one day that share no word; a later one tells both in one sentence.
  const shelling = record("a", "AFP", "2013-09-14", ["Rebels shelled an army base in Aleppo on Saturday."]);
  const bombing = record("b", "BBC", "2013-09-15", ["Government jets bombed villages around Homs on Saturday."]);
  const both = record("c", "CNN", "2013-09-16", ["On Saturday rebels shelled an army base in Aleppo as government jets bombed villages around Homs."]);
  const saturday = (events: TimelineEvent[]) => events.filter((e) => e.date === "2013-09-14").map((e) => e.sources.map((s) => s.articleId)).sort();

  it("joins a happening without regrouping the earlier reports' events", () => {
    expect(saturday(buildTimeline([shelling, bombing]).events)).toEqual([["a"], ["b"]]);
    // It matches both equally and joins the first told; taken first, it would have joined the two into one event.
    expect(saturday(buildTimeline([both, bombing, shelling]).events)).toEqual([["a", "c"], ["b"]]);
  });

  it("gives the same timeline whatever order the reports come in", () => {
    const reports = [shelling, bombing, both];
    const expected = buildTimeline(reports).events;
    for (const order of [[1, 0, 2], [2, 1, 0], [2, 0, 1]]) expect(buildTimeline(order.map((i) => reports[i])).events).toEqual(expected);
  });
});
