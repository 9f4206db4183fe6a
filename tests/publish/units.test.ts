/** The small pure functions behind the publishing formats. Expected values stated by hand. */
import { describe, expect, it } from "vitest";
import { buildPublishIndex, monthPath } from "../../src/export/archive-index.ts";
import { itemUri, uuidV5 } from "../../src/export/item-uri.ts";
import { provenanceNotes, publishedInstant, publishedIso } from "../../src/export/publish-dates.ts";
import { parseBaseUrl, publicUrl } from "../../src/export/site-url.ts";
import { xmlText } from "../../src/export/xml-text.ts";
import { DOMParser } from "linkedom";
import { sitemapFiles, sitemapUrls } from "../../src/site/sitemap.ts";
import { childrenNamed, childText } from "./build-publish-site.ts";
import { sitemapLocs, sitemapProblems } from "./formats.ts";
import { fixtureArchive, talksThirdDay, undatedHostile } from "../site/fixtures.ts";

describe("parseBaseUrl", () => {
  it("normalises a URL with or without trailing slash, and derives the path prefix", () => {
    expect(parseBaseUrl("https://example.org/wire")).toEqual({ ok: true, location: { baseUrl: "https://example.org/wire/", pathPrefix: "/wire/" } });
    expect(parseBaseUrl("https://example.org")).toEqual({ ok: true, location: { baseUrl: "https://example.org/", pathPrefix: "/" } });
    expect(parseBaseUrl("http://localhost:8080/a//b/")).toEqual({ ok: true, location: { baseUrl: "http://localhost:8080/a/b/", pathPrefix: "/a/b/" } });
  });

  it("accepts a bare path (prefix only) and nothing (root, unknown host)", () => {
    expect(parseBaseUrl("/wire")).toEqual({ ok: true, location: { baseUrl: null, pathPrefix: "/wire/" } });
    expect(parseBaseUrl(undefined)).toEqual({ ok: true, location: { baseUrl: null, pathPrefix: "/" } });
    expect(parseBaseUrl("  ")).toEqual({ ok: true, location: { baseUrl: null, pathPrefix: "/" } });
  });

  it("refuses what cannot be a site root, as a diagnostic", () => {
    for (const bad of ["ftp://example.org/", "example.org/wire", "https://example.org/?q=1", "https://example.org/#top", "//example.org/"]) {
      const result = parseBaseUrl(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) {
        expect(result.diagnostic.rule).toBe("bad-base-url");
        expect(result.diagnostic.message).toMatch(/^Unexpected base URL/);
      }
    }
  });
});

describe("publicUrl", () => {
  it("keeps the sub-path: a leading slash means the site root", () => {
    expect(publicUrl("/articles/a/", { baseUrl: "https://example.org/wire/", pathPrefix: "/wire/" })).toBe("https://example.org/wire/articles/a/");
    expect(publicUrl("/", { baseUrl: "https://example.org/wire/", pathPrefix: "/wire/" })).toBe("https://example.org/wire/");
    expect(publicUrl("/articles/a/", { baseUrl: null, pathPrefix: "/wire/" })).toBe("/wire/articles/a/");
    expect(publicUrl("/articles/a/", { baseUrl: null, pathPrefix: "/" })).toBe("/articles/a/");
  });
});

describe("publication dates", () => {
  const stated = { date: "2013-09-14", time: "07:13", origin: "stated" as const, evidence: "Last Modified: 14 Sep 2013 07:13" };
  const dayOnly = { date: "2013-09-13", origin: "inferred" as const, evidence: "were Saturday" };

  it("keeps the real precision where the format allows it", () => {
    expect(publishedIso(stated)).toBe("2013-09-14T07:13");
    expect(publishedIso(dayOnly)).toBe("2013-09-13");
    expect(publishedIso(null)).toBeNull();
  });

  it("fills in 00:00 and UTC only where a full instant is required", () => {
    expect(publishedInstant(stated)).toBe("2013-09-14T07:13:00Z");
    expect(publishedInstant(dayOnly)).toBe("2013-09-13T00:00:00Z");
    expect(publishedInstant(undefined)).toBeNull();
  });

  it("notes what was inferred, derived or missing", () => {
    expect(provenanceNotes(talksThirdDay)).toEqual([
      "Time 07:13 as printed; the report gives no time zone.",
      "Source Al Jazeera inferred from: Featured on Al Jazeera.",
    ]);
    expect(provenanceNotes(undatedHostile)).toEqual([
      "No publication date is printed in the report or could be inferred from it.",
      "Source unknown: the report names none.",
    ]);
  });
});

describe("item identifiers", () => {
  it("implements UUID v5 (RFC 9562 test vector: DNS namespace, www.example.com)", () => {
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });

  it("gives each record a stable urn:uuid that depends on its id only", () => {
    const uri = itemUri({ id: "us-russia-third-day" });
    expect(uri).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(itemUri({ id: "us-russia-third-day" })).toBe(uri);
    expect(itemUri({ id: "us-russia-third-day-2" })).not.toBe(uri);
  });
});

describe("publish index", () => {
  it("files records by month and source, undated apart", () => {
    const index = buildPublishIndex(fixtureArchive(), "Wire Archive");
    expect(index.months.map((m) => [m.path, m.label, m.records.map((r) => r.id)])).toEqual([
      ["/archive/2013/09/", "September 2013", ["us-russia-third-day", "agency-wire-third-day"]],
    ]);
    expect(index.undated.map((r) => r.id)).toEqual(["undated-markup"]);
    expect(index.sources.map((s) => [s.id, s.path, s.records.length])).toEqual([
      ["afp", "/sources/afp/", 1],
      ["al-jazeera", "/sources/al-jazeera/", 1],
      ["unknown", "/sources/unknown/", 1],
    ]);
    expect(index.feeds.map((f) => f.atomPath)).toEqual(["/feed.xml", "/sources/afp/feed.xml", "/sources/al-jazeera/feed.xml", "/sources/unknown/feed.xml"]);
  });

  it("monthPath needs a date", () => {
    expect(monthPath({ date: "2013-09-14", origin: "stated", evidence: "x" })).toBe("/archive/2013/09/");
    expect(monthPath(null)).toBeNull();
  });
});

describe("XML text", () => {
  it("escapes markup and replaces characters XML 1.0 forbids", () => {
    expect(xmlText(`a<b>&"c"'`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;&#39;");
    expect(xmlText("bell\u0007 form\u000c tab\tok")).toBe("bell\uFFFD form\uFFFD tab\tok");
    expect(xmlText("lone \uD800 surrogate, pair \uD83D\uDE00")).toBe("lone \uFFFD surrogate, pair \uD83D\uDE00");
  });
});

describe("sitemap files", () => {
  const site = { baseUrl: "https://example.org/wire/", pathPrefix: "/wire/" };
  const pages = Array.from({ length: 7 }, (_, i) => ({ url: `/p${i}/`, outputPath: `/out/p${i}/index.html` }));
  const xml = (text: string) => new DOMParser().parseFromString(text, "text/xml") as unknown as Document;

  it("is sitemap.xml alone while the pages fit one file", () => {
    const files = sitemapFiles(pages, site, 7);
    expect(files.map((f) => f.name)).toEqual(["sitemap.xml"]);
    expect(sitemapProblems(xml(files[0]!.xml))).toEqual([]);
    expect(sitemapLocs(xml(files[0]!.xml))).toEqual(sitemapUrls(pages, site));
  });

  it("past the per-file limit, is an index of numbered parts that list every page once, in order", () => {
    const files = sitemapFiles(pages, site, 3);
    expect(files.map((f) => f.name)).toEqual(["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]);
    const index = xml(files[0]!.xml).documentElement;
    expect(index.tagName).toBe("sitemapindex");
    expect(index.getAttribute("xmlns")).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(childrenNamed(index, "sitemap").map((s) => childText(s, "loc"))).toEqual([
      "https://example.org/wire/sitemap-1.xml",
      "https://example.org/wire/sitemap-2.xml",
      "https://example.org/wire/sitemap-3.xml",
    ]);
    const parts = files.slice(1).map((f) => xml(f.xml));
    for (const part of parts) expect(sitemapProblems(part)).toEqual([]);
    expect(parts.map((p) => sitemapLocs(p).length)).toEqual([3, 3, 1]);
    expect(parts.flatMap(sitemapLocs)).toEqual(sitemapUrls(pages, site));
  });
});

describe("sitemap URLs", () => {
  it("lists HTML pages once each, sorted, as public URLs", () => {
    const pages = [
      { url: "/b/", outputPath: "/out/b/index.html" },
      { url: "/feed.xml", outputPath: "/out/feed.xml" },
      { url: "/a/", outputPath: "/out/a/index.html" },
      { url: "/a/", outputPath: "/out/a/index.html" },
      { url: false as const, outputPath: false as const },
    ];
    expect(sitemapUrls(pages, { baseUrl: "https://example.org/wire/", pathPrefix: "/wire/" })).toEqual([
      "https://example.org/wire/a/",
      "https://example.org/wire/b/",
    ]);
  });
});
