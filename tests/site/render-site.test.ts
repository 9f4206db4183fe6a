import { existsSync, readdirSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArticleRecordSchema } from "../../src/record/schema.ts";
import { renderSite } from "../../src/site/render-site.ts";
import { buildFixtureSite } from "./build-fixture-site.ts";
import { fixtureArchive, fixtureRecords } from "./fixtures.ts";

let site: { rootDir: string; outDir: string; pages: number };

async function page(urlPath: string): Promise<Document> {
  const html = await readFile(path.join(site.outDir, urlPath, "index.html"), "utf8");
  return parseHTML(html).document as unknown as Document;
}
const texts = (doc: Document, selector: string) =>
  [...doc.querySelectorAll(selector)].map((el) => el.textContent?.replace(/\s+/g, " ").trim());

beforeAll(async () => {
  site = await buildFixtureSite();
});
afterAll(async () => {
  if (site) await rm(site.rootDir, { recursive: true, force: true });
});

describe("fixtures", () => {
  it.each(fixtureRecords.map((r) => [r.id, r]))("%s is a valid ArticleRecord", (_id, record) => {
    expect(ArticleRecordSchema.safeParse(record).success).toBe(true);
  });
});

describe("renderSite", () => {
  it("writes home, one page per report, timeline and search into outDir and counts them", () => {
    expect(site.pages).toBe(htmlFiles(site.outDir).length);
    for (const p of ["", "articles/us-russia-third-day", "articles/agency-wire-third-day", "articles/undated-markup", "timeline", "search"]) {
      expect(existsSync(path.join(site.outDir, p, "index.html")), p).toBe(true);
    }
    expect(existsSync(path.join(site.outDir, "assets/site.css"))).toBe(true);
  });

  it("lists reports on the home page newest first, undated last, with source and human date", async () => {
    const doc = await page("");
    expect(texts(doc, ".teaser__headline")).toEqual([
      "US and Russia enter third day of Syria talks",
      "The United States and Russia were Saturday to hold a third day of talks",
      "Talks <script>alert('x')</script> & more",
    ]);
    const metas = texts(doc, ".teaser .meta");
    expect(metas[0]).toBe("Al Jazeera · 14 September 2013, 07:13");
    expect(metas[1]).toBe("AFP · 13 September 2013 (inferred)");
    expect(metas[2]).toBe("Unknown source · Date unknown");
    expect(doc.querySelector(".teaser time")?.getAttribute("datetime")).toBe("2013-09-14T07:13");
    // Standfirst when there is one; otherwise the lead paragraph.
    expect(texts(doc, ".teaser__standfirst")[0]).toBe("John Kerry and his Russian counterpart seek to hammer out a deal.");
    expect(doc.querySelector(".teaser__headline a")?.getAttribute("href")).toBe("/articles/us-russia-third-day/");
  });

  it("renders every block of an article in order with anchors b0..bN", async () => {
    const doc = await page("articles/us-russia-third-day");
    expect(texts(doc, "h1")).toEqual(["US and Russia enter third day of Syria talks"]);
    const body = doc.querySelector(".report__body")!;
    expect(body.querySelector("#b0")?.tagName).toBe("P");
    expect(body.querySelector("#b1")?.tagName).toBe("H2");
    expect(body.querySelector("#b1")?.textContent).toBe("Reviving talks");
    expect(body.querySelector("#b2")?.tagName).toBe("BLOCKQUOTE");
    // Consecutive list items share one list.
    expect(body.querySelector("#b3")?.parentElement).toBe(body.querySelector("#b4")?.parentElement);
    expect(body.querySelector("#b3")?.parentElement?.tagName).toBe("UL");
    expect(body.querySelector("#b5")?.tagName).toBe("SECTION");
    expect(body.querySelector("#b6")?.textContent).toBe("Teams of experts have been poring over a Russian initiative.");
    expect([...body.querySelectorAll("[id^=b]")].filter((el) => /^b\d+$/.test(el.id)).map((el) => el.id)).toEqual(
      ["b0", "b1", "b2", "b3", "b4", "b5", "b6"],
    );
  });

  it("renders an embedded timeline as a titled ordered list with machine-readable dates", async () => {
    const doc = await page("articles/us-russia-third-day");
    const timeline = doc.querySelector("#b5")!;
    expect(timeline.querySelector("h2")?.textContent).toBe("Chemical weapons plan timeline");
    const times = [...timeline.querySelectorAll("ol > li time")];
    expect(times.map((t) => [t.getAttribute("datetime"), t.textContent])).toEqual([
      ["2013-09-12", "12 Sep"],
      ["2013-09-13", "13 Sep"],
    ]);
    expect(texts(timeline as unknown as Document, "ol > li .timeline__text")).toEqual([
      "John Kerry meets Sergei Lavrov in Geneva",
      "Second round of Geneva talks",
    ]);
  });

  it("shows captions with credits, related links, removed lines and parser notes", async () => {
    const doc = await page("articles/us-russia-third-day");
    expect(texts(doc, ".media-list li")).toEqual(["Washington and Moscow are also working to get peace talks going Credit: Reuters"]);
    expect(texts(doc, ".related-list li")).toEqual(["In-depth coverage of escalating violence across Syria"]);
    const removed = [...doc.querySelectorAll(".audit tbody tr")].map((tr) => texts(tr as unknown as Document, "td"));
    expect(removed).toEqual([
      ["9", "Email Article", "share-bar line (profile: aljazeera)"],
      ["10", "Print Article", "share-bar line (profile: aljazeera)"],
    ]);
    expect(doc.querySelector("details.audit")?.hasAttribute("open")).toBe(false);
    expect(texts(doc, ".diagnostics li")[0]).toContain("trailing-promo line 61: Unexpected promotional teaser");
  });

  it("notes a derived headline and an inferred date with its evidence", async () => {
    const derived = await page("articles/agency-wire-third-day");
    expect(texts(derived, ".report__header .note")).toContain("Note: Headline derived from the lead: the report prints none.");
    expect(texts(derived, ".provenance summary")).toEqual(["Date inferred: the report prints no date"]);
    expect(texts(derived, ".provenance p")[0]).toBe(
      "Evidence: were Saturday to hold a third day (line 1 of the raw report)",
    );
    const stated = await page("articles/us-russia-third-day");
    expect(texts(stated, ".report__header .note")).toEqual([]);
  });

  it("links the raw report and copies it byte for byte, keeping its extension", async () => {
    const doc = await page("articles/agency-wire-third-day");
    const link = [...doc.querySelectorAll("a")].find((a) => a.textContent === "Raw report (as received)");
    expect(link?.getAttribute("href")).toBe("/raw/agency-wire-third-day.md");
    const copied = await readFile(path.join(site.outDir, "raw/agency-wire-third-day.md"), "utf8");
    expect(copied).toBe("The United States and Russia were Saturday to hold a third day of complex talks.\n");
    expect(existsSync(path.join(site.outDir, "raw/us-russia-third-day.txt"))).toBe(true);
  });

  it("prints a citation with headline, source, date and absolute URL", async () => {
    const doc = await page("articles/us-russia-third-day");
    expect(texts(doc, ".citation")[0]).toBe(
      "Cite as “US and Russia enter third day of Syria talks”. Al Jazeera, 14 September 2013, 07:13. Wire Archive, https://archive.example.org/articles/us-russia-third-day/.",
    );
  });

  it("escapes markup from reports: <script> is text, never an element", async () => {
    const raw = await readFile(path.join(site.outDir, "articles/undated-markup/index.html"), "utf8");
    // The page's own scripts (search box, JSON-LD) are fine; nothing from the report may become markup.
    expect(raw).not.toContain("<script>alert");
    expect(raw).not.toContain("<img src=x");
    expect(raw).toContain("Talks &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more");
    const doc = await page("articles/undated-markup");
    expect(doc.querySelectorAll("main script, main b, main img").length).toBe(0);
    expect(texts(doc, "h1")).toEqual(["Talks <script>alert('x')</script> & more"]);
    expect(texts(doc, "#b0")).toEqual(["Body with <script>alert(1)</script> and <b>tags</b> & ampersands."]);
    expect(texts(doc, ".report__header .note")).toContain("Note: No date could be found or reasoned from this report.");
  });

  it("has the shared frame: lang, viewport, skip link, landmarks, nav, one local stylesheet", async () => {
    const doc = await page("articles/us-russia-third-day");
    expect(doc.documentElement.getAttribute("lang")).toBe("en");
    expect(doc.querySelector('meta[name="viewport"]')).not.toBeNull();
    expect(doc.querySelector("a.skip-link")?.getAttribute("href")).toBe("#main");
    expect(doc.querySelector("main#main")).not.toBeNull();
    expect(doc.querySelector("body > header")).not.toBeNull();
    expect(doc.querySelector("body > footer")).not.toBeNull();
    expect(texts(doc, "nav a").slice(0, 4)).toEqual(["Home", "Timeline", "Stories", "Names"]);
    expect(doc.querySelector("[data-search-slot] form[action='/search/']")).not.toBeNull();
    // Every stylesheet is the site's own: no CDN, no web fonts from elsewhere.
    const sheets = [...doc.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute("href")!);
    expect(sheets).toContain("/assets/site.css");
    for (const href of sheets) expect(href.startsWith("/assets/")).toBe(true);
    expect(doc.querySelector("title")?.textContent).toBe("US and Russia enter third day of Syria talks · Wire Archive");
  });
});

describe("renderSite with an empty archive", () => {
  it("renders the frame and says the archive is empty", async () => {
    const outDir = path.join(site.rootDir, "_empty");
    const empty = { records: [], sources: [], timeline: { events: [] }, diagnostics: [], generatedAt: "2024-01-01T00:00:00.000Z" };
    const { pages } = await renderSite({ archive: empty, outDir, rootDir: site.rootDir });
    expect(pages).toBe(htmlFiles(outDir).length);
    for (const p of ["", "timeline", "search"]) expect(existsSync(path.join(outDir, p, "index.html")), p).toBe(true);
    const html = await readFile(path.join(outDir, "index.html"), "utf8");
    expect(html).toContain("The archive is empty: no reports were found.");
    expect(existsSync(path.join(outDir, "articles"))).toBe(false);
  });
});

describe("renderSite errors", () => {
  it("rejects with a message naming the template and the cause", async () => {
    const archive = fixtureArchive();
    // A record without a source breaks every template that shows the source.
    const broken = { ...archive, records: [{ ...archive.records[0], source: undefined }] } as unknown as typeof archive;
    const outDir = path.join(site.rootDir, "_broken");
    const failure = renderSite({ archive: broken, outDir, rootDir: site.rootDir });
    await expect(failure).rejects.toThrow(/Site rendering failed/);
    await expect(failure).rejects.toThrow(/\.njk/);
    await expect(failure).rejects.toThrow(/caused by: Cannot read properties of undefined/);
  });

  it("rejects naming the report when a raw file is missing", async () => {
    const archive = fixtureArchive();
    const missing = { ...archive, records: [{ ...archive.records[1], sourceFile: "reports/gone.txt" }] };
    const failure = renderSite({ archive: missing, outDir: path.join(site.rootDir, "_missing"), rootDir: site.rootDir });
    await expect(failure).rejects.toThrow(/Cannot copy raw report reports\/gone\.txt \(record agency-wire-third-day\)/);
  });
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));
}
