/**
 * Loads the built site's own Pagefind search code (`pagefind/pagefind.js`, the same module the browser
 * runs) into Node, so terminal search and the browser share one engine and one index.
 *
 * pagefind.js is an ES module that fetches its files (entry, metadata, WebAssembly, index chunks,
 * fragments) under its base path. Given a file: base path, it asks for file: URLs, which Node's fetch
 * refuses; a small shim answers those from the filesystem and passes every other URL through.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readShards } from "./shard-manifest.ts";
import { mergeShards, withGlobalSort, type SortRanks } from "./shard-search.js";

export interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  word_count: number;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearchOptions {
  filters?: Record<string, string | string[]>;
  sort?: Record<string, "asc" | "desc">;
}

/** The part of a Pagefind instance used here (see https://pagefind.app/docs/api/). */
export interface PagefindBundle {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<{ results: PagefindResult[]; unfilteredResultCount: number } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".json": "application/json",
  ".pagefind": "application/wasm",
};

let shimmed = false;

/** Lets `fetch` read file: URLs (what pagefind.js requests when imported from disk). */
export function installFileFetch(): void {
  if (shimmed) return;
  shimmed = true;
  const networkFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const href = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!href.startsWith("file:")) return networkFetch(input, init);
    const url = new URL(href);
    url.search = ""; // pagefind adds ?ts= cache busters
    const file = fileURLToPath(url);
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" } });
    } catch {
      return new Response(null, { status: 404, statusText: "Not Found" });
    }
  };
}

/**
 * Imports `<bundleDir>/pagefind.js` from a data: URL holding its text: that makes Node (and tsx's loader)
 * treat it as the ES module it is, though no package.json beside it says so. Each call gets its own
 * Pagefind instance (`createInstance`; the module itself is shared by bundles with the same source), with
 * `basePath` telling it where its files are. The index's other shards are merged in (pagefind/shards.json)
 * and sorted searches ordered across them, as on the search page.
 */
export async function loadBundle(bundleDir: string, options: Record<string, unknown> = {}): Promise<PagefindBundle> {
  const dir = path.resolve(bundleDir);
  const source = await readFile(path.join(dir, "pagefind.js"));
  installFileFetch();
  const module = (await import(`data:text/javascript;base64,${source.toString("base64")}`)) as { createInstance(options: Record<string, unknown>): PagefindBundle };
  const settings = { excerptLength: 30, ...options };
  const bundle = module.createInstance({ basePath: `${pathToFileURL(dir).href}/`, ...settings });
  await bundle.init();
  const shards = await readShards(dir);
  if (shards.bundles.length === 1) return bundle;
  await mergeShards(bundle, shards, `${pathToFileURL(dir).href}/`, settings);
  const ranks = async (): Promise<SortRanks | undefined> =>
    shards.sortRanks ? (JSON.parse(await readFile(path.join(dir, shards.sortRanks), "utf8")) as SortRanks) : undefined;
  return { ...bundle, search: withGlobalSort(bundle.search, ranks) };
}
