/**
 * The golden events of the three founding reports (issue 3), typed by hand from reading seeds/:
 * AFP and Al Jazeera were published Saturday 14 Sep 2013, the BBC report Friday 13 Sep 2013.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { buildTimeline, type TimelineEvent } from "../../src/timeline/build-timeline.ts";
import { AFP, ALJAZEERA, BBC, seedArchive } from "../helpers/seeds.ts";

let events: TimelineEvent[];
let outletOf: (articleId: string) => string;
beforeAll(() => {
  const archive = seedArchive();
  const names = new Map<string, string>([[AFP, "AFP"], [ALJAZEERA, "AJ"], [BBC, "BBC"]]);
  const byId = new Map([...archive.values()].map((r: ArticleRecord) => [r.id, names.get(r.sourceFile)!]));
  outletOf = (id) => byId.get(id)!;
  events = buildTimeline([...archive.values()]).events;
});

const outlets = (es: TimelineEvent[]) => [...new Set(es.flatMap((e) => e.sources.map((s) => outletOf(s.articleId))))].sort();
const at = (date: string, precision: string, end?: string) =>
  events.filter((e) => e.date === date && e.precision === precision && (e.end ?? undefined) === end);

// [date, precision, end, outlets, words some event on that date must contain]
const GOLDEN: [string, string, string | undefined, string[], RegExp][] = [
  ["2011-03", "month", undefined, ["AFP", "AJ", "BBC"], /erupted in March 2011|began in 2011/],
  ["2013-08-21", "day", undefined, ["AFP", "AJ", "BBC"], /chemical attack/],
  ["2013-09-05", "day", "2013-09-06", ["BBC"], /Putin and Barack Obama/],
  ["2013-09-09", "day", undefined, ["BBC"], /Lavrov says he has urged Syria|announced its proposal/],
  ["2013-09-10", "day", undefined, ["BBC"], /first public admission/],
  ["2013-09-12", "day", undefined, ["BBC"], /Kerry meets Mr Lavrov in Geneva/],
  ["2013-09-13", "day", undefined, ["AFP", "AJ", "BBC"], /second (day|round)/i],
  ["2013-09-14", "day", undefined, ["AFP", "AJ"], /third day of complex talks/],
  ["2013-09-15", "day", undefined, ["AFP"], /fly to Israel/],
  ["2013-09-16", "day", undefined, ["AFP", "AJ"], /report/],
  ["2013-09-16", "week", "2013-09-22", ["AFP"], /OPCW said it will meet next week/],
  ["2013-09", "month", undefined, ["AFP"], /later this month/],
];

describe("seed timeline", () => {
  it.each(GOLDEN)("%s (%s, end %s) from %j", (date, precision, end, expected, words) => {
    const here = at(date, precision, end);
    expect(here.length).toBeGreaterThan(0);
    expect(outlets(here)).toEqual(expected);
    expect(here.some((e) => e.sources.some((s) => words.test(s.quote)))).toBe(true);
  });

  it("dates nothing else: every event falls on a golden date", () => {
    const golden = new Set(GOLDEN.map(([d, p, e]) => `${d}|${p}|${e ?? ""}`));
    expect(events.map((e) => `${e.date}|${e.precision}|${e.end ?? ""}`).filter((k) => !golden.has(k))).toEqual([]);
  });

  it("one happening reported by several outlets is one event", () => {
    const secondDay = at("2013-09-13", "day").find((e) => e.sources.some((s) => /second day of talks/.test(s.quote)))!;
    expect(outlets([secondDay])).toEqual(["AFP", "AJ", "BBC"]);
    expect(at("2013-09-16", "day")).toHaveLength(1);
    expect(at("2011-03", "month")).toHaveLength(1);
  });

  it("weekday tense: Monday is the past 9 Sep in the BBC report and the coming 16 Sep in AFP's", () => {
    const bbcMonday = events.find((e) => e.sources.some((s) => s.expression === "Monday" && outletOf(s.articleId) === "BBC"))!;
    expect(bbcMonday.date).toBe("2013-09-09");
    const afpMonday = events.find((e) => e.sources.some((s) => s.expression === "Monday" && outletOf(s.articleId) === "AFP"))!;
    expect(afpMonday.date).toBe("2013-09-16");
  });

  it("quotes are exact sentences of the cited block", () => {
    const archive = seedArchive();
    const byId = new Map([...archive.values()].map((r) => [r.id, r]));
    for (const e of events) for (const s of e.sources) expect(byId.get(s.articleId)!.body[s.blockIndex].text).toContain(s.quote);
  });
});
