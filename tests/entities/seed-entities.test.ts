/** Entities of the three seeds, aliases merged. Expected values read by hand from seeds/*.txt. */
import { beforeAll, describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import type { Archive } from "../../src/archive/types.ts";
import { linkEntities } from "../../src/entities/link-entities.ts";
import type { Entity } from "../../src/entities/types.ts";
import { AFP, ALJAZEERA, BBC, parseSeed, seedFiles } from "../helpers/seeds.ts";

let archive: Archive;
let byId: Map<string, Entity>;
const idOf = (file: string) => archive.records.find((r) => r.sourceFile === file)!.id;
const forms = (e: Entity) => new Set(e.mentions.map((m) => m.text));

beforeAll(() => {
  archive = buildArchive(seedFiles().map((f) => parseSeed(`seeds/${f}`).record));
  byId = new Map(archive.entities!.map((e) => [e.id, e]));
});

describe("seed entities", () => {
  it.each([
    ["john-kerry", "John Kerry", "person"],
    ["sergei-lavrov", "Sergei Lavrov", "person"],
    ["ban-ki-moon", "Ban Ki-moon", "person"],
    ["bashar-al-assad", "Bashar al-Assad", "person"],
    ["lakhdar-brahimi", "Lakhdar Brahimi", "person"],
    ["opcw", "OPCW", "organisation"],
    ["un-security-council", "UN Security Council", "organisation"],
    ["geneva", "Geneva", "place"],
    ["damascus", "Damascus", "place"],
    ["ghouta", "Ghouta", "place"],
  ])("has an entity %s named %s (%s)", (id, name, kind) => {
    expect(byId.get(id)).toMatchObject({ name, kind });
  });

  it("merges Assad, Bashar Assad and Bashar al-Assad into one entity named in all three reports", () => {
    const assad = byId.get("bashar-al-assad")!;
    expect(forms(assad)).toEqual(new Set(["Bashar al-Assad", "Assad", "Bashar Assad"]));
    expect(new Set(assad.articleIds)).toEqual(new Set([idOf(AFP), idOf(ALJAZEERA), idOf(BBC)]));
    expect(archive.entities!.filter((e) => /assad/i.test(e.name))).toHaveLength(1);
  });

  it("merges Mr Kerry and Kerry into John Kerry", () => {
    const kerry = byId.get("john-kerry")!;
    expect(forms(kerry)).toEqual(new Set(["John Kerry", "Kerry", "Mr Kerry"]));
    expect(archive.entities!.some((e) => e.name === "Kerry" || e.name === "Mr Kerry")).toBe(false);
  });

  it("merges Mr Brahimi into Lakhdar Brahimi (BBC only)", () => {
    const brahimi = byId.get("lakhdar-brahimi")!;
    expect(forms(brahimi)).toEqual(new Set(["Lakhdar Brahimi", "Mr Brahimi"]));
    expect(brahimi.articleIds).toEqual([idOf(BBC)]);
  });

  it("finds Ghouta in the BBC report only, Geneva in all three", () => {
    expect(byId.get("ghouta")!.articleIds).toEqual([idOf(BBC)]);
    expect(new Set(byId.get("geneva")!.articleIds)).toEqual(new Set([idOf(AFP), idOf(ALJAZEERA), idOf(BBC)]));
  });

  it("finds the OPCW by its full name and acronym (AFP only)", () => {
    const opcw = byId.get("opcw")!;
    expect(opcw.articleIds).toEqual([idOf(AFP)]);
    expect(forms(opcw)).toContain("Organisation for the Prohibition of Chemical Weapons");
  });

  it("finds people the alias table does not list, with titles stripped (compromise)", () => {
    // AFP: "French Foreign Minister Laurent Fabius", "Israeli Prime Minister Benjamin Netanyahu".
    expect(byId.get("laurent-fabius")?.kind).toBe("person");
    expect(byId.get("benjamin-netanyahu")?.kind).toBe("person");
  });

  it("attributes Ban's 'crimes against humanity' to Ban Ki-moon in AFP and Al Jazeera", () => {
    const quotes = byId.get("ban-ki-moon")!.quotes.filter((q) => q.text.includes("crimes against humanity"));
    expect(new Set(quotes.map((q) => q.articleId))).toEqual(new Set([idOf(AFP), idOf(ALJAZEERA)]));
  });

  it("does not make an entity of a title alone or of the 'State John' mis-tag", () => {
    const names = archive.entities!.map((e) => e.name);
    expect(names).not.toContain("President");
    expect(names.some((n) => n.includes("State John"))).toBe(false);
  });
});

describe("linking entity names in article text", () => {
  it("links each named entity in a paragraph and escapes the rest", () => {
    const bbc = archive.records.find((r) => r.sourceFile === BBC)!;
    const index = bbc.body.findIndex((b) => b.text.startsWith("Washington accuses"));
    const html = linkEntities(bbc.body[index].text, bbc.id, index, archive.entities);
    expect(html).toContain('<a class="entity-link" href="/entities/ghouta/">Ghouta</a>');
    expect(html).toContain('<a class="entity-link" href="/entities/damascus/">Damascus</a>');
    expect(html).toContain("hundreds of people");
  });

  it("escapes markup in report text", () => {
    expect(linkEntities("<script>alert(1)</script> & Geneva", "x", 0, [])).toBe("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Geneva");
  });
});
