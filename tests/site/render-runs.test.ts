/**
 * A big archive renders in several Eleventy runs (render-batches.ts) to bound memory. Rendering the
 * seeds' archive one page-list item per run must give exactly the site a single run gives: the same
 * files, byte for byte, and a sitemap listing every page.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import type { Archive } from "../../src/archive/types.ts";
import { collectGarbage } from "../../src/site/collect-garbage.ts";
import { buildPublishIndex } from "../../src/export/archive-index.ts";
import { planRenderBatches, type RenderBatch } from "../../src/site/render-batches.ts";
import { renderSite } from "../../src/site/render-site.ts";
import { parseSeed, REPO_ROOT, seedFiles } from "../helpers/seeds.ts";

let root: string;
let archive: Archive;
const sites: Record<string, { pages: number; files: Map<string, string> }> = {};

function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, abs), readFileSync(abs, "utf8"));
  }
  return out;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "wa-runs-"));
  archive = buildArchive(seedFiles().map((f) => parseSeed(`seeds/${f}`).record), "2026-01-01T00:00:00.000Z");
  for (const [name, pagesPerRun] of [["one", 100_000], ["many", 1]] as const) {
    const outDir = path.join(root, name);
    const { pages } = await renderSite({ archive, outDir, rootDir: REPO_ROOT, baseUrl: "https://archive.example.org/", pagesPerRun });
    sites[name] = { pages, files: readTree(outDir) };
  }
}, 120_000);
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("rendering in runs", () => {
  it("plans one run per item when a run holds one page, each list split in order", () => {
    const publish = buildPublishIndex(archive, "Wire Archive");
    const runs = planRenderBatches(archive, publish, 1);
    const lists = (r: RenderBatch) => [r.records, r.entityPages, r.timelinePages, r.storyPages, r.sourcePages, r.monthPages, r.homePages, r.storyListPages];
    const items = runs.flatMap((r) => lists(r).flat());
    expect(runs.every((r) => lists(r).flat().length === 1)).toBe(true);
    expect(runs.map((r) => r.index)).toEqual(runs.map((_, i) => i));
    expect(items.slice(0, 3)).toEqual(archive.records);
    // The seeds: one story, three sources of one page each, one month (September 2013).
    expect(runs.flatMap((r) => r.storyPages)).toEqual(archive.stories);
    expect(runs.flatMap((r) => r.sourcePages)).toEqual(publish.sourcePages);
    expect(publish.sourcePages).toHaveLength(3);
    expect(runs.flatMap((r) => r.monthPages)).toEqual(publish.monthPages);
    // The home list and the stories index: one page each.
    expect(runs.flatMap((r) => r.homePages)).toEqual(publish.homePages);
    expect(runs.flatMap((r) => r.storyListPages)).toEqual(publish.storyPages);
    expect(publish.homePages.map((p) => p.path)).toEqual(["/"]);
    expect(planRenderBatches(archive, publish, 100_000)).toHaveLength(1);
  });

  it("renders the article pages in the order asked for (the search step's), the archive's own untouched", () => {
    const publish = buildPublishIndex(archive, "Wire Archive");
    const before = [...archive.records];
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
    const runs = planRenderBatches(archive, publish, 1, new Set(), byId);
    expect(runs.flatMap((r) => r.records)).toEqual([...before].sort(byId));
    expect(runs.flatMap((r) => r.records)).not.toEqual(before);
    expect(archive.records).toEqual(before);
  });

  it("writes the same files with the same bytes as a single run", () => {
    const one = sites.one!;
    const many = sites.many!;
    expect(many.pages).toBe(one.pages);
    expect([...many.files.keys()].sort()).toEqual([...one.files.keys()].sort());
    for (const [file, text] of one.files) expect(many.files.get(file), file).toBe(text);
  });

  it("lists every HTML page in the sitemap", () => {
    const sitemap = sites.many!.files.get("sitemap.xml")!;
    const htmlPages = [...sites.many!.files.keys()].filter((f) => f.endsWith("index.html"));
    expect(htmlPages.length).toBeGreaterThan(20);
    for (const file of htmlPages) {
      const url = `https://archive.example.org/${file.replace(/index\.html$/, "")}`;
      expect(sitemap, url).toContain(`<loc>${url}</loc>`);
    }
  });
});

describe("collectGarbage", () => {
  it("runs a full collection without --expose-gc, as often as asked", () => {
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe("undefined");
    expect(() => {
      collectGarbage();
      collectGarbage();
    }).not.toThrow();
  });
});
