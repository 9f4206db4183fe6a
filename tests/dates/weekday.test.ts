import { describe, expect, it } from "vitest";
import { resolveWeekday, weekdayNumber } from "../../src/dates/weekday.ts";

// 2013-09-13 was a Friday, 2013-09-14 a Saturday.
describe("resolveWeekday", () => {
  it("past: the most recent such day, the anchor itself included", () => {
    expect(resolveWeekday(1, "2013-09-13", "past")).toBe("2013-09-09"); // Monday before Fri 13 Sep
    expect(resolveWeekday(5, "2013-09-13", "past")).toBe("2013-09-13"); // "said Friday" in Friday's report
    expect(resolveWeekday(6, "2013-09-13", "past")).toBe("2013-09-07");
  });

  it("future: the coming such day, the anchor itself included", () => {
    expect(resolveWeekday(1, "2013-09-14", "future")).toBe("2013-09-16"); // "a UN report due on Monday"
    expect(resolveWeekday(7, "2013-09-14", "future")).toBe("2013-09-15");
    expect(resolveWeekday(6, "2013-09-14", "future")).toBe("2013-09-14"); // "are to hold ... on Saturday"
  });

  it("unknown/present: the past one unless it is tomorrow", () => {
    expect(resolveWeekday(4, "2013-09-13", "unknown")).toBe("2013-09-12"); // 1 day back
    expect(resolveWeekday(1, "2013-09-13", "unknown")).toBe("2013-09-09"); // 4 days back beats 3 ahead
    expect(resolveWeekday(7, "2013-09-13", "present")).toBe("2013-09-08"); // 5 back still beats 2 ahead
    expect(resolveWeekday(6, "2013-09-13", "unknown")).toBe("2013-09-14"); // tomorrow beats 6 days back
  });

  it("crosses month and year ends", () => {
    expect(resolveWeekday(3, "1999-01-01", "past")).toBe("1998-12-30"); // Fri 1 Jan 1999
    expect(resolveWeekday(1, "1998-12-31", "future")).toBe("1999-01-04");
  });
});

describe("weekdayNumber", () => {
  it("reads names, abbreviations and possessives", () => {
    expect(weekdayNumber("Monday")).toBe(1);
    expect(weekdayNumber("Thursday's")).toBe(4);
    expect(weekdayNumber("Sun.")).toBe(7);
    expect(weekdayNumber("Tues")).toBe(2);
    expect(weekdayNumber("Sunday's")).toBe(7);
    expect(weekdayNumber("Sunshine")).toBeNull();
    expect(weekdayNumber("month")).toBeNull();
  });
});
