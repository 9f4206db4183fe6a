/**
 * The fixture archive built without a base URL (the default: previewing locally or hosting at an
 * unknown root). Pages still have a canonical path and feeds/ninjs stay valid; what needs absolute
 * URLs (sitemap, og:url, JSON Feed feed_url, ninjs renditions) is left out rather than made up.
 */
import { existsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPublishSite, childrenNamed, type BuiltSite } from "./build-publish-site.ts";
import { atomProblems, jsonFeedProblems, NewsArticleShape, ninjsProblems } from "./formats.ts";
import { checkLinks } from "./link-check.ts";

let site: BuiltSite;

beforeAll(async () => {
  site = await buildPublishSite(undefined);
});
afterAll(async () => {
  if (site) await rm(site.rootDir, { recursive: true, force: true });
});

describe("site without a base URL", () => {
  it("gives every page one root-relative canonical and no og:url", async () => {
    for (const p of ["/", "/articles/us-russia-third-day/", "/sources/afp/", "/archive/2013/09/"]) {
      const doc = await site.html(p);
      expect([...doc.querySelectorAll('link[rel="canonical"]')].map((l) => l.getAttribute("href")), p).toEqual([p]);
      expect(doc.querySelector('meta[property="og:url"]'), p).toBeNull();
    }
  });

  it("still writes valid feeds, with root-relative links and host-independent ids", async () => {
    const doc = await site.xml("/feed.xml");
    expect(atomProblems(doc)).toEqual([]);
    const first = childrenNamed(doc.documentElement, "entry")[0]!;
    expect(childrenNamed(first, "link")[0]!.getAttribute("href")).toBe("/articles/us-russia-third-day/");
    const feed = await site.json("/feed.json");
    expect(jsonFeedProblems(feed)).toEqual([]);
    expect(feed.feed_url).toBeUndefined();
    expect(feed.items[0].url).toBe("/articles/us-russia-third-day/");
  });

  it("keeps JSON-LD in shape, with site paths for URLs", async () => {
    const doc = await site.html("/articles/agency-wire-third-day/");
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(NewsArticleShape.safeParse(ld).success).toBe(true);
    expect(ld.url).toBe("/articles/agency-wire-third-day/");
    expect(ld.isBasedOn.url).toBe("/raw/agency-wire-third-day.md");
  });

  it("writes valid ninjs without renditions, and no sitemap or robots.txt", async () => {
    for (const file of await readdir(path.join(site.outDir, "data/ninjs"))) {
      const doc = await site.json(`/data/ninjs/${file}`);
      expect(ninjsProblems(doc), file).toEqual([]);
      expect(doc.renditions, file).toBeUndefined();
    }
    expect(existsSync(path.join(site.outDir, "sitemap.xml"))).toBe(false);
    expect(existsSync(path.join(site.outDir, "robots.txt"))).toBe(false);
  });

  it("has no broken internal link or anchor", () => {
    const result = checkLinks(site.outDir);
    expect(result.links).toBeGreaterThan(50);
    expect(result.broken).toEqual([]);
  });
});

describe("site at a host root", () => {
  it("writes robots.txt pointing at the sitemap", async () => {
    const rooted = await buildPublishSite("https://archive.example.org");
    try {
      expect(await rooted.read("/robots.txt")).toContain("Sitemap: https://archive.example.org/sitemap.xml");
      expect(existsSync(path.join(rooted.outDir, "sitemap.xml"))).toBe(true);
      expect(checkLinks(rooted.outDir, { baseUrl: "https://archive.example.org/" }).broken).toEqual([]);
    } finally {
      await rm(rooted.rootDir, { recursive: true, force: true });
    }
  });
});
