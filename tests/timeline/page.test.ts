/**
 * The timeline page rendered from the three seed reports (issue 3): the golden events in date order,
 * grouped by month and day, each with the right outlets linking to paragraphs that exist; per-source
 * pages holding only that outlet's events; article sentences marked with links to their events.
 * Expected dates and outlets are stated by hand from reading seeds/ (AFP and Al Jazeera published
 * Saturday 14 Sep 2013, the BBC Friday 13 Sep 2013).
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AFP, ALJAZEERA, BBC } from "../helpers/seeds.ts";
import { buildSeedSite, type SeedSite } from "./page-site.ts";

let site: SeedSite;
let name: { afp: string; aj: string; bbc: string };
let article: { afp: string; aj: string; bbc: string };
let sourceId: { afp: string; aj: string; bbc: string };

beforeAll(async () => {
  site = await buildSeedSite();
  const by = (file: string) => site.archive.records.find((r) => r.sourceFile === file)!;
  name = { afp: by(AFP).source.name, aj: by(ALJAZEERA).source.name, bbc: by(BBC).source.name };
  article = { afp: by(AFP).id, aj: by(ALJAZEERA).id, bbc: by(BBC).id };
  sourceId = { afp: by(AFP).source.id, aj: by(ALJAZEERA).source.id, bbc: by(BBC).source.id };
}, 120_000);
afterAll(async () => {
  if (site) await rm(site.tmpDir, { recursive: true, force: true });
});

interface ShownEvent {
  id: string;
  text: string;
  day: string;
  datetime: string;
  outlets: string[];
  hrefs: string[];
}

function eventsOn(doc: Document): ShownEvent[] {
  return [...doc.querySelectorAll("li.tl-event")].map((li) => {
    const time = li.closest(".tl-day")!.querySelector(".tl-day__date time")!;
    const links = [...li.querySelectorAll(".tl-event__sources a")];
    return {
      id: li.id,
      text: li.querySelector(".tl-event__text")!.textContent!,
      day: time.textContent!.trim(),
      datetime: time.getAttribute("datetime")!,
      outlets: links.map((a) => a.textContent!.trim()),
      hrefs: links.map((a) => a.getAttribute("href")!),
    };
  });
}

async function timeline(path = "/timeline/"): Promise<ShownEvent[]> {
  const doc = await site.page(path);
  expect(doc, `${path} exists`).not.toBeNull();
  return eventsOn(doc!);
}

describe("/timeline/", () => {
  it("groups the golden dates by month, in date order, each day at its own precision", async () => {
    const doc = (await site.page("/timeline/"))!;
    expect([...doc.querySelectorAll(".tl-month__title")].map((h) => h.textContent)).toEqual(["March 2011", "August 2013", "September 2013"]);
    const days = [...doc.querySelectorAll(".tl-day__date time")].map((t) => t.textContent!.trim());
    const golden = [
      "In March 2011",
      "Wednesday 21 August",
      "5–6 September",
      "Monday 9 September",
      "Tuesday 10 September",
      "Thursday 12 September",
      "Friday 13 September",
      "Saturday 14 September",
      "Sunday 15 September",
      "Monday 16 September",
      "Week of 16–22 September",
      "In September 2013",
    ];
    for (const day of golden) expect(days, day).toContain(day);
    // No date twice: a day's events sit under one heading.
    expect(new Set(days).size).toBe(days.length);
    const at = (label: string) => days.indexOf(label);
    expect(at("In March 2011")).toBeLessThan(at("Wednesday 21 August"));
    expect(at("Wednesday 21 August")).toBeLessThan(at("5–6 September"));
    expect(at("5–6 September")).toBeLessThan(at("Monday 9 September"));
    expect(at("Thursday 12 September")).toBeLessThan(at("Friday 13 September"));
    expect(at("Friday 13 September")).toBeLessThan(at("Saturday 14 September"));
    expect(at("Sunday 15 September")).toBeLessThan(at("Monday 16 September"));
    // Machine-readable dates never claim more than the text gives.
    const datetimes = [...doc.querySelectorAll(".tl-day__date time")].map((t) => t.getAttribute("datetime"));
    expect(datetimes[days.indexOf("In March 2011")]).toBe("2011-03");
    expect(datetimes[days.indexOf("In September 2013")]).toBe("2013-09");
    expect(datetimes[days.indexOf("5–6 September")]).toBe("2013-09-05");
  });

  it("shows the second day of talks on 13 Sep as one event reported by AFP, Al Jazeera and the BBC", async () => {
    const friday = (await timeline()).filter((e) => e.day === "Friday 13 September");
    const talks = friday.find((e) => e.outlets.length === 3);
    expect(talks, "an event on 13 Sep with three outlets").toBeDefined();
    expect(talks!.outlets).toEqual([name.afp, name.aj, name.bbc].sort((a, b) => a.localeCompare(b)));
    expect(talks!.text).toMatch(/second (round|day)/i);
    const byOutlet = Object.fromEntries(talks!.outlets.map((o, i) => [o, talks!.hrefs[i]]));
    expect(byOutlet[name.afp]).toMatch(new RegExp(`^/articles/${article.afp}/#b\\d+$`));
    expect(byOutlet[name.aj]).toMatch(new RegExp(`^/articles/${article.aj}/#b\\d+$`));
    expect(byOutlet[name.bbc]).toMatch(new RegExp(`^/articles/${article.bbc}/#b\\d+$`));
    // Corroborated events are marked as such, with each outlet's own words one click away.
    const li = (await site.page("/timeline/"))!.getElementById(talks!.id)!;
    expect(li.classList.contains("tl-event--corroborated")).toBe(true);
    expect(li.querySelector(".tl-event__badge")!.textContent).toBe("3 outlets");
    expect(li.querySelectorAll("details .tl-quote")).toHaveLength(3);
  });

  it("shows the OPCW meeting as the week of 16–22 Sep, from AFP only, dated from “next week”", async () => {
    const week = (await timeline()).filter((e) => e.day === "Week of 16–22 September");
    expect(week).toHaveLength(1);
    expect(week[0].outlets).toEqual([name.afp]);
    expect(week[0].text).toMatch(/OPCW/);
    expect(week[0].datetime).toBe("2013-09-16");
    const li = (await site.page("/timeline/"))!.getElementById(week[0].id)!;
    expect(li.querySelector(".tl-event__dating")!.textContent).toBe("Dated from “next week” in the report of 14 September 2013.");
  });

  it("shows the G20 talks of 5–6 Sep from the BBC only, and Kerry's flight to Israel on Sunday 15 Sep from AFP", async () => {
    const events = await timeline();
    const g20 = events.filter((e) => e.day === "5–6 September");
    expect(g20.map((e) => e.outlets)).toEqual([[name.bbc]]);
    expect(g20[0].text).toMatch(/Putin and Barack Obama/);
    const sunday = events.filter((e) => e.day === "Sunday 15 September");
    expect(sunday.map((e) => e.outlets)).toEqual([[name.afp]]);
    expect(sunday[0].text).toMatch(/fly to Israel/);
  });

  it("lists every event of data/timeline.json exactly once, under its id", async () => {
    const shown = (await timeline()).map((e) => e.id);
    expect(shown).toHaveLength(site.archive.timeline.events.length);
    expect(new Set(shown)).toEqual(new Set(site.archive.timeline.events.map((e) => e.id)));
  });

  it("links only to paragraphs that exist on the article pages", async () => {
    for (const path of ["/timeline/", `/timeline/source/${sourceId.bbc}/`]) {
      const doc = (await site.page(path))!;
      const hrefs = [...doc.querySelectorAll(".tl-event a[href^='/articles/']")].map((a) => a.getAttribute("href")!);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) {
        const [pagePath, anchor] = href.split("#");
        const target = await site.page(pagePath);
        expect(target, `${href}: page exists`).not.toBeNull();
        expect(target!.getElementById(anchor), `${href}: anchor exists`).not.toBeNull();
      }
    }
  });

  it("offers a chip per outlet linking to its own page, and a month index", async () => {
    const doc = (await site.page("/timeline/"))!;
    const chips = [...doc.querySelectorAll(".tl-chip")].map((a) => [a.getAttribute("href"), a.getAttribute("aria-current")]);
    expect(chips).toEqual(
      expect.arrayContaining([
        ["/timeline/", "page"],
        [`/timeline/source/${sourceId.afp}/`, null],
        [`/timeline/source/${sourceId.aj}/`, null],
        [`/timeline/source/${sourceId.bbc}/`, null],
      ]),
    );
    expect(chips).toHaveLength(4);
    const months = [...doc.querySelectorAll(".tl-index__months a")].map((a) => a.getAttribute("href"));
    expect(months).toEqual(["/timeline/#m-2011-03", "/timeline/#m-2013-08", "/timeline/#m-2013-09"]);
    for (const href of months) expect(doc.getElementById(href!.split("#")[1])).not.toBeNull();
  });
});

describe("per-source pages", () => {
  it("hold only the events their outlet reported, keeping the other outlets that reported them", async () => {
    const all = await timeline();
    for (const outlet of ["afp", "aj", "bbc"] as const) {
      const path = `/timeline/source/${sourceId[outlet]}/`;
      const shown = await timeline(path);
      const expected = all.filter((e) => e.outlets.includes(name[outlet]));
      expect(shown.map((e) => e.id), path).toEqual(expected.map((e) => e.id));
      for (const e of shown) expect(e.outlets, `${path} ${e.id}`).toContain(name[outlet]);
      const current = (await site.page(path))!.querySelector(".tl-chip[aria-current='page']")!;
      expect(current.getAttribute("href")).toBe(path);
    }
    // By hand: the OPCW week is AFP's alone; the G20 talks the BBC's alone.
    const bbc = await timeline(`/timeline/source/${sourceId.bbc}/`);
    expect(bbc.some((e) => e.day === "5–6 September")).toBe(true);
    expect(bbc.some((e) => e.day === "Week of 16–22 September")).toBe(false);
    const afp = await timeline(`/timeline/source/${sourceId.afp}/`);
    expect(afp.some((e) => e.day === "Week of 16–22 September")).toBe(true);
    expect(afp.some((e) => e.day === "5–6 September")).toBe(false);
  });
});

describe("article pages", () => {
  it("mark each dated sentence with a link to its event, right after the sentence", async () => {
    const doc = (await site.page(`/articles/${article.bbc}/`))!;
    // BBC: "Talks may continue beyond Friday." (report of Friday 13 Sep) is about 13 Sep.
    const paragraph = [...doc.querySelectorAll(".report__body p")].find((p) => p.textContent!.includes("Talks may continue beyond Friday."))!;
    const mark = [...paragraph.querySelectorAll("a.tl-ref")].find((a) => a.previousSibling?.textContent?.endsWith("Talks may continue beyond Friday. "))!;
    expect(mark, "a mark after the sentence").toBeDefined();
    expect(mark.textContent).toBe("On the timeline: 13 Sep 2013");
    const [pagePath, id] = mark.getAttribute("href")!.split("#");
    expect(pagePath).toBe("/timeline/");
    const event = (await site.page("/timeline/"))!.getElementById(id)!;
    expect(event, "the event the mark links to").not.toBeNull();
    expect(event.closest(".tl-day")!.querySelector("time")!.textContent).toBe("Friday 13 September");
    // ... and the event links back to that very paragraph.
    const back = [...event.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(back).toContain(`/articles/${article.bbc}/#${paragraph.id}`);
  });

  it("mark the entries of an embedded timeline, and every mark leads to an event that exists", async () => {
    const timelineDoc = (await site.page("/timeline/"))!;
    for (const id of [article.afp, article.aj, article.bbc]) {
      const doc = (await site.page(`/articles/${id}/`))!;
      const marks = [...doc.querySelectorAll("a.tl-ref")];
      expect(marks.length, id).toBeGreaterThan(0);
      for (const a of marks) expect(timelineDoc.getElementById(a.getAttribute("href")!.split("#")[1]), a.getAttribute("href")!).not.toBeNull();
    }
    // BBC's printed timeline: "5-6 Sep" Putin and Obama at the G20.
    const bbc = (await site.page(`/articles/${article.bbc}/`))!;
    const entry = [...bbc.querySelectorAll(".timeline__entries li")].find((li) => li.textContent!.includes("Putin and Barack Obama"))!;
    expect(entry.querySelector("a.tl-ref")!.textContent).toBe("On the timeline: 5–6 Sep 2013");
  });
});
