/** The resolver alone: expected dates worked out by hand with a calendar (2013-09-13 was a Friday). */
import { describe, expect, it } from "vitest";
import { findDates } from "../../src/dates/resolve.ts";

const on = (date: string) => ({ date });
/** [text, date, end?, precision] of every mention, for compact assertions. */
const dates = (text: string, anchor: string) =>
  findDates(text, on(anchor)).map((m) => [m.text, m.date, m.end ?? null, m.precision]);

describe("weekdays with tense", () => {
  it("past tense takes the past weekday, not the nearest", () => {
    // Friday 13 Sep: Monday 9 Sep is 4 days back, Monday 16 Sep 3 days ahead.
    const s = "Russia announced its proposal for dealing with the escalating crisis on Monday, as the US Congress was preparing to debate.";
    expect(dates(s, "2013-09-13")).toEqual([["Monday", "2013-09-09", null, "day"]]);
  });

  it("future markers take the coming weekday", () => {
    expect(dates("The officials said a UN report due on Monday would strengthen the case.", "2013-09-14")).toEqual([["Monday", "2013-09-16", null, "day"]]);
    expect(dates("Kerry will fly to Israel to brief Netanyahu on Sunday.", "2013-09-14")).toEqual([["Sunday", "2013-09-15", null, "day"]]);
  });

  it("the report's own weekday is that day, past or future", () => {
    expect(dates("Kerry said Friday the talks were constructive.", "2013-09-13")).toEqual([["Friday", "2013-09-13", null, "day"]]);
    expect(dates("The two sides are to hold a third day of talks on Saturday.", "2013-09-14")).toEqual([["Saturday", "2013-09-14", null, "day"]]);
  });

  it("possessives and parts of the day", () => {
    expect(dates("US officials said Thursday's meeting was comprehensive.", "2013-09-13")).toEqual([["Thursday", "2013-09-12", null, "day"]]);
    expect(dates("The message was read Wednesday night to thousands.", "2000-01-07")).toEqual([["Wednesday", "2000-01-05", null, "day"]]);
  });

  it("last and next", () => {
    expect(dates("He arrived last Friday.", "2013-09-13")).toEqual([["last Friday", "2013-09-06", null, "day"]]);
    expect(dates("They meet again next Tuesday.", "2013-09-13")).toEqual([["next Tuesday", "2013-09-17", null, "day"]]);
  });
});

describe("day and month without a year", () => {
  it("takes the year that puts the date near the report", () => {
    expect(dates("9 Sep: Lavrov urges Syria to hand over its weapons", "2013-09-13")).toEqual([["9 Sep", "2013-09-09", null, "day"]]);
    expect(dates("The embassies were bombed Aug. 7.", "1998-08-18")).toEqual([["Aug. 7", "1998-08-07", null, "day"]]);
    // Past verb, coming deadline: close dates are the near one whatever the tense.
    expect(dates("The agency ruled that the boy must be returned by Jan. 14.", "2000-01-06")).toEqual([["Jan. 14", "2000-01-14", null, "day"]]);
    // Across the new year.
    expect(dates("He will testify on Feb. 10.", "1999-12-20")).toEqual([["Feb. 10", "2000-02-10", null, "day"]]);
    expect(dates("The boat sank on Dec. 28.", "2000-01-06")).toEqual([["Dec. 28", "1999-12-28", null, "day"]]);
  });

  it("far dates follow the tense", () => {
    expect(dates("A clinic guard was killed in April.", "1998-12-05")).toEqual([["April", "1998-04", null, "month"]]);
    expect(dates("The three countries will join in April.", "1998-12-05")).toEqual([["April", "1999-04", null, "month"]]);
    expect(dates("The process began in February this year.", "1998-12-03")).toEqual([["February this year", "1998-02", null, "month"]]);
  });
});

describe("ranges, months, years", () => {
  it("ranges keep their end", () => {
    expect(dates("5-6 Sep: Putin and Obama discuss the idea", "2013-09-13")).toEqual([["5-6 Sep", "2013-09-05", "2013-09-06", "day"]]);
    expect(dates("The hearing runs March 5-7.", "2000-02-24")).toEqual([["March 5-7", "2000-03-05", "2000-03-07", "day"]]);
  });

  it("a month stays a month and a year a year", () => {
    expect(dates("the war which erupted in March 2011", "2013-09-14")).toEqual([["March 2011", "2011-03", null, "month"]]);
    expect(dates("in response to an August chemical attack near Damascus", "2013-09-14")).toEqual([["August", "2013-08", null, "month"]]);
    expect(dates("since the uprising began in 2011.", "2013-09-13")).toEqual([["2011", "2011", null, "year"]]);
    expect(dates("on March 5, 1946, at Westminster College", "1999-03-12")).toEqual([["March 5, 1946", "1946-03-05", null, "day"]]);
  });
});

describe("relative phrases", () => {
  it("weeks are Monday to Sunday", () => {
    expect(dates("The OPCW said it will meet next week.", "2013-09-14")).toEqual([["next week", "2013-09-16", "2013-09-22", "week"]]);
    expect(dates("The board met last week.", "2013-09-14")).toEqual([["last week", "2013-09-02", "2013-09-08", "week"]]);
  });

  it("months and years", () => {
    expect(dates("He will meet Lavrov in New York later this month.", "2013-09-14")).toEqual([["later this month", "2013-09", null, "month"]]);
    expect(dates("The treaty was signed last year.", "2013-09-14")).toEqual([["last year", "2012", null, "year"]]);
    expect(dates("The rifle was found two months ago.", "1999-04-19")).toEqual([["two months ago", "1999-02", null, "month"]]);
  });

  it("days", () => {
    expect(dates("The rifle was found 11 days ago.", "1999-04-19")).toEqual([["11 days ago", "1999-04-08", null, "day"]]);
    expect(dates("Officials said yesterday the talks were over.", "2013-09-14")).toEqual([["yesterday", "2013-09-13", null, "day"]]);
  });
});

describe("named days", () => {
  it("places holidays by rule and tense", () => {
    // 4th Thursday of November 1999 = 25 Nov; Election Day 1998 = Tuesday after Monday 2 Nov.
    expect(dates("Elian was found Thanksgiving Day clinging to an inner tube.", "2000-01-07")).toEqual([["Thanksgiving Day", "1999-11-25", null, "day"]]);
    expect(dates("The race will be decided on Election Day.", "1998-10-26")).toEqual([["Election Day", "1998-11-03", null, "day"]]);
    expect(dates("They met last Christmas.", "2000-01-07")).toEqual([["last Christmas", "1999-12-25", null, "day"]]);
  });
});

describe("not dates", () => {
  it.each([
    "President Assad said data would be passed to the UN after 30 days.",
    "Syria possesses around 1,000 metric tonnes of chemical agents.",
    "The delegations broke up around 2:00 am.",
    "on the sidelines of the G20 summit",
    "Sun Microsystems shares rose.",
    "She spent 5 1/2 hours in Nairobi.",
    "The attack killed 1,400 people and 1998 soldiers were deployed.",
    "Syria now considers itself a full member.",
    "He has been in Bethesda for the last week.",
    "Thousands of troops march through the city.",
    "The council passed Resolution 1973 and Flight 1549 landed.",
    "The ceasefire starts at 1930 GMT.",
  ])("%s", (text) => {
    expect(findDates(text, on("2013-09-14"))).toEqual([]);
  });
});

it("gives offsets into the text given and the clause tense", () => {
  const text = "Talks went on. Kerry will fly to Israel on Sunday.";
  const [m] = findDates(text, on("2013-09-14"));
  expect(text.slice(m.index, m.index + m.text.length)).toBe("Sunday");
  expect(m.tense).toBe("future");
});

describe("which sentences chrono reads", () => {
  it("a month's abbreviation or a weekday's name, each as a word, still dates a sentence", () => {
    expect(dates("The vote is set for Sept. 24 in New York.", "2013-09-13")).toEqual([["Sept. 24", "2013-09-24", null, "day"]]);
    expect(dates("Markets rallied on Dec. 3.", "2013-12-05")).toEqual([["Dec. 3", "2013-12-03", null, "day"]]);
    expect(dates("Talks resume Wednesdays, officials said Thursday.", "2013-09-13")).toEqual([["Thursday", "2013-09-12", null, "day"]]);
  });

  it("a numeric date is not taken, whatever other words the sentence holds", () => {
    // "Marijuana" and "market" start like months; they once sent the sentence to chrono, which dated it.
    expect(dates("On 11/13/19 at 4:00 PM EST Share Health Marijuana", "2019-11-14")).toEqual([]);
    expect(dates("On 11/13/19 at 4:00 PM EST the market fell", "2019-11-14")).toEqual([]);
  });
});
