/** The story and entity pages, rendered from the seeds by the real Eleventy build. */
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import type { Archive } from "../../src/archive/types.ts";
import { renderSite } from "../../src/site/render-site.ts";
import { AFP, ALJAZEERA, BBC, parseSeed, REPO_ROOT, seedFiles } from "../helpers/seeds.ts";

let out: string;
let archive: Archive;
const page = (url: string) => readFileSync(path.join(out, url, "index.html"), "utf8");
const idOf = (file: string) => archive.records.find((r) => r.sourceFile === file)!.id;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), "stories-site-"));
  archive = buildArchive(seedFiles().map((f) => parseSeed(`seeds/${f}`).record));
  await renderSite({ archive, outDir: out, rootDir: REPO_ROOT });
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("story pages", () => {
  it("lists the seed story on /stories/", () => {
    const html = page("stories");
    expect(html).toContain(`href="/stories/${idOf(BBC)}/"`);
    expect(html).toContain("US and Russia enter third day of Syria talks");
  });

  it("shows where the reports disagree, each wording linked to its paragraph", () => {
    const html = page(`stories/${idOf(BBC)}`);
    expect(html).toContain("Where they disagree");
    expect(html).toContain("<q>about 1,400 people</q>");
    expect(html).toContain("<q>1,429 people</q>");
    expect(html).toContain("<q>hundreds of people</q>");
    expect(html).toContain("<q>around 2:00 am</q>");
    expect(html).toContain("<q>after the midnight</q>");
    // AFP's toll is in its fourth block (index 3), Al Jazeera's in its fifth (index 4).
    expect(html).toContain(`href="/articles/${idOf(AFP)}/#b3"`);
    expect(html).toContain(`href="/articles/${idOf(ALJAZEERA)}/#b4"`);
  });

  it("shows a shared quote once with both sources", () => {
    const html = page(`stories/${idOf(BBC)}`);
    expect(html.match(/<blockquote><p>carried out many crimes against humanity<\/p><\/blockquote>/g)).toHaveLength(1);
  });
});

describe("entity pages", () => {
  it.each(["john-kerry", "sergei-lavrov", "ban-ki-moon", "bashar-al-assad", "lakhdar-brahimi", "opcw", "un-security-council", "geneva", "damascus", "ghouta"])(
    "renders /entities/%s/",
    (id) => {
      expect(existsSync(path.join(out, "entities", id, "index.html"))).toBe(true);
    },
  );

  it("names every spelling of Assad on his page and lists the three reports", () => {
    const html = page("entities/bashar-al-assad");
    expect(html).toContain("“Bashar Assad”");
    expect(html).toContain("“Assad”");
    for (const file of [AFP, ALJAZEERA, BBC]) expect(html).toContain(`href="/articles/${idOf(file)}/"`);
  });

  it("shows Ban's quotation on his page", () => {
    expect(page("entities/ban-ki-moon")).toContain("carried out many crimes against humanity");
  });
});
