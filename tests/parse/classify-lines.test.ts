/** The line classifier on a small hand-made page dump: what it keeps, what it drops and why. */
import { describe, expect, it } from "vitest";
import { classifyLines } from "../../src/parse/classify-lines.ts";

const PAGE = `Home
News
Sport
Weather
Business

Council approves new bridge over the river

By Jane Smith
Published 12 March 2021

The city council voted on Tuesday to approve a new pedestrian bridge over the river, ending a debate that has lasted for more than a decade.

Supporters said the bridge would connect the two halves of the town and bring more visitors to the shops on the eastern bank.

Costs and delays

The project is expected to cost about 12 million pounds and should be finished within three years, according to the council's own estimates.

Opponents argued that the money would be better spent on repairing the roads, which they said were in a poor state after the winter.

Share this article
12 comments

Most read
Man arrested after break-in at local shop
School wins national chess title
Weather warning issued for the weekend

We use cookies to improve your experience on our site. By continuing you accept our cookie policy.
© 2021 Example News. All rights reserved.`;

const lines = PAGE.split("\n").map((text, i) => ({ n: i + 1, text }));
const verdicts = classifyLines(lines, { headlineLine: 7 });
const byText = (t: string) => verdicts.get(lines.find((l) => l.text === t)!.n)!;

describe("classifyLines", () => {
  it("gives every non-blank line a verdict and blank lines none", () => {
    expect(verdicts.size).toBe(lines.filter((l) => l.text.trim()).length);
    for (const l of lines) if (!l.text.trim()) expect(verdicts.has(l.n)).toBe(false);
  });

  it("keeps the paragraphs and the subheading between them", () => {
    const kept = lines.filter((l) => verdicts.get(l.n)?.content).map((l) => l.text);
    expect(kept).toEqual([
      "The city council voted on Tuesday to approve a new pedestrian bridge over the river, ending a debate that has lasted for more than a decade.",
      "Supporters said the bridge would connect the two halves of the town and bring more visitors to the shops on the eastern bank.",
      "Costs and delays",
      "The project is expected to cost about 12 million pounds and should be finished within three years, according to the council's own estimates.",
      "Opponents argued that the money would be better spent on repairing the roads, which they said were in a poor state after the winter.",
    ]);
  });

  it("names the signal for each dropped line", () => {
    expect(byText("Sport")).toEqual({ content: false, reason: "navigation: run of short link-like lines" });
    expect(byText("By Jane Smith").reason).toBe("byline");
    expect(byText("Published 12 March 2021").reason).toBe("dateline");
    expect(byText("Share this article").reason).toBe("share/subscribe line");
    expect(byText("12 comments").reason).toBe("comment count");
    expect(byText("Most read").reason).toBe("teaser list after the article");
    expect(byText("School wins national chess title").reason).toBe("teaser list after the article");
    expect(byText(lines.at(-2)!.text).reason).toBe("cookie notice");
    expect(byText("© 2021 Example News. All rights reserved.").reason).toBe("footer / copyright");
  });

  it("does not take prose above the headline for the article", () => {
    const page = [
      "Weather warning issued for the weekend as forecasters expect heavy rain across the whole region on Saturday.",
      "",
      "Council approves new bridge over the river",
      "",
      ...lines.slice(11, 21).map((l) => l.text),
    ].map((text, i) => ({ n: i + 1, text }));
    const v = classifyLines(page, { headlineLine: 3 });
    expect(v.get(1)).toEqual({ content: false, reason: "before the headline: page header or navigation" });
    expect(v.get(5)?.content).toBe(true);
  });

  it("drops a run of story titles after the article, blank-separated or not", () => {
    const page = [
      ...lines.slice(11, 21).map((l) => l.text),
      "",
      "Huawei launches operating system as a hedge in trade war",
      "",
      "Carrie Lam says protesters are hurting the economy",
      "",
      "This is the worst case scenario for the trade war",
      "",
      "What you need to know about the new tech giant",
    ].map((text, i) => ({ n: i + 1, text }));
    const v = classifyLines(page);
    expect(v.get(12)).toEqual({ content: false, reason: "teaser list: run of story titles" });
    expect(v.get(18)?.content).toBe(false);
    expect(v.get(1)?.content).toBe(true);
  });

  it("counts lines earlier stages took as non-article lines between prose", () => {
    const settled = new Map([[3, "share/subscribe line"]]);
    const page = [
      "We've detected you are on an old browser. For the best experience, please update to a modern browser today.",
      "",
      "Share this article",
      "Follow us",
      "Subscribe",
      "Sign in",
      "",
      ...lines.slice(11, 21).map((l) => l.text),
    ].map((text, i) => ({ n: i + 1, text }));
    const v = classifyLines(page, { settled });
    expect(v.get(3)).toEqual({ content: false, reason: "share/subscribe line" });
    expect(v.get(8)?.content).toBe(true);
  });

  it("returns an empty map for an empty or blank input", () => {
    expect(classifyLines([]).size).toBe(0);
    expect(classifyLines([{ n: 1, text: "   " }]).size).toBe(0);
  });

  // Hand-written pages shaped like reports the bench generator once made unusable ("no article text").
  const pageOf = (...texts: string[]) => texts.map((text, i) => ({ n: i + 1, text }));
  const keptText = (page: { n: number; text: string }[], v: Map<number, { content: boolean }>) =>
    page.filter((l) => v.get(l.n)?.content).map((l) => l.text);
  it.each([
    {
      name: "prose paragraphs full of figures, set line under line, are not a table",
      page: pageOf(
        "Jobless total rises again",
        "",
        "Email Article",
        "Print Article",
        "",
        "Unemployment rose for the 11th month in a row in December, the statistics office said on Friday, and the year's average was the highest since reunification.",
        "Advertisement",
        "The adjusted total rose by 17,000 to 4.48 million, or 10.8% of the workforce, which is the highest figure since 1990 and well above the 4.40 million that economists had expected for the month.",
        "Unadjusted, the number rose by 206,900 to 4.64 million, with building firms laying off 31,000 workers in the cold weather and shops another 12,500 after the Christmas season had ended.",
        "Economists at two banks said the figure for January 2005 could reach 5.1 million, before it falls back to about 4.4 million in the course of the year.",
        "",
        "Related stories",
        "Minister clashes with judges",
      ),
      kept: [6, 8, 9, 10],
    },
    {
      name: "a short report whose two paragraphs fall just under the stop-word bar keeps them",
      page: pageOf(
        "Yelling takes Cardiff hat-trick",
        "",
        "European cross-country champion Hayley Yelling completed a hat-trick of wins in the Cardiff Cross Challenge, Bute Park, on Sunday.",
        "",
        "The maths teacher beat Irish international Jolene Byrne by 40 metres in the six-kilometre race. Another Great Britain international, Louise Damen, finished third as part of the team from England. Peter Riley, who won bronze at the European Championships last month, won the men's 9km race.",
      ),
      kept: [3, 5],
    },
  ])("$name", ({ page, kept }) => {
    const v = classifyLines(page, { headlineLine: 1, settled: new Map([[1, "headline"]]) });
    expect(keptText(page, v)).toEqual(kept.map((n) => page[n - 1].text));
  });

  it("still keeps a lone near-good line out when the page has good prose elsewhere", () => {
    const page = pageOf(
      ...lines.slice(11, 21).map((l) => l.text),
      "",
      "Newsletter: sign up for the morning briefing, with news from the city and the weekend events guide.",
    );
    const v = classifyLines(page);
    expect(v.get(page.length)?.content).toBe(false);
  });
});
