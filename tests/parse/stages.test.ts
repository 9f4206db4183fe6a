/** The parse stages one at a time, on hand-written cases beyond the seeds. */
import { describe, expect, it } from "vitest";
import { ingestBytes } from "../../src/ingest/read-report.ts";
import { headlineFromLead } from "../../src/parse/derive-headline.ts";
import { continuesOnto, joinWrappedLines } from "../../src/parse/logical-lines.ts";
import { parseDateline } from "../../src/parse/parse-dateline.ts";
import { parseDocument } from "../../src/parse/parse-document.ts";
import { slugify } from "../../src/parse/slug.ts";
import { splitGluedHeading, splitGluedSentences } from "../../src/parse/split-glued.ts";
import { resolveTimelineLabel } from "../../src/parse/timeline-labels.ts";

const parse = (text: string, file = "seeds/t.txt") => parseDocument(ingestBytes(Buffer.from(text), file));

describe("joining hard-wrapped lines", () => {
  it.each([
    ["The", "US and Russian foreign ministers are due", true], // a lone article cannot end a paragraph
    ["talks on how to secure the weapons in the port of", "Latakia by the end of the year.", true],
    ["Obama said the plan would need a vote in the", "Senate.", true],
    ["a long line of prose that was cut by the dump at column seventy President Barack", "Obama's moves.", true],
    ["It ended.", "The next paragraph starts here.", false],
    ["Reviving talks", "Washington and Moscow were also working hard.", false], // a heading
    ["Chemical weapons plan timeline", "5-6 Sep: Putin and Obama discuss", false], // never into a timeline label
    ["He said:", "“We will go.”", false],
  ])("%j + %j -> %s", (a, b, expected) => {
    expect(continuesOnto(a, b)).toBe(expected);
  });

  it("keeps line numbers of every joined line, and blank lines end a paragraph", () => {
    const lines = ["The", "cat sat.", "", "Next"].map((text, i) => ({ n: i + 1, text }));
    expect(joinWrappedLines(lines)).toEqual([
      { text: "The cat sat.", lines: [1, 2] },
      { text: "Next", lines: [4] },
    ]);
  });
});

describe("glued text", () => {
  it.each([
    ["Talks may go on.The envoy says so.", ["Talks may go on.", "The envoy says so."]],
    ['He said "no."Then he left.', ['He said "no."', "Then he left."]],
    ["The U.S. Army and Mr. Smith met in St. Louis.", ["The U.S. Army and Mr. Smith met in St. Louis."]], // abbreviations stay
    ["Version 2.5 was released.", ["Version 2.5 was released."]],
  ])("%j", (text, expected) => {
    expect(splitGluedSentences(text).map((p) => p.text)).toEqual(expected);
  });

  it("splits a short quoted subheading from the paragraph glued after it", () => {
    expect(splitGluedHeading("'Not a game' While UN chief Ban Ki-moon welcomed the application, the UN would not")).toMatchObject({
      heading: "'Not a game'",
      rest: "While UN chief Ban Ki-moon welcomed the application, the UN would not",
    });
    expect(splitGluedHeading('"We will win," he said at the rally in the capital on Sunday.')).toBeUndefined();
    expect(splitGluedHeading("'Yes' Short.")).toBeUndefined();
  });
});

describe("timeline labels", () => {
  it.each([
    ["5-6 Sep", "2013-09-13", { start: "2013-09-05", end: "2013-09-06" }],
    ["9 Sep", "2013-09-13", { start: "2013-09-09" }],
    ["Dec 30", "2014-01-02", { start: "2013-12-30" }], // the run-up crosses the new year
    ["14 Sep 2012", "2013-09-13", { start: "2012-09-14" }],
    ["March 2011", "2013-09-13", {}], // a month gets no invented day
    ["9 Sep", undefined, {}], // no anchor, no guess
  ])("%s against %s", (label, anchor, expected) => {
    const { start, end } = resolveTimelineLabel(label, anchor);
    expect({ ...(start && { start }), ...(end && { end }) }).toEqual(expected);
  });
});

describe("datelines", () => {
  it.each([
    ["14 Sep 2013 07:13", { date: "2013-09-14", time: "07:13" }],
    ["19 November 2019, 09:01 AM", { date: "2019-11-19", time: "09:01" }],
    ["Nov. 20, 2019", { date: "2019-11-20", time: undefined }],
    ["3 hours ago", undefined],
    ["Friday", undefined],
  ])("%s", (text, expected) => {
    const got = parseDateline(text);
    expect(got && { date: got.date, time: got.time }).toEqual(expected);
  });

  it("a relative dateline is removed with a reason and an info diagnostic, and gives no date", () => {
    const r = parse("Published 3 hours ago\n\nThe council voted on Tuesday to close the old bridge after engineers found deep cracks in its piers.\n");
    expect(r.published).toBeNull();
    expect(r.removed[0]).toMatchObject({ line: 1, text: "Published 3 hours ago" });
    expect(r.diagnostics.map((d) => d.rule)).toContain("relative-dateline");
  });
});

describe("derived headlines", () => {
  it.each([
    ["Short lead sentence here. Second sentence.", "Short lead sentence here"],
    [
      "The United States and Russia were Saturday to hold a third day of complex talks, seeking to hammer out a deal on eliminating Syria's arsenal.",
      "The United States and Russia were Saturday to hold a third day of complex talks",
    ],
    [
      "The US and Russian foreign ministers are due to hold their second round of talks in Geneva on how to secure Syria's chemical weapons.",
      "The US and Russian foreign ministers are due to hold their second round of talks in Geneva on how…",
    ],
  ])("%s", (lead, expected) => {
    expect(headlineFromLead(lead)).toBe(expected);
  });
});

describe("outlets without a profile (the generic path)", () => {
  const body = "The council voted on Tuesday to close the old bridge after engineers found deep cracks in its piers.\n";
  it("takes the source from a SOURCE line", () => {
    expect(parse(`${body}SOURCE: Nowhere Herald\n`).source).toMatchObject({ id: "nowhere-herald", name: "Nowhere Herald", origin: "stated" });
  });
  it("takes the agency from a wire dateline and maps it to a profile's alias", () => {
    const r = parse(`NAIROBI, Kenya (AP) _\n\n${body}`);
    expect(r.source).toMatchObject({ id: "associated-press", origin: "stated" });
    expect(r.fields).toContainEqual({ field: "dateline", text: "NAIROBI, Kenya (AP) _", line: 1 });
  });
  it("takes the headline and site from a page title line", () => {
    const r = parse(`Bridge closed after cracks found - The Valley Courier\n\n${body}`);
    expect(r.headline).toBe("Bridge closed after cracks found");
    expect(r.source).toMatchObject({ id: "the-valley-courier", origin: "inferred" });
  });
  it("takes no wire dateline from below the story's first paragraph: a heading there may look like one", () => {
    const r = parse(`Free calls for hotspot users | The Valley Courier\n\n${body}FATAL FORCE (MACROSPACE)\n${body}`);
    expect(r.source).toMatchObject({ id: "the-valley-courier", origin: "inferred" });
  });
  it("takes the site after the last separator of a page title, whichever kind it is", () => {
    const r = parse(`Lords wrong on detainees - Straw | The Valley Courier\n\n${body}`);
    expect(r.source).toMatchObject({ id: "the-valley-courier", name: "The Valley Courier", origin: "inferred" });
    // "- Straw" is the headline's own (another separator than the site's), not a section to drop.
    expect(r.headline).toBe("Lords wrong on detainees - Straw");
  });
  it("says so when no outlet can be found", () => {
    const r = parse(body);
    expect(r.source.id).toBe("unknown");
    expect(r.diagnostics.map((d) => d.rule)).toContain("unknown-source");
  });
  it("reads a byline and a stated dateline", () => {
    const r = parse(`Bridge closed after cracks found\nBy Jane Doe\nPublished: 3 March 2021 10:15\n\n${body}`);
    expect(r.byline).toBe("Jane Doe");
    expect(r.published).toMatchObject({ date: "2021-03-03", time: "10:15", origin: "stated" });
    expect(r.headline).toBe("Bridge closed after cracks found");
  });
});

describe("generic boilerplate beyond the seeds' outlets", () => {
  const prose = [
    "The council voted on Tuesday to close the old bridge after engineers found deep cracks in its piers.",
    "Repairs are expected to take at least two years, and a temporary crossing will open next month.",
  ];
  const removedReason = (r: ReturnType<typeof parse>, text: string) => r.removed.find((x) => x.text.trim() === text)?.reason;
  it.each([
    ["Image 1 of / 1", "gallery control"],
    ["Photo 3 of 12", "gallery control"],
    ["NEWSLETTERS", "newsletter sign-up"],
    ["Receive the latest local updates in your inbox", "newsletter sign-up"],
    ["This document is subject to copyright. Apart from any fair dealing, no part may be reproduced.", "copyright footer"],
    ["Citation: Bridge to close (2019, November 18) retrieved 20 November 2019 from https://example.org/news/bridge.html", "citation note"],
  ])("removes %j as %s", (line, reason) => {
    const r = parse(`${prose[0]}\n\n${line}\n\n${prose[1]}\n`);
    expect(removedReason(r, line)).toBe(reason);
    expect(r.body.map((b) => b.text)).toEqual(prose);
  });
  it("closes the article at an author's 'More articles from' list", () => {
    const r = parse(`${prose.join("\n\n")}\n\nMore articles from Jane Doe\n\nCity budget passes\n\nMayor opens new library\n`);
    expect(r.body.map((b) => b.text)).toEqual(prose);
  });
});

describe("HTML captions", () => {
  const html = (figure: string) =>
    Buffer.from(`<html><head><title>Bridge closed - Example</title></head><body><article>
      <p>The council voted on Tuesday to close the old bridge after engineers found deep cracks in its piers, officials said.</p>
      <figure><img src="b.jpg" alt=""><figcaption>${figure}</figcaption></figure>
      <p>Repairs are expected to take at least two years, and a temporary crossing will open next month, the council said.</p>
      <p>Residents said the closure would add twenty minutes to journeys into the town centre during the morning rush.</p>
    </article></body></html>`);
  it("takes a <figcaption> out of the body into media, whatever its wording", () => {
    const caption = "Engineers inspect the cracked piers of the old bridge on Monday, a day before the vote";
    const r = parseDocument(ingestBytes(html(caption), "seeds/bridge.html"));
    expect(r.body.map((b) => b.text).join(" ")).not.toContain("Engineers inspect");
    expect(r.media).toContainEqual(expect.objectContaining({ caption, text: caption }));
  });
});

describe("slugs", () => {
  it.each([
    ["US and Russia enter third day of Syria talks", "us-and-russia-enter-third-day-of-syria-talks"],
    ["../../etc/passwd", "etc-passwd"],
    ["Café ‘déjà vu’ — 100%", "cafe-deja-vu-100"],
    ["???", ""],
  ])("%s", (text, expected) => {
    expect(slugify(text)).toBe(expected);
  });
});

describe("page dumps: titles set line under line are not wrapped prose", () => {
  const lines = (...texts: string[]) => texts.map((text, i) => ({ n: i + 1, text }));

  it("keeps teaser titles apart on a page whose paragraphs are single long lines", () => {
    const para = "The council voted on Tuesday to approve the new bridge over the river, ending a debate that has lasted for more than a decade in the town.";
    const out = joinWrappedLines(
      lines(para, "", para, "", "'Comes down to one guy': All eyes turn to the envoy", "2 US service members die in helicopter crash", "Minister resigns over leaked budget, officials says"),
    );
    expect(out.map((l) => l.text).slice(2)).toEqual([
      "'Comes down to one guy': All eyes turn to the envoy",
      "2 US service members die in helicopter crash",
      "Minister resigns over leaked budget, officials says",
    ]);
  });

  it("still joins a full line of a paragraph that was wrapped at a column", () => {
    const out = joinWrappedLines(
      lines("Russia announced its proposal for", "dealing with the crisis on Monday, as the", "US Congress was preparing to debate whether to back President", "Obama's moves."),
    );
    expect(out).toHaveLength(1);
  });

  it("does not join after a verb a headline may end on, unless the line is full", () => {
    expect(continuesOnto("Police close the bridge, mayor says", "Storm warning for the weekend", 300)).toBe(false);
    expect(continuesOnto("Officials said", "the storm would reach the coast by Friday", 300)).toBe(true);
    expect(continuesOnto("Police said", "Storm damage was worst on the coast", 300)).toBe(true); // two words are no headline
  });
});

describe("page dumps: headline and publication date", () => {
  const nav = Array.from({ length: 12 }, (_, i) => `Section ${i + 1}`);
  const prose = [
    "The city council voted on Tuesday to approve a new pedestrian bridge over the river, ending a debate that has lasted for more than a decade.",
    "Supporters said the bridge would connect the two halves of the town and bring more visitors to the shops on the eastern bank of the river.",
    "The project is expected to cost about twelve million pounds and should be finished within three years, according to the council's own estimates.",
  ];
  const page = (masthead: string[]) =>
    parse(["Council approves new bridge | Local | News | Example Times", "", ...nav, "", "Wednesday, November 20, 2019", "", ...masthead, "", prose.join("\n\n")].join("\n"), "seeds/page.txt");

  it("takes the headline from the page title, without the site and its section path", () => {
    const r = page(["Council approves new bridge", "Published Nov. 19, 2019 5:30 am ET"]);
    expect(r.headline).toBe("Council approves new bridge");
    expect(r.published).toMatchObject({ date: "2019-11-19", time: "05:30", origin: "stated" });
  });

  it("takes the date nearest the article, not the header's date of the day", () => {
    const r = page(["Council approves new bridge", "By Jane Smith and John Doe", "November 18, 2019"]);
    expect(r.published).toMatchObject({ date: "2019-11-18" });
  });

  it("prefers the publication to the update on one line", () => {
    const r = page(["Council approves new bridge", "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 18, 2019 8:02 am ET"]);
    expect(r.published).toMatchObject({ date: "2019-11-18", time: "08:02" });
  });

  it("does not read a photo caption's date as the publication date", () => {
    const r = page(["Council approves new bridge", "Workers inspect the old bridge on Aug. 31, 2019. (AP)"]);
    expect(r.published?.date).not.toBe("2019-08-31");
  });

  it("reads a relative dateline as no date", () => {
    const r = parse(["Council approves new bridge", "", ...nav, "", "Council approves new bridge", "Published 3 hours ago", "", prose.join("\n\n")].join("\n"), "seeds/page.txt");
    expect(r.headline).toBe("Council approves new bridge");
    expect(r.published).toBeNull();
  });
});

describe("bylines and dateline labels", () => {
  const body = "The council voted on Saturday to close the old bridge after engineers found deep cracks in its piers, officials said.\n";
  it("reads a byline with the reporter's location, and the plain date under it", () => {
    const r = parse(`Bridge talks end in deal\nBy Helen Marchetti in Geneva\nSaturday 14 September 2013 16:05 GMT\n\n${body}`);
    expect(r.byline).toBe("Helen Marchetti in Geneva");
    expect(r.headline).toBe("Bridge talks end in deal");
    expect(r.published).toMatchObject({ date: "2013-09-14", time: "16:05", origin: "stated" });
  });
  it("does not take a wrapped body line that starts with a dateline word for a dateline", () => {
    const r = parse(`Posted the music video on Friday, the band said it would tour across Europe later this year with\nnew songs from the album that was recorded in Berlin over the winter months of last year.\n\n${body}`);
    expect(r.diagnostics.map((d) => d.rule)).not.toContain("relative-dateline");
    expect(r.body[0].text.startsWith("Posted the music video")).toBe(true);
  });
});
