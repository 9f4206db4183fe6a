/** The search step's small parts: bundle accounting, the offline plan, excerpt parsing, hit formatting. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundlePart } from "../../src/search/bundle-size.ts";
import { formatHits } from "../../src/search/format-hits.ts";
import { planOffline, writeOfflineManifest } from "../../src/search/offline-manifest.ts";
import { parseExcerpt, type SearchHit } from "../../src/search/search-site.ts";

describe("bundlePart", () => {
  it("tells index files from the search runtime and the UI", () => {
    expect(bundlePart("fragment/en_14ff6b9.pf_fragment")).toBe("index");
    expect(bundlePart("index/en_8b2a888.pf_index")).toBe("index");
    expect(bundlePart("filter/en_21c880b.pf_filter")).toBe("index");
    expect(bundlePart("pagefind.en_9b607eca91.pf_meta")).toBe("index");
    expect(bundlePart("pagefind-entry.json")).toBe("index");
    expect(bundlePart("pagefind.js")).toBe("runtime");
    expect(bundlePart("wasm.en.pagefind")).toBe("runtime");
    expect(bundlePart("pagefind-component-ui.js")).toBe("ui");
    expect(bundlePart("pagefind-highlight.js")).toBe("ui");
  });
});

describe("planOffline", () => {
  const files = [
    "index.html",
    "search/index.html",
    "timeline/index.html",
    "articles/a-report/index.html",
    "assets/site.css",
    "raw/a-report.txt",
    "data/articles.json",
    "offline.json",
    "sw.js",
    "feed.xml",
    "pagefind/pagefind.js",
    "pagefind/pagefind-entry.json",
    "pagefind/pagefind-ui.js",
    "pagefind/pagefind-modular-ui.css",
    "pagefind/pagefind-component-ui.js",
    "pagefind/wasm.en.pagefind",
    "pagefind/wasm.unknown.pagefind",
    "pagefind/index/en_1.pf_index",
    "pagefind/fragment/en_2.pf_fragment",
  ];
  const plan = planOffline(files, "pagefind", ["en"]);

  it("puts top-level pages, assets and the search runtime in the shell", () => {
    expect(plan.shell).toEqual([
      "./",
      "search/",
      "timeline/",
      "assets/site.css",
      "pagefind/pagefind.js",
      "pagefind/pagefind-entry.json",
      "pagefind/pagefind-component-ui.js",
      "pagefind/wasm.en.pagefind",
    ]);
  });

  it("leaves the index chunks (first), articles and result fragments for the background fill, as paths relative to the site root", () => {
    expect(plan.pages).toEqual(["pagefind/index/en_1.pf_index", "articles/a-report/", "pagefind/fragment/en_2.pf_fragment"]);
  });
});

describe("planOffline with a budget", () => {
  const files = [
    "index.html",
    "search/index.html",
    "articles/a-report/index.html",
    "assets/site.css",
    "data/articles.json",
    "pagefind/pagefind.js",
    "pagefind/pagefind-entry.json",
    "pagefind/wasm.en.pagefind",
    "pagefind/pagefind.en_1.pf_meta",
    "pagefind/index/en_1.pf_index",
    "pagefind/filter/en_2.pf_filter",
    "pagefind/fragment/en_2.pf_fragment",
    "pagefind/shard-1/pagefind-entry.json",
    "pagefind/shard-1/index/en_3.pf_index",
    "pagefind/shard-1/fragment/en_4.pf_fragment",
  ];
  const sized = (bytes: number) => {
    const asked: string[] = [];
    return { asked, budget: { sizeOf: (rel: string) => (asked.push(rel), 1000), bytes } };
  };

  it("within it, keeps everything up front as without one", () => {
    const { budget } = sized(100_000);
    expect(planOffline(files, "pagefind", ["en"], budget)).toEqual(planOffline(files, "pagefind", ["en"]));
  });

  it("past it, keeps only the start of search and the top pages up front, and no pages: the rest is kept as it is read", () => {
    const { asked, budget } = sized(3_500);
    expect(planOffline(files, "pagefind", ["en"], budget)).toEqual({
      shell: [
        "./",
        "search/",
        "assets/site.css",
        "pagefind/pagefind.js",
        "pagefind/pagefind-entry.json",
        "pagefind/wasm.en.pagefind",
        "pagefind/pagefind.en_1.pf_meta",
        "pagefind/shard-1/pagefind-entry.json",
      ],
      pages: [],
    });
    // Sizes are read only until the budget is spent: the fourth file tips it.
    expect(asked).toEqual(["index.html", "search/index.html", "articles/a-report/index.html", "assets/site.css"]);
  });
});

describe("writeOfflineManifest", () => {
  const site = (files: string[]) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "wa-offline-"));
    dirs.push(dir);
    for (const rel of files) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), rel.endsWith("pagefind-entry.json") ? JSON.stringify({ languages: { en: { wasm: "en" } } }) : rel);
    }
    return dir;
  };
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const base = ["index.html", "articles/a/index.html", "pagefind/pagefind.js", "pagefind/pagefind-entry.json", "pagefind/fragment/en_1.pf_fragment"];

  it("gives the same plan from files listed beforehand (in any order) as from its own listing", async () => {
    const dir = site(base);
    const own = await writeOfflineManifest(dir, { bundleDir: "pagefind" });
    const given = await writeOfflineManifest(dir, { bundleDir: "pagefind", files: ["pagefind/pagefind.js", "index.html", "pagefind/fragment/en_1.pf_fragment", "articles/a/index.html", "pagefind/pagefind-entry.json"] });
    expect(given).toEqual(own);
    expect(own.shell).toEqual(["./", "pagefind/pagefind-entry.json", "pagefind/pagefind.js"]);
    expect(own.pages).toEqual(["articles/a/", "pagefind/fragment/en_1.pf_fragment"]);
  });

  it("sizes the site's files against its budget", async () => {
    const dir = site(base);
    expect((await writeOfflineManifest(dir, { bundleDir: "pagefind" })).pages).toHaveLength(2);
    const big = await writeOfflineManifest(dir, { bundleDir: "pagefind", budgetBytes: 10 });
    expect(big.pages).toEqual([]);
    expect(big.shell).toEqual(["./", "pagefind/pagefind-entry.json", "pagefind/pagefind.js"]);
  });

  it("has a version that data files (still being written) do not change, and a new page does", async () => {
    const { version } = await writeOfflineManifest(site(base), { bundleDir: "pagefind" });
    expect((await writeOfflineManifest(site([...base, "data/articles.json"]), { bundleDir: "pagefind" })).version).toBe(version);
    expect((await writeOfflineManifest(site([...base, "articles/b/index.html"]), { bundleDir: "pagefind" })).version).not.toBe(version);
  });
});

describe("parseExcerpt", () => {
  it("returns plain text with the marked ranges, entities decoded", () => {
    const { text, marks } = parseExcerpt("mustard and <mark>sarin</mark> gas, Kerry &amp; Lavrov&#39;s <mark>talks</mark>");
    expect(text).toBe("mustard and sarin gas, Kerry & Lavrov's talks");
    expect(marks).toEqual([
      [12, 17],
      [40, 45],
    ]);
    expect(marks.map(([a, b]) => text.slice(a, b))).toEqual(["sarin", "talks"]);
  });
});

describe("formatHits", () => {
  const hit: SearchHit = {
    headline: "US and Russia enter third day of Syria talks",
    source: "Al Jazeera",
    sourceId: "al-jazeera",
    date: "2013-09-14",
    published: "14 September 2013, 07:13",
    url: "/articles/us-and-russia/",
    file: "/tmp/site/articles/us-and-russia/index.html",
    excerpt: "mustard and sarin gas",
    marks: [[12, 17]],
    score: 1,
  };

  it("prints headline, source · date, URL and excerpt per hit", () => {
    expect(formatHits([hit], { query: "sarin", total: 1 })).toBe(
      [
        '1 report matches "sarin":',
        "",
        "1. US and Russia enter third day of Syria talks",
        "   Al Jazeera · 14 September 2013, 07:13",
        "   /articles/us-and-russia/",
        "   …mustard and sarin gas…",
        "",
      ].join("\n"),
    );
  });

  it("bolds the matched words on a colour terminal", () => {
    expect(formatHits([hit], { query: "sarin", total: 1, color: true })).toContain("…mustard and \x1b[1msarin\x1b[0m gas…");
  });

  it("says so when nothing matches", () => {
    expect(formatHits([], { query: "zeppelin", total: 0 })).toBe('No reports match "zeppelin".\n');
  });
});
