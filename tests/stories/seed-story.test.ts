/**
 * The three seeds (AFP, Al Jazeera, BBC on the Sept 2013 Geneva talks) as one story. Expected values
 * are read by hand from seeds/*.txt.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import type { Archive } from "../../src/archive/types.ts";
import type { Story } from "../../src/stories/types.ts";
import { AFP, ALJAZEERA, BBC, parseSeed, seedFiles } from "../helpers/seeds.ts";

let archive: Archive;
let story: Story;
const idOf = (file: string) => archive.records.find((r) => r.sourceFile === file)!.id;

beforeAll(() => {
  archive = buildArchive(seedFiles().map((f) => parseSeed(`seeds/${f}`).record));
  story = archive.stories![0];
});

describe("seed story grouping", () => {
  it("groups the three seeds into exactly one story", () => {
    expect(archive.stories).toHaveLength(1);
    expect(new Set(story.articleIds)).toEqual(new Set([idOf(AFP), idOf(ALJAZEERA), idOf(BBC)]));
  });

  it("dates the story from the BBC preview (13 Sep) to the third-day reports (14 Sep)", () => {
    expect(story.start).toBe("2013-09-13");
    expect(story.end).toBe("2013-09-14");
    // The earliest report names the story's id: the BBC report, published the day before the others.
    expect(story.id).toBe(idOf(BBC));
    expect(story.articleIds[0]).toBe(idOf(BBC));
  });

  it("takes its title from the one report that prints a headline (Al Jazeera)", () => {
    expect(story.title).toBe("US and Russia enter third day of Syria talks");
  });
});

describe("where the seeds disagree", () => {
  const wordingBySource = (d: Story["comparison"]["discrepancies"][number]) =>
    Object.fromEntries(d.claims.map((c) => [archive.records.find((r) => r.id === c.articleId)!.sourceFile, c.wording]));

  it("finds the death toll of the August attack with each source's exact wording", () => {
    const toll = story.comparison.discrepancies.find((d) => d.unit === "people");
    expect(toll).toBeDefined();
    expect(wordingBySource(toll!)).toEqual({
      [AFP]: "about 1,400 people",
      [ALJAZEERA]: "1,429 people",
      [BBC]: "hundreds of people",
    });
  });

  it("links each claim to the paragraph it is read from", () => {
    const toll = story.comparison.discrepancies.find((d) => d.unit === "people")!;
    const afp = toll.claims.find((c) => c.articleId === idOf(AFP))!;
    const record = archive.records.find((r) => r.id === afp.articleId)!;
    expect(record.body[afp.blockIndex].text).toContain("killed about 1,400 people");
    expect(afp.attribution).toBe("Washington");
  });

  it("finds when the second day of talks ended: AFP 'around 2:00 am', Al Jazeera 'after the midnight'", () => {
    const end = story.comparison.discrepancies.find((d) => d.kind === "time");
    expect(end).toBeDefined();
    expect(wordingBySource(end!)).toEqual({ [AFP]: "around 2:00 am", [ALJAZEERA]: "after the midnight" });
  });

  it("does not report the 1,000 tonnes estimate ('around' vs 'about' the same figure) nor BBC's 100,000 war dead", () => {
    const units = story.comparison.discrepancies.map((d) => d.unit);
    expect(units).not.toContain("tonne");
    expect(units).not.toContain("tonnes");
    const people = story.comparison.discrepancies.filter((d) => d.unit === "people");
    expect(people).toHaveLength(1);
    expect(people[0].claims.map((c) => c.wording)).not.toContain("More than 100,000 people");
  });
});

describe("quotes the seeds share", () => {
  const sourcesOf = (fragment: string) => {
    const q = story.comparison.sharedQuotes.find((x) => x.text.includes(fragment));
    return q ? new Set(q.sources.map((s) => archive.records.find((r) => r.id === s.articleId)!.sourceFile)) : undefined;
  };

  it.each([
    "It's the same questions of what is it, where is it, how do we track it down",
    "carried out many crimes against humanity",
    "deeply sceptical",
  ])("shows %j once, carried by AFP and Al Jazeera", (fragment) => {
    expect(sourcesOf(fragment)).toEqual(new Set([AFP, ALJAZEERA]));
    expect(story.comparison.sharedQuotes.filter((q) => q.text.includes(fragment))).toHaveLength(1);
  });

  it("attributes Ban's words to Ban in both reports", () => {
    const q = story.comparison.sharedQuotes.find((x) => x.text.includes("crimes against humanity"))!;
    expect(q.sources.map((s) => s.speaker)).toEqual(["Ban", "Ban"]);
  });

  it("does not treat single scare-quoted words ('overwhelming', 'accountability') as shared quotations", () => {
    expect(story.comparison.sharedQuotes.map((q) => q.text)).not.toContain("overwhelming");
    expect(story.comparison.sharedQuotes.map((q) => q.text)).not.toContain("accountability");
  });
});

describe("what all say and what only one says", () => {
  it("aligns the UN-convention filing across all three reports", () => {
    const filing = story.comparison.allSay.find((m) => m.sentences.some((s) => s.text.startsWith("The UN has confirmed it has received documents")));
    expect(filing).toBeDefined();
    expect(filing!.sentences.map((s) => s.text.slice(0, 30))).toContain("Syria has filed documents at t");
  });

  it("lists Kerry's walk to Lake Geneva as told by AFP only", () => {
    const afp = story.comparison.onlyOne.find((o) => o.articleId === idOf(AFP))!;
    expect(afp.sentences.some((s) => s.text.includes("brisk walk"))).toBe(true);
  });

  it("lists the Free Syrian Army spokesman as told by the BBC only", () => {
    const bbc = story.comparison.onlyOne.find((o) => o.articleId === idOf(BBC))!;
    expect(bbc.sentences.some((s) => s.text.includes("Louay Moqdad"))).toBe(true);
  });
});
