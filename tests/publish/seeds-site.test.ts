/**
 * The project's own seeds, parsed and rendered for a sub-path: every feed, JSON-LD block, ninjs file
 * and the sitemap valid against their formats, and no broken internal link. Checks formats, not the
 * parser's findings (those have their own tests), so it holds whatever the seeds say.
 */
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadArchive } from "../../src/archive/load-archive.ts";
import type { Archive } from "../../src/archive/types.ts";
import { renderSite } from "../../src/site/render-site.ts";
import { siteReader, type BuiltSite } from "./build-publish-site.ts";
import { atomProblems, jsonFeedProblems, NewsArticleShape, ninjsProblems, sitemapLocs, sitemapProblems } from "./formats.ts";
import { checkLinks } from "./link-check.ts";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const hasSeeds = existsSync(path.join(REPO_ROOT, "seeds")) && readdirSync(path.join(REPO_ROOT, "seeds")).some((f) => !f.startsWith("."));
const BASE = "https://news.example.net/archive/";

let site: BuiltSite;
let archive: Archive;

describe.skipIf(!hasSeeds)("the seeds, published under a sub-path", () => {
  beforeAll(async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), "wire-publish-seeds-"));
    archive = (await loadArchive({ root: REPO_ROOT, cache: false })).archive;
    await renderSite({ archive, outDir: path.join(tmp, "_site"), rootDir: REPO_ROOT, baseUrl: BASE });
    site = siteReader(tmp, path.join(tmp, "_site"));
  });
  afterAll(async () => {
    if (site) await rm(site.rootDir, { recursive: true, force: true });
  });

  it("has at least one report", () => {
    expect(archive.records.length).toBeGreaterThan(0);
  });

  it("writes valid Atom and JSON feeds for the archive and every source", async () => {
    const sources = [...new Set(archive.records.map((r) => r.source.id))];
    for (const dir of ["/", ...sources.map((s) => `/sources/${s}/`)]) {
      expect(atomProblems(await site.xml(`${dir}feed.xml`)), dir).toEqual([]);
      expect(jsonFeedProblems(await site.json(`${dir}feed.json`)), dir).toEqual([]);
    }
    expect((await site.json("/feed.json")).items).toHaveLength(archive.records.length);
  });

  it("gives every article page NewsArticle JSON-LD of the promised shape", async () => {
    for (const record of archive.records) {
      const doc = await site.html(`/articles/${record.id}/`);
      const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
      const parsed = NewsArticleShape.safeParse(ld);
      expect(parsed.success, `${record.id}: ${parsed.error?.message}`).toBe(true);
      expect(ld.datePublished).toBe(record.published ? (record.published.time ? `${record.published.date}T${record.published.time}` : record.published.date) : undefined);
    }
  });

  it("lists every article in a valid sitemap", async () => {
    const doc = await site.xml("/sitemap.xml");
    expect(sitemapProblems(doc)).toEqual([]);
    const locs = sitemapLocs(doc);
    for (const record of archive.records) expect(locs).toContain(`${BASE}articles/${record.id}/`);
  });

  it("exports one valid ninjs file per report", async () => {
    const files = await readdir(path.join(site.outDir, "data/ninjs"));
    expect(files.sort()).toEqual(archive.records.map((r) => `${r.id}.json`).sort());
    for (const file of files) expect(ninjsProblems(await site.json(`/data/ninjs/${file}`)), file).toEqual([]);
  });

  it("has no broken internal link or anchor", () => {
    const result = checkLinks(site.outDir, { pathPrefix: "/archive/", baseUrl: BASE });
    expect(result.broken).toEqual([]);
  });
});
