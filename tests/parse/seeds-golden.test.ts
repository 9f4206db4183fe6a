/**
 * Golden facts about the three founding reports, read by hand from the files in seeds/ (see the
 * foundation issue). Expected values are typed here from reading the reports, not from the parser.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { unaccountedLines } from "../../src/record/accounting.ts";
import type { ArticleRecord, TimelineBlock } from "../../src/record/schema.ts";
import { AFP, ALJAZEERA, BBC, parseSeed, seedArchive } from "../helpers/seeds.ts";

let archive: Map<string, ArticleRecord>;
beforeAll(() => {
  archive = seedArchive();
});
const paragraphs = (r: ArticleRecord) => r.body.filter((b) => b.type === "paragraph").map((b) => b.text);
const headings = (r: ArticleRecord) => r.body.filter((b) => b.type === "heading").map((b) => b.text);

describe("every seed", () => {
  it.each([AFP, ALJAZEERA, BBC])("%s loses no line: every word of every line is in some field", (file) => {
    const { doc, record, usable } = parseSeed(file);
    expect(usable).toBe(true);
    expect(unaccountedLines(record, doc.lines)).toEqual([]);
    expect(record.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  it("ids are unique URL-safe slugs", () => {
    const ids = [...archive.values()].map((r) => r.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });
});

describe("AFP report", () => {
  it("is from Agence France-Presse, the closing image credit being a credit, not a paragraph", () => {
    const r = archive.get(AFP)!;
    expect(r.source.id).toBe("afp");
    expect(r.source.name).toBe("Agence France-Presse");
    expect(r.media).toEqual([expect.objectContaining({ credit: "Agence France-Presse", text: "[Image via Agence France-Presse]" })]);
    expect(paragraphs(r).some((p) => p.includes("Image via"))).toBe(false);
  });

  it("prints no headline, so one is derived from the lead", () => {
    const r = archive.get(AFP)!;
    expect(r.headlineOrigin).toBe("derived");
    expect(r.headline.startsWith("The United States and Russia were Saturday to hold a third day")).toBe(true);
  });

  it("has 29 body paragraphs, from the lead to the last sentence", () => {
    const r = archive.get(AFP)!;
    expect(paragraphs(r)).toHaveLength(29);
    expect(paragraphs(r)[0]).toMatch(/^The United States and Russia were Saturday to hold a third day of complex talks/);
    expect(paragraphs(r)[28]).toMatch(/would not be enough to swing the Kremlin behind military action\.$/);
  });

  it("is dated Saturday 14 Sep 2013, inferred from its lead and the dated reports of the same story", () => {
    const r = archive.get(AFP)!;
    expect(r.published).toMatchObject({ date: "2013-09-14", origin: "inferred" });
    expect(r.published!.evidence).toContain("were Saturday to hold a third day");
  });
});

describe("Al Jazeera report", () => {
  it("states its masthead: section, headline, standfirst and date", () => {
    const r = archive.get(ALJAZEERA)!;
    expect(r.source).toMatchObject({ id: "al-jazeera", name: "Al Jazeera" });
    expect(r.section).toBe("Middle East");
    expect(r.headline).toBe("US and Russia enter third day of Syria talks");
    expect(r.headlineOrigin).toBe("stated");
    expect(r.standfirst).toBe("John Kerry and his Russian counterpart seek to hammer out a deal on eliminating Syria's arsenal of chemical weapons.");
    expect(r.published).toMatchObject({ date: "2013-09-14", time: "07:13", origin: "stated" });
    expect(r.published!.evidence).toContain("Last Modified: 14 Sep 2013 07:13");
  });

  it("removes both share bars, the topics line, the teaser marker and its nine teasers, each with a reason", () => {
    const r = archive.get(ALJAZEERA)!;
    const removed = r.removed.map((x) => x.text);
    for (const bar of ["Email Article", "Print Article", "Share article", "Send Feedback"]) {
      expect(removed.filter((t) => t === bar)).toHaveLength(2);
    }
    expect(removed).toContain("Topics in this article");
    expect(removed).toContain("Featured on Al Jazeera");
    const teasers = [
      "At least 25 tax collectors have been killed since 2012 in Mogadishu, a city awash in weapons and abject poverty.",
      "Tokyo government claims its homeless population has hit a record low, but analysts - and the homeless - beg to differ.",
      "3D printers can cheaply construct homes and could soon be deployed to help victims of catastrophe rebuild their lives.",
      "Lack of child protection laws means abandoned and orphaned kids rely heavily on the care of strangers.",
      "Booming global trade in 50-million-year-old amber stones is lucrative, controversial, and extremely dangerous.",
      "Legendary Native-American High Bird was trained in ancient warrior traditions, which he employed in World War II.",
      "Hounded opposition figure says he's hoping for the best at sodomy appeal but prepared to return to prison.",
      "Fears of rising Islamophobia and racial profiling after two soldiers killed in separate incidents.",
      "Group's culture of summary justice is back in Northern Ireland's spotlight after new sexual assault accusations.",
    ];
    for (const t of teasers) expect(removed).toContain(t);
    expect(r.removed).toHaveLength(8 + 2 + 9);
    for (const x of r.removed) expect(x.reason.length).toBeGreaterThan(5);
  });

  it("keeps the photo caption with its Reuters credit, the two subheadings and the related link", () => {
    const r = archive.get(ALJAZEERA)!;
    expect(r.media).toEqual([
      expect.objectContaining({ caption: "Washington and Moscow are also working to get peace talks to end Syria's war", credit: "Reuters" }),
    ]);
    expect(headings(r)).toEqual(["Reviving talks", "UN seeks more information"]);
    expect(r.related.map((x) => x.text)).toEqual(["In-depth coverage of escalating violence across Syria"]);
  });

  it("has 20 body paragraphs, from the lead to the opposition's call for a UN resolution", () => {
    const p = paragraphs(archive.get(ALJAZEERA)!);
    expect(p).toHaveLength(20);
    expect(p[0]).toMatch(/^The United States and Russia are to hold a third day/);
    expect(p[19]).toMatch(/urged a tough UN resolution to enforce the measure\.$/);
  });
});

describe("BBC report", () => {
  it("takes its source from the SOURCE line, which is not body text", () => {
    const r = archive.get(BBC)!;
    expect(r.source).toMatchObject({ id: "bbc", name: "BBC", origin: "stated" });
    expect(r.body.some((b) => b.text.includes("SOURCE"))).toBe(false);
  });

  it("prints no headline", () => {
    expect(archive.get(BBC)!.headlineOrigin).toBe("derived");
  });

  it("joins hard-wrapped lines into their paragraphs", () => {
    const p = paragraphs(archive.get(BBC)!);
    expect(p[0]).toBe("The US and Russian foreign ministers are due to hold their second round of talks in Geneva on how to secure Syria's chemical weapons.");
    expect(p).toContain(
      "Russia announced its proposal for dealing with the escalating chemical weapons crisis on Monday, as the US Congress was preparing to debate whether to back President Barack Obama's moves towards military strikes.",
    );
  });

  it("splits glued sentences into their paragraphs", () => {
    const p = paragraphs(archive.get(BBC)!);
    const at = (start: string) => p.findIndex((x) => x.startsWith(start));
    expect(p[at("The BBC's Paul Adams") - 1].endsWith("Talks may continue beyond Friday.")).toBe(true);
    expect(p[at("President Assad said data on chemical weapons") - 1].endsWith("a key step in the Russian plan.")).toBe(true);
  });

  it("recognises the glued subheading 'Not a game'", () => {
    const body = archive.get(BBC)!.body;
    const i = body.findIndex((b) => b.type === "heading" && b.text === "'Not a game'");
    expect(i).toBeGreaterThan(0);
    expect(body[i + 1].type).toBe("paragraph");
    expect(body[i + 1].text.startsWith("While UN chief Ban Ki-moon welcomed the application")).toBe(true);
  });

  it("parses the embedded timeline, typo kept, five entries each free of the next label", () => {
    const timeline = archive.get(BBC)!.body.find((b): b is TimelineBlock => b.type === "timeline")!;
    expect(timeline.title).toBe("Chemichal weapons plan timeline");
    expect(timeline.entries.map((e) => [e.label, e.start, e.end])).toEqual([
      ["5-6 Sep", "2013-09-05", "2013-09-06"],
      ["9 Sep", "2013-09-09", undefined],
      ["10 Sep", "2013-09-10", undefined],
      ["12 Sep", "2013-09-12", undefined],
      ["13 Sep", "2013-09-13", undefined],
    ]);
    expect(timeline.entries[0].text).toBe(
      "Vladimir Putin and Barack Obama discuss idea of placing Syria's chemical weapons under international control on sidelines of G20 summit",
    );
    expect(timeline.entries[1].text.startsWith("Russia's Foreign Minister Sergei Lavrov says")).toBe(true);
    expect(timeline.entries[4].text).toBe("Second round of Geneva talks to take place");
  });

  it("is dated Friday 13 Sep 2013, inferred", () => {
    expect(archive.get(BBC)!.published).toMatchObject({ date: "2013-09-13", origin: "inferred" });
  });
});
