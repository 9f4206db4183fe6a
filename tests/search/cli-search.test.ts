/** `wire-archive search` end to end on the seed archive, through the real CLI, after a real build. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexedPageCount } from "../../src/build/index-site.ts";
import type { SearchHit } from "../../src/search/search-site.ts";
import { runCli } from "../helpers/run-cli.ts";
import { buildSeedSite, type BuiltSeedSite } from "./built-seed-site.ts";

let site: BuiltSeedSite;

beforeAll(async () => {
  site = await buildSeedSite();
});
afterAll(async () => {
  await site?.remove();
});

function searchJson(...args: string[]): { query: string; total: number; hits: SearchHit[] } {
  const run = runCli(["search", ...args, "--out", site.outDir, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe("the build's search step", () => {
  it("indexes one page per report, says how many, and is timed as its own stage", async () => {
    expect(await indexedPageCount(path.join(site.outDir, "pagefind"))).toBe(3);
    expect(site.stages).toContainEqual(expect.stringMatching(/^Indexing for search: 3 pages indexed \(1 of 1 index shards rebuilt\), \d+ KiB in pagefind\/$/));
    expect(site.result.timings.index).toBeTypeOf("number");
  });
});

describe("wire-archive search", () => {
  it("finds `sarin` in the AFP and Al Jazeera reports and not the BBC one", () => {
    const { hits } = searchJson("sarin");
    expect(hits.map((h) => h.sourceId).sort()).toEqual(["afp", "al-jazeera"]);
  });

  it("finds `Brahimi` only in the BBC report, with headline, source, date, URL and excerpt", () => {
    const { hits } = searchJson("Brahimi");
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      source: "BBC",
      date: "2013-09-13",
      headline: expect.stringMatching(/^The US and Russian foreign ministers are due to hold their second round of talks/),
      url: expect.stringMatching(/^\/articles\/[a-z0-9-]+\/$/),
    });
    expect(hits[0]!.excerpt).toContain("Lakhdar Brahimi");
  });

  it("narrows by source id or name", () => {
    expect(searchJson("sarin", "--source", "afp").hits.map((h) => h.source)).toEqual(["Agence France-Presse"]);
    expect(searchJson("talks", "--source", "Al Jazeera").hits.map((h) => h.sourceId)).toEqual(["al-jazeera"]);
  });

  it("orders by date, newest first: Al Jazeera (14 Sep, 07:13), AFP (14 Sep), BBC (13 Sep)", () => {
    expect(searchJson("talks", "--sort", "date").hits.map((h) => h.sourceId)).toEqual(["al-jazeera", "afp", "bbc"]);
  });

  it("prints readable hits by default", () => {
    const run = runCli(["search", "Brahimi", "--out", site.outDir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1 report matches "Brahimi":\n\n1\. The US and Russian foreign ministers/);
    expect(run.stdout).toContain("   BBC · 13 September 2013\n   /articles/");
    expect(run.stdout).toContain("Lakhdar Brahimi");
  });

  it("says clearly when the site is not built", () => {
    const empty = mkdtempSync(path.join(tmpdir(), "wa-nosite-"));
    try {
      const run = runCli(["search", "sarin", "--out", path.join(empty, "_site")]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("the site is not built");
      expect(run.stderr).toContain("wire-archive build");
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("rejects an unknown source, naming the known ones", () => {
    const run = runCli(["search", "sarin", "--source", "reuters", "--out", site.outDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unexpected source "reuters", expected one of: afp (Agence France-Presse), al-jazeera (Al Jazeera), bbc (BBC).');
  });
});
