import { describe, expect, it } from "vitest";
import { parseStatedDate } from "../../src/ingest/stated-date.ts";

describe("parseStatedDate", () => {
  it("reads plain ISO dates and times as written", () => {
    expect(parseStatedDate("2013-09-14")).toEqual({ date: "2013-09-14" });
    expect(parseStatedDate("2007-07-05 08:20")).toEqual({ date: "2007-07-05", time: "08:20" });
    expect(parseStatedDate("2013-09-14T07:13:05Z")).toEqual({ date: "2013-09-14", time: "07:13" });
    expect(parseStatedDate(" 2012-02-29T23:59 ")).toEqual({ date: "2012-02-29", time: "23:59" });
  });

  it("keeps the local time of a value with an offset", () => {
    expect(parseStatedDate("2013-09-14T07:13+02:00")).toEqual({ date: "2013-09-14", time: "07:13" });
  });

  it("refuses days and times that do not exist", () => {
    expect(parseStatedDate("2013-02-29")).toBeUndefined();
    expect(parseStatedDate("2013-04-31 10:00")).toBeUndefined();
    expect(parseStatedDate("2013-13-01")).toBeUndefined();
    expect(parseStatedDate("2013-09-14T07:60")).toBeUndefined();
  });

  it("reads the human formats reports use", () => {
    expect(parseStatedDate("14 September 2013")).toEqual({ date: "2013-09-14" });
    expect(parseStatedDate("Sep 14, 2013 7:13 PM")).toEqual({ date: "2013-09-14", time: "19:13" });
  });
});
