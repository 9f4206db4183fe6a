/**
 * The parts of search that know about index shards: what each file in a sharded bundle is for, what the
 * service worker keeps offline, and how sorted results are ordered across shards (shard-search.js).
 */
import { describe, expect, it } from "vitest";
import { bundlePart } from "../../src/search/bundle-size.ts";
import { planOffline } from "../../src/search/offline-manifest.ts";
import { mergeShards, withGlobalSort } from "../../src/search/shard-search.js";
import type { ShardsManifest } from "../../src/search/shard-manifest.ts";

const manifest: ShardsManifest = { scheme: 1, shardCount: 3, bundles: ["", "shard-1/", "shard-2/"], pages: [4, 3, 5], sortRanks: "sort-ranks.json" };

describe("a sharded bundle's files", () => {
  it("count shards and shard lists as index, the shared search code as runtime", () => {
    expect(bundlePart("shard-3/index/en_1a2b3c4.pf_index")).toBe("index");
    expect(bundlePart("shard-3/pagefind-entry.json")).toBe("index");
    expect(bundlePart("shards.json")).toBe("index");
    expect(bundlePart("sort-ranks.json")).toBe("index");
    expect(bundlePart("shard-pages.json")).toBe("index");
    expect(bundlePart("shard-search.js")).toBe("runtime");
    expect(bundlePart("pagefind-component-ui.js")).toBe("ui");
  });

  it("are kept offline: every shard's entry up front, its index and fragments later, the build's page lists never", () => {
    const plan = planOffline(
      [
        "pagefind/pagefind-entry.json",
        "pagefind/shards.json",
        "pagefind/sort-ranks.json",
        "pagefind/shard-pages.json",
        "pagefind/shard-search.js",
        "pagefind/shard-1/pagefind-entry.json",
        "pagefind/shard-1/pagefind.en_abc.pf_meta",
        "pagefind/shard-1/index/en_1.pf_index",
        "pagefind/shard-1/fragment/en_2.pf_fragment",
      ],
      "pagefind",
    );
    expect(plan).toEqual({
      shell: [
        "pagefind/pagefind-entry.json",
        "pagefind/shards.json",
        "pagefind/sort-ranks.json",
        "pagefind/shard-search.js",
        "pagefind/shard-1/pagefind-entry.json",
        "pagefind/shard-1/pagefind.en_abc.pf_meta",
      ],
      pages: ["pagefind/shard-1/index/en_1.pf_index", "pagefind/shard-1/fragment/en_2.pf_fragment"],
    });
  });
});

describe("merging shards", () => {
  it("asks for every shard but the primary at once, in shard order, with the given options", async () => {
    const asked: Array<[string, unknown]> = [];
    let release!: () => void;
    const loaded = new Promise<void>((resolve) => (release = resolve));
    const merging = mergeShards({ mergeIndex: (p: string, o?: unknown) => (asked.push([p, o]), loaded) }, manifest, "/wire/pagefind/", { baseUrl: "/wire/" });
    // Both asked for before either has loaded (one after another, the second would wait for the first).
    expect(asked).toEqual([
      ["/wire/pagefind/shard-1/", { baseUrl: "/wire/" }],
      ["/wire/pagefind/shard-2/", { baseUrl: "/wire/" }],
    ]);
    release();
    await merging;
  });
});

describe("sorted results across shards", () => {
  // As Pagefind returns them under a date sort: scores are positions within each result's own shard.
  const result = (id: string, score: number, url = `/${id}/`) => ({ id, score, data: async () => ({ url, raw_url: url }) });
  const response = {
    results: [result("a", 2), result("b", 1), result("c", 1), result("dup", 0, "/one/"), result("dup", 0, "/two/")],
    unfilteredResultCount: 5,
  };
  // Global ascending order by date: c, dup (/two/), a, b, dup (/one/).
  const ranks = { date: { order: ["c", "dup", "a", "b", "dup"], collisions: { "/two/": 1, "/one/": 4 } } };

  it("orders by the build's global ranks, newest first", async () => {
    const search = withGlobalSort(async () => response, async () => ranks);
    const out = await search("x", { sort: { date: "desc" } });
    expect(await Promise.all(out!.results.map(async (r) => (await r.data()).url))).toEqual(["/one/", "/b/", "/a/", "/two/", "/c/"]);
  });

  it("and oldest first", async () => {
    const search = withGlobalSort(async () => ({ ...response, results: [...response.results] }), async () => ranks);
    const out = await search("x", { sort: { date: "asc" } });
    expect(await Promise.all(out!.results.map(async (r) => (await r.data()).url))).toEqual(["/c/", "/two/", "/a/", "/b/", "/one/"]);
  });

  it("leaves relevance searches alone and does not load the ranks for them", async () => {
    let loaded = false;
    const search = withGlobalSort(async () => response, async () => ((loaded = true), ranks));
    expect(await search("x", {})).toBe(response);
    expect(loaded).toBe(false);
  });
});
