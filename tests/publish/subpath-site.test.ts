/**
 * The fixture archive built for publication under a sub-path (https://archive.example.org/wire/):
 * feeds, JSON-LD, Open Graph, canonical URL, sitemap, ninjs, source and month pages, print stylesheet,
 * and a link check over every page. Expected values are read off tests/site/fixtures.ts.
 */
import { existsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemUri } from "../../src/export/item-uri.ts";
import { agencyWire, talksThirdDay, undatedHostile } from "../site/fixtures.ts";
import { buildPublishSite, childrenNamed, childText, type BuiltSite } from "./build-publish-site.ts";
import { atomProblems, jsonFeedProblems, NewsArticleShape, ninjsProblems, sitemapLocs, sitemapProblems } from "./formats.ts";
import { checkLinks } from "./link-check.ts";

const BASE = "https://archive.example.org/wire/";
let site: BuiltSite;

beforeAll(async () => {
  site = await buildPublishSite("https://archive.example.org/wire");
});
afterAll(async () => {
  if (site) await rm(site.rootDir, { recursive: true, force: true });
});

const jsonLdOf = (doc: Document) => {
  const scripts = [...doc.querySelectorAll('script[type="application/ld+json"]')];
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]!.textContent!);
};

describe("Atom feeds", () => {
  it("the whole-archive feed is well-formed Atom with every report, newest first", async () => {
    const doc = await site.xml("/feed.xml");
    expect(atomProblems(doc)).toEqual([]);
    const entries = childrenNamed(doc.documentElement, "entry");
    expect(entries.map((e) => childText(e, "title"))).toEqual([
      "US and Russia enter third day of Syria talks",
      "The United States and Russia were Saturday to hold a third day of talks",
      "Talks <script>alert('x')</script> & more",
    ]);
    expect(childrenNamed(doc.documentElement, "link").find((l) => l.getAttribute("rel") === "self")?.getAttribute("href")).toBe(`${BASE}feed.xml`);
  });

  it("entries carry permanent ids, absolute links and the date at its precision", async () => {
    const [talks, agency, undated] = childrenNamed((await site.xml("/feed.xml")).documentElement, "entry");
    expect(childText(talks!, "id")).toBe(itemUri(talksThirdDay));
    expect(childrenNamed(talks!, "link")[0]!.getAttribute("href")).toBe(`${BASE}articles/us-russia-third-day/`);
    expect(childText(talks!, "published")).toBe("2013-09-14T07:13:00Z");
    expect(childText(talks!, "dc:date")).toBe("2013-09-14T07:13");
    expect(childText(childrenNamed(talks!, "author")[0]!, "name")).toBe("Al Jazeera");
    expect(childText(agency!, "published")).toBe("2013-09-13T00:00:00Z");
    expect(childText(agency!, "dc:date")).toBe("2013-09-13");
    expect(childText(agency!, "content")).toContain("Publication date 2013-09-13 inferred, not printed");
    // Undated: no <published>, updated at build time, no author of its own (the feed's applies).
    expect(childrenNamed(undated!, "published")).toHaveLength(0);
    expect(childText(undated!, "updated")).toBe("2024-01-01T00:00:00Z");
    expect(childrenNamed(undated!, "author")).toHaveLength(0);
    // Report text arrives as text: the markup is escaped inside the HTML content.
    expect(childText(undated!, "content")).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("each source has its own feed with only its reports", async () => {
    for (const [id, titles] of [
      ["al-jazeera", ["US and Russia enter third day of Syria talks"]],
      ["afp", ["The United States and Russia were Saturday to hold a third day of talks"]],
      ["unknown", ["Talks <script>alert('x')</script> & more"]],
    ] as const) {
      const doc = await site.xml(`/sources/${id}/feed.xml`);
      expect(atomProblems(doc), id).toEqual([]);
      expect(childrenNamed(doc.documentElement, "entry").map((e) => childText(e, "title")), id).toEqual(titles);
    }
  });
});

describe("JSON Feed", () => {
  it("the whole-archive feed is JSON Feed 1.1 with full URLs", async () => {
    const feed = await site.json("/feed.json");
    expect(jsonFeedProblems(feed)).toEqual([]);
    expect(feed.feed_url).toBe(`${BASE}feed.json`);
    expect(feed.home_page_url).toBe(BASE);
    expect(feed.items.map((i: any) => i.id)).toEqual([itemUri(talksThirdDay), itemUri(agencyWire), itemUri(undatedHostile)]);
    const [talks, agency, undated] = feed.items;
    expect(talks.url).toBe(`${BASE}articles/us-russia-third-day/`);
    expect(talks.date_published).toBe("2013-09-14T07:13:00Z");
    expect(talks.tags).toEqual(["Middle East"]);
    expect(agency._wire_archive).toMatchObject({ date: "2013-09-13", date_precision: "day", date_origin: "inferred" });
    expect(undated.date_published).toBeUndefined();
    expect(undated.authors).toBeUndefined();
  });

  it("per-source JSON feeds are valid", async () => {
    for (const id of ["al-jazeera", "afp", "unknown"]) {
      const feed = await site.json(`/sources/${id}/feed.json`);
      expect(jsonFeedProblems(feed), id).toEqual([]);
      expect(feed.items, id).toHaveLength(1);
    }
  });
});

describe("article head: JSON-LD, Open Graph, canonical", () => {
  it("every article page has NewsArticle JSON-LD of the promised shape", async () => {
    for (const id of ["us-russia-third-day", "agency-wire-third-day", "undated-markup"]) {
      const ld = jsonLdOf(await site.html(`/articles/${id}/`));
      const parsed = NewsArticleShape.safeParse(ld);
      expect(parsed.success, `${id}: ${parsed.error?.message}`).toBe(true);
      expect(ld.url).toBe(`${BASE}articles/${id}/`);
    }
  });

  it("states dates at their real precision and says which were inferred", async () => {
    const talks = jsonLdOf(await site.html("/articles/us-russia-third-day/"));
    expect(talks.datePublished).toBe("2013-09-14T07:13");
    expect(talks.publisher).toEqual({ "@type": "Organization", name: "Al Jazeera" });
    expect(talks.isBasedOn.url).toBe(`${BASE}raw/us-russia-third-day.txt`);
    expect(talks.articleSection).toBe("Middle East");
    expect(talks.backstory).toContain("Source Al Jazeera inferred from: Featured on Al Jazeera.");

    const agency = jsonLdOf(await site.html("/articles/agency-wire-third-day/"));
    expect(agency.datePublished).toBe("2013-09-13");
    expect(agency.backstory).toContain("Publication date 2013-09-13 inferred, not printed: were Saturday to hold a third day.");
    expect(agency.isBasedOn).toMatchObject({ url: `${BASE}raw/agency-wire-third-day.md`, encodingFormat: "text/markdown" });

    const undated = jsonLdOf(await site.html("/articles/undated-markup/"));
    expect(undated.datePublished).toBeUndefined();
    expect(undated.publisher).toBeUndefined();
    expect(undated.headline).toBe("Talks <script>alert('x')</script> & more");
  });

  it("never lets report text close the JSON-LD script early", async () => {
    const html = await site.read("/articles/undated-markup/");
    const script = html.slice(html.indexOf('<script type="application/ld+json">'));
    expect(script.slice(0, script.indexOf("</script>"))).not.toContain("<script>alert");
  });

  it("has Open Graph and Twitter card tags with absolute URLs", async () => {
    const doc = await site.html("/articles/us-russia-third-day/");
    const meta = (attr: string, key: string) => doc.querySelector(`meta[${attr}="${key}"]`)?.getAttribute("content");
    expect(meta("property", "og:type")).toBe("article");
    expect(meta("property", "og:title")).toBe("US and Russia enter third day of Syria talks");
    expect(meta("property", "og:url")).toBe(`${BASE}articles/us-russia-third-day/`);
    expect(meta("property", "og:site_name")).toBe("Wire Archive");
    expect(meta("property", "article:published_time")).toBe("2013-09-14T07:13");
    expect(meta("name", "twitter:card")).toBe("summary");
    expect(meta("name", "twitter:description")).toBe("John Kerry and his Russian counterpart seek to hammer out a deal.");
  });

  it("has exactly one canonical URL, under the base URL", async () => {
    const doc = await site.html("/articles/us-russia-third-day/");
    const canonicals = [...doc.querySelectorAll('link[rel="canonical"]')].map((l) => l.getAttribute("href"));
    expect(canonicals).toEqual([`${BASE}articles/us-russia-third-day/`]);
  });

  it("links the print stylesheet for print only", async () => {
    const doc = await site.html("/articles/us-russia-third-day/");
    expect(doc.querySelector('link[href="/wire/assets/print.css"]')?.getAttribute("media")).toBe("print");
    expect(existsSync(path.join(site.outDir, "assets/print.css"))).toBe(true);
  });

  it("tells scripts the path prefix, which the HTML <base> plugin cannot add to JS strings", async () => {
    const doc = await site.html("/sources/");
    expect(doc.querySelector('meta[name="wire-archive:path-prefix"]')?.getAttribute("content")).toBe("/wire/");
  });
});

describe("sources and monthly archive", () => {
  it("the article meta line links to the source page and the month", async () => {
    const doc = await site.html("/articles/us-russia-third-day/");
    expect(doc.querySelector(".report__header .meta__source")?.getAttribute("href")).toBe("/wire/sources/al-jazeera/");
    expect(doc.querySelector(".report__header .meta__date")?.getAttribute("href")).toBe("/wire/archive/2013/09/");
  });

  it("a month page lists that month's reports; undated ones are on the archive index", async () => {
    const month = await site.html("/archive/2013/09/");
    expect([...month.querySelectorAll(".teaser__headline")].map((h) => h.textContent?.trim())).toEqual([
      "US and Russia enter third day of Syria talks",
      "The United States and Russia were Saturday to hold a third day of talks",
    ]);
    expect(month.querySelector("h1")?.textContent).toBe("September 2013");
    const index = await site.html("/archive/");
    expect(index.querySelector("#undated-title + p + ul")?.textContent).toContain("Talks <script>alert('x')</script> & more");
  });

  it("a source page lists its reports and links its feeds", async () => {
    const doc = await site.html("/sources/afp/");
    expect(doc.querySelector("h1")?.textContent).toBe("AFP");
    expect([...doc.querySelectorAll(".teaser__headline a")].map((a) => a.getAttribute("href"))).toEqual(["/wire/articles/agency-wire-third-day/"]);
    expect(doc.querySelector('a[type="application/atom+xml"]')?.getAttribute("href")).toBe("/wire/sources/afp/feed.xml");
    const all = await site.html("/sources/");
    expect([...all.querySelectorAll(".teaser__headline")].map((h) => h.textContent?.trim())).toEqual(["AFP", "Al Jazeera", "Unknown source"]);
  });
});

describe("sitemap", () => {
  it("is a valid sitemap listing every article URL, absolute under the base URL", async () => {
    const doc = await site.xml("/sitemap.xml");
    expect(sitemapProblems(doc)).toEqual([]);
    const locs = sitemapLocs(doc);
    for (const id of ["us-russia-third-day", "agency-wire-third-day", "undated-markup"]) expect(locs).toContain(`${BASE}articles/${id}/`);
    for (const p of ["", "archive/", "archive/2013/09/", "sources/", "sources/afp/", "sources/al-jazeera/", "sources/unknown/"]) expect(locs).toContain(`${BASE}${p}`);
    expect(locs.every((l) => l.startsWith(BASE))).toBe(true);
  });

  it("writes no robots.txt under a sub-path (crawlers only read it at the host root)", () => {
    expect(existsSync(path.join(site.outDir, "robots.txt"))).toBe(false);
  });
});

describe("ninjs export", () => {
  it("writes one ninjs 2.1 file per report, each valid against the schema", async () => {
    const files = (await readdir(path.join(site.outDir, "data/ninjs"))).sort();
    expect(files).toEqual(["agency-wire-third-day.json", "undated-markup.json", "us-russia-third-day.json"]);
    for (const file of files) expect(ninjsProblems(await site.json(`/data/ninjs/${file}`)), file).toEqual([]);
  });

  it("maps the record's identity, dates, source and text", async () => {
    const talks = await site.json("/data/ninjs/us-russia-third-day.json");
    expect(talks.uri).toBe(itemUri(talksThirdDay));
    expect(talks.firstcreated).toBe("2013-09-14T07:13:00Z");
    expect(talks.headlines).toEqual([{ role: "main", value: "US and Russia enter third day of Syria talks" }]);
    expect(talks.infosources).toEqual([{ name: "Al Jazeera", role: "source", literal: "al-jazeera" }]);
    expect(talks.renditions.map((r: any) => r.href)).toEqual([`${BASE}articles/us-russia-third-day/`, `${BASE}raw/us-russia-third-day.txt`]);
    expect(talks.bodies[0].value.split("\n\n")[0]).toBe("The United States and Russia are to hold a third day of complex talks.");
    const undated = await site.json("/data/ninjs/undated-markup.json");
    expect(undated.firstcreated).toBeUndefined();
    expect(undated.infosources).toBeUndefined();
    expect(undated.ednote).toContain("No publication date");
  });

  it("the schema check rejects what ninjs forbids", () => {
    expect(ninjsProblems({ headlines: [] }).join()).toContain("uri");
    expect(ninjsProblems({ uri: "urn:x:1", firstcreated: "2013-09-14" }).join()).toContain("date-time");
    expect(ninjsProblems({ uri: "urn:x:1", type: "article" }).join()).toContain("allowedValues");
    expect(ninjsProblems({ uri: "urn:x:1", published: "x" }).join()).toContain("additionalProperty");
  });
});

describe("link check", () => {
  it("finds no broken internal link or anchor on any page", () => {
    const result = checkLinks(site.outDir, { pathPrefix: "/wire/", baseUrl: BASE });
    expect(result.pages).toBeGreaterThanOrEqual(12);
    expect(result.broken).toEqual([]);
  });
});
