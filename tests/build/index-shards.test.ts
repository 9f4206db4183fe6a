/**
 * Shard assignment for the search index: how many shards, which page goes where, and the values
 * sorted searches are ordered by. Pure functions; no Pagefind.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignShards, collapseSpace, compareSortValues, hashPage, shardCountFor, shardOf, sortRanks, sortValues, withoutIgnored, type ShardPage } from "../../src/build/index-shards.ts";
import { shardBundle } from "../../src/search/shard-manifest.ts";

const urls = (n: number) => Array.from({ length: n }, (_, i) => `/articles/report-${i}/`);

describe("shard count", () => {
  it("is the smallest power of two keeping shards at or under the target size", () => {
    expect(shardCountFor(0, 500)).toBe(1);
    expect(shardCountFor(500, 500)).toBe(1);
    expect(shardCountFor(501, 500)).toBe(2);
    expect(shardCountFor(2_000, 500)).toBe(4);
    // 10,000 / 16 = 625 > 500; 10,000 / 32 = 312.5
    expect(shardCountFor(10_000, 500)).toBe(32);
    expect(shardCountFor(10_000, 2_000)).toBe(8);
  });
});

describe("shard assignment", () => {
  it("depends on the set of URLs only, not on their order, and sorts each shard", () => {
    const list = urls(300);
    const forward = assignShards(list, 50);
    const backward = assignShards([...list].reverse(), 50);
    expect(backward).toEqual(forward);
    expect(forward).toHaveLength(8);
    for (const shard of forward) expect(shard).toEqual([...shard].sort());
    expect(forward.flat().sort()).toEqual([...list].sort());
  });

  it("keeps a page in its shard when other pages come and go (same shard count)", () => {
    const before = assignShards(urls(300), 50);
    const after = assignShards([...urls(300).slice(1), "/articles/new-one/"], 50);
    const where = (shards: string[][], url: string) => shards.findIndex((s) => s.includes(url));
    for (const url of urls(300).slice(1)) expect(where(after, url)).toBe(where(before, url));
  });

  it("is balanced: 4,000 pages in 8 shards hold 500 each within 15%", () => {
    const shards = assignShards(urls(4_000), 500);
    expect(shards).toHaveLength(8);
    for (const shard of shards) {
      expect(shard.length).toBeGreaterThan(425);
      expect(shard.length).toBeLessThan(575);
    }
  });

  it("puts a page where shardOf says, and never leaves a shard empty", () => {
    const shards = assignShards(urls(40), 5);
    shards.forEach((shard, k) => shard.forEach((url) => expect(shardOf(url, shards.length)).toBe(k)));
    // Three pages at one per shard would make 4 shards, one of them empty: the count halves until none is.
    for (const shard of assignShards(["/a/", "/b/", "/c/"], 1)) expect(shard.length).toBeGreaterThan(0);
  });

  it("names shard folders under pagefind/, shard 0 being the primary bundle itself", () => {
    expect([0, 1, 7].map(shardBundle)).toEqual(["", "shard-1/", "shard-7/"]);
  });
});

describe("sort values", () => {
  it("reads the inline data-pagefind-sort form", () => {
    const html = `<article data-pagefind-body><span data-pagefind-sort="date:2013-09-14T07:13"></span><b data-pagefind-sort='rank:3'></b></article>`;
    expect(sortValues(html)).toEqual({ sort: { date: "2013-09-14T07:13", rank: "3" }, problems: [] });
  });

  it("reports forms it cannot read instead of sorting the page wrongly", () => {
    const { problems } = sortValues(`<time data-pagefind-sort="date[datetime]" datetime="2020-01-01"></time>`);
    expect(problems).toEqual(['Unexpected data-pagefind-sort="date[datetime]", expected the inline form key:value (sharded search orders by it)']);
  });

  it("compares like Pagefind: numbers as numbers, other values by bytes", () => {
    expect(["10", "9", "-1"].sort(compareSortValues(true))).toEqual(["-1", "9", "10"]);
    expect(["2013-09-14T07:13", "2013-09-04T23:00", "2013-09-14T06:59"].sort(compareSortValues(false))).toEqual([
      "2013-09-04T23:00",
      "2013-09-14T06:59",
      "2013-09-14T07:13",
    ]);
  });

  it("ranks pages of all shards together, ties by URL, and lists ids two pages share by URL", () => {
    const pages: ShardPage[] = [
      { url: "/c/", hash: "", id: "en_1", sort: { date: "2020-03-01" } },
      { url: "/a/", hash: "", id: "en_2", sort: { date: "2020-01-01" } },
      { url: "/b/", hash: "", id: "en_3", sort: { date: "2020-03-01" } },
      { url: "/d/", hash: "", id: "en_2", sort: { date: "2020-02-01" } },
      { url: "/e/", hash: "", id: "en_5" },
    ];
    expect(sortRanks(pages)).toEqual({
      date: { order: ["en_2", "en_2", "en_3", "en_1"], collisions: { "/a/": 0, "/d/": 1 } },
    });
  });
});

describe("page hash (what Pagefind stores of a page)", () => {
  const page = (note: string) =>
    `<main><article data-pagefind-body><h1>Talks resume</h1><p>Negotiators met on Monday.</p>${note}</article></main>`;

  it("does not change when only an ignored element or a link target changes", () => {
    const a = page(`<p class="note" data-pagefind-ignore>Part of a story: <a href="/s/1/">2 reports</a>.</p><a href="/t/4/#e" data-pagefind-ignore>mark</a>`);
    const b = page(`<p class="note" data-pagefind-ignore>Part of a story: <a href="/s/1/">3 reports</a>.</p><a href="/t/5/#e" data-pagefind-ignore>other</a>`);
    expect(hashPage(a)).toBe(hashPage(b));
    expect(hashPage(page(`<p><a href="/x/">Talks</a></p>`))).toBe(hashPage(page(`<p><a href="/y/">Talks</a></p>`)));
  });

  it("changes when indexed text changes", () => {
    expect(hashPage(page("<p>Agreement reached.</p>"))).not.toBe(hashPage(page("<p>No agreement.</p>")));
    expect(hashPage(page(`<div data-pagefind-ignore>x</div><p>one</p>`))).not.toBe(hashPage(page(`<div data-pagefind-ignore>x</div><p>two</p>`)));
  });

  it("drops an ignored element whole, nested elements of its kind included, and nothing after it", () => {
    const html = `<div>a<div data-pagefind-ignore="index">b<div>c</div>d<br>e</div>f</div><img data-pagefind-ignore src="x.png">g`;
    expect(withoutIgnored(html)).toBe(`<div>a f</div> g`);
  });

  it("keeps an ignored element Pagefind still reads: filters, metadata, sort values, images, a top heading", () => {
    for (const inner of [`<span data-pagefind-filter="year:2020"></span>`, `<span data-pagefind-meta="x:1"></span>`, `<span data-pagefind-sort="date:1"></span>`, `<img src="a.png" alt="">`, `<h1>Title</h1>`]) {
      const html = `<p data-pagefind-ignore>${inner}</p>`;
      expect(withoutIgnored(html)).toBe(html);
    }
    const own = `<p data-pagefind-ignore data-pagefind-meta="x">y</p>`;
    expect(withoutIgnored(own)).toBe(own);
  });

  it("collapses white space as `replace(/\\s+/g, \" \")` does", () => {
    const text = fc.string({ unit: fc.constantFrom(..."a< \t\n\r\u00a0\u2003\u3000\ufeff"), maxLength: 30 });
    fc.assert(fc.property(text, (t) => {
      expect(collapseSpace(t)).toBe(t.replace(/\s+/g, " "));
    }), { numRuns: 3000 });
  });

  it("keeps an ignored element whose end is missing rather than guess", () => {
    const html = `<section data-pagefind-ignore><p>never closed</p>`;
    expect(withoutIgnored(html)).toBe(html);
  });
});
