import { describe, expect, it } from "vitest";
import { plainDate } from "../../src/dates/plain-date.ts";
import { chronoDates, datesIn } from "../../src/parse/parse-dateline.ts";

describe("plainDate", () => {
  it("reads the common whole-value forms", () => {
    expect(plainDate("2013-09-14 07:13")).toMatchObject({ date: "2013-09-14", time: "07:13", text: "2013-09-14 07:13", index: 0 });
    expect(plainDate("2013-09-14")).toMatchObject({ date: "2013-09-14", time: undefined });
    expect(plainDate("14 September 2013, 07:13")).toMatchObject({ date: "2013-09-14", time: "07:13" });
    expect(plainDate("4 Sep 2013 7:05")).toMatchObject({ date: "2013-09-04", time: "07:05" });
    expect(plainDate("26 October 2007")).toMatchObject({ date: "2007-10-26", time: undefined });
    expect(plainDate("August 10, 2009")).toMatchObject({ date: "2009-08-10", time: undefined });
  });

  it("leaves everything else to chrono", () => {
    expect(plainDate("31 February 2013")).toBeUndefined(); // no such day
    expect(plainDate("2013-09-14 24:00")).toBeUndefined(); // no such time
    expect(plainDate("14 September 1750")).toBeUndefined(); // outside the years a dateline is read for
    expect(plainDate("Saturday 14 September 2013")).toBeUndefined(); // extra words
    expect(plainDate("14 Sept 2013")).toBeUndefined(); // other abbreviations
    expect(plainDate("14 september 2013")).toBeUndefined(); // lower case
    expect(plainDate("September 14 2013")).toBeUndefined(); // no comma
  });

  it("gives what chrono gives, for every form it reads", () => {
    const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    const pad = (n: number) => String(n).padStart(2, "0");
    const texts: string[] = [];
    for (const year of [1800, 2012, 2099]) {
      months.forEach((month, i) => {
        for (const day of [1, 29, 31]) {
          for (const time of ["", " 07:13", ", 23:59", " 0:00"]) {
            texts.push(`${day} ${month} ${year}${time}`, `${pad(day)} ${month.slice(0, 3)} ${year}${time}`);
          }
          texts.push(`${year}-${pad(i + 1)}-${pad(day)}`, `${year}-${pad(i + 1)}-${pad(day)} 18:45`, `${month} ${day}, ${year}`);
        }
      });
    }
    let read = 0;
    for (const text of texts) {
      const plain = plainDate(text);
      if (!plain) continue;
      read++;
      expect([plain], text).toEqual(chronoDates(text));
    }
    // Days past the month's end (31 April, 29 February 2099) go to chrono; every other text is read directly.
    expect(read).toBeGreaterThan(texts.length * 0.8);
  });

  it("is what datesIn answers with", () => {
    expect(datesIn("14 September 2013, 07:13")).toEqual([{ date: "2013-09-14", time: "07:13", text: "14 September 2013, 07:13", index: 0 }]);
    // A form it does not read still gets chrono's answer.
    expect(datesIn("Saturday 14 September 2013")).toMatchObject([{ date: "2013-09-14" }]);
  });

  it("does not ask chrono about a year with no month, unit of time or date numbers", () => {
    for (const title of ["US trade gap hits record in 2004", "Holmes starts 2005 with GB events", "Hansen 'delays return until 2006'"]) {
      expect(datesIn(title)).toEqual([]);
      expect(chronoDates(title)).toEqual([]); // what chrono would have said
    }
    // A unit of time or separated numbers still go to chrono.
    expect(datesIn("Published 14.09.2013")).toMatchObject([{ date: "2013-09-14" }]);
  });
});
