/**
 * How searchable pages are split into Pagefind index shards, and the manifest that records it.
 *
 * Pagefind cannot update an index in place, so the search index is cut into shards that are rebuilt
 * independently and merged at search time (Pagefind's multisite `mergeIndex`). A page's shard depends
 * only on its URL and the shard count, and the shard count only on the number of pages, so a full
 * build and an incremental build of the same pages produce the same shards; each shard is built from
 * its pages in sorted URL order (Pagefind's output depends on insertion order), so its files are the
 * same too, and so are search results.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { compareCodeUnits } from "../util/collections.ts";
export { SHARDS_FILE, SORT_RANKS_FILE, SHARD_SEARCH_FILE, shardBundle, type ShardsManifest } from "../search/shard-manifest.ts";

/** Bumped whenever the assignment or the manifest changes meaning: older shards are then rebuilt. */
export const SHARD_SCHEME = 2;
/** Build-side page lists with content hashes, read by the next incremental build. */
export const SHARD_PAGES_FILE = "shard-pages.json";
/**
 * Pagefind costs about 4 ms of CPU a page, so a shard of up to 1,000 pages is indexed again in 2-4 s.
 * Smaller shards make a rebuild cheaper but a first search dearer (each shard's entry, metadata and
 * index chunks are fetched): at 10,000 pages, 500 a shard meant 176 requests for a first search.
 */
export const DEFAULT_PAGES_PER_SHARD = 1000;

export interface ShardPage {
  url: string;
  /** sha1 of the page file's bytes. */
  hash: string;
  /** Pagefind's id for the page (its fragment file name), known once its shard is written. */
  id?: string;
  /** `data-pagefind-sort` values by key. */
  sort?: Record<string, string>;
}

export interface ShardPagesManifest {
  scheme: number;
  pagefind: string;
  pagesPerShard: number;
  shards: Array<{ bundle: string; pages: ShardPage[] }>;
}

/** The smallest power of two that keeps every shard at or under `pagesPerShard` pages on average. */
export function shardCountFor(pages: number, pagesPerShard: number): number {
  const per = Math.max(1, Math.floor(pagesPerShard));
  let count = 1;
  while (pages / count > per) count *= 2;
  return count;
}

/** Shard of a page: low bits of the sha1 of its URL (uniform, stable across builds). */
export function shardOf(url: string, shardCount: number): number {
  return createHash("sha1").update(url).digest().readUInt32BE(0) & (shardCount - 1);
}

/**
 * Splits URLs into shards, each sorted. The count is halved while a shard would be empty (Pagefind
 * cannot search an index without pages), which only happens for very small sites; like the rest,
 * it depends on the set of URLs alone.
 */
export function assignShards(urls: Iterable<string>, pagesPerShard: number): string[][] {
  const sorted = [...new Set(urls)].sort(compareUrls);
  let count = shardCountFor(sorted.length, pagesPerShard);
  for (;;) {
    const shards: string[][] = Array.from({ length: count }, () => []);
    for (const url of sorted) shards[shardOf(url, count)]!.push(url);
    if (count === 1 || shards.every((s) => s.length > 0)) return shards;
    count /= 2;
  }
}

/** URLs in code-unit order: stable, locale-independent. */
export const compareUrls = compareCodeUnits;

/**
 * What decides a page's entry in the index, hashed: the HTML less what Pagefind never stores, so a
 * page whose links or notes alone changed (a timeline mark pointing at another event, a name newly
 * linked to its page, a story's report count) does not send its shard to be indexed again. Dropped:
 * elements marked `data-pagefind-ignore` with their content (see `withoutIgnored`), link targets
 * (`href`), and runs of white space (collapsed).
 * tests/build/incremental-render.test.ts checks that the index comes out byte for byte as a full build's.
 */
export function hashPage(html: string | Buffer): string {
  const text = typeof html === "string" ? html : html.toString("utf8");
  const indexed = collapseSpace(withoutIgnored(text).replace(HREF, ""));
  return createHash("sha1").update(indexed).digest("hex");
}

/**
 * `text.replace(/\s+/g, " ")`, twice as fast on HTML: a single space, most of the white space there, is
 * left alone rather than replaced by itself (hashPage runs on every page, twice).
 */
export function collapseSpace(text: string): string {
  return text.replace(SPACE_TO_COLLAPSE, " ");
}
const SPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

const HREF = /\shref\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/g;
/** An opening tag carrying `data-pagefind-ignore`; group 1 is its name. */
const IGNORED_OPEN = /<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>/g;
/** What Pagefind may take its default metadata from (first image, first heading) wherever it is. */
const READ_ANYWAY = /<(?:img|h1)\b/i;
/** Elements with no closing tag. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/**
 * `html` without the elements Pagefind ignores. Pagefind still reads filters, metadata and sort
 * values inside an ignored element, so an element holding any `data-pagefind-` attribute besides its
 * own ignore mark is kept whole, as is one holding an image or a top heading (default metadata) or
 * one whose end cannot be found: keeping too much only costs indexing a shard again, dropping too
 * much would leave a stale index.
 */
export function withoutIgnored(html: string): string {
  let out = "";
  let from = 0;
  IGNORED_OPEN.lastIndex = 0;
  for (let m = IGNORED_OPEN.exec(html); m; m = IGNORED_OPEN.exec(html)) {
    const start = m.index;
    const openEnd = start + m[0].length;
    const name = m[1]!.toLowerCase();
    const end = VOID.has(name) || m[0].endsWith("/>") ? openEnd : closingEnd(html, name, openEnd);
    if (end === undefined) continue;
    const inside = html.slice(openEnd, end);
    const own = m[0].replace(/\sdata-pagefind-ignore\b(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/, "");
    if (own.includes("data-pagefind-") || inside.includes("data-pagefind-") || READ_ANYWAY.test(inside)) continue;
    out += html.slice(from, start) + " ";
    from = end;
    IGNORED_OPEN.lastIndex = end;
  }
  return from === 0 ? html : out + html.slice(from);
}

/** Where the element named `name` opened just before `at` ends (after its closing tag), counting nested ones of the same name. */
function closingEnd(html: string, name: string, at: number): number | undefined {
  const tag = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>`, "gi");
  tag.lastIndex = at;
  let depth = 1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : m[0].endsWith("/>") ? 0 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return undefined;
}

const SORT_ATTR = /\bdata-pagefind-sort\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'" };

/**
 * The page's `data-pagefind-sort="key:value"` values. Only the inline form is understood; any other
 * form is returned as a problem so the build can say so, instead of sorting that page wrongly.
 */
export function sortValues(html: string): { sort?: Record<string, string>; problems: string[] } {
  const sort: Record<string, string> = {};
  const problems: string[] = [];
  for (const m of html.matchAll(SORT_ATTR)) {
    const raw = (m[1] ?? m[2] ?? "").replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, e: string) => ENTITIES[e]!);
    const colon = raw.indexOf(":");
    if (colon <= 0 || /\[/.test(raw.slice(0, colon))) {
      problems.push(`Unexpected data-pagefind-sort="${raw}", expected the inline form key:value (sharded search orders by it)`);
      continue;
    }
    sort[raw.slice(0, colon).trim()] = raw.slice(colon + 1).trim();
  }
  return { sort: Object.keys(sort).length ? sort : undefined, problems };
}

/** Pagefind sorts a key numerically when every value is a number, else by UTF-8 bytes. */
export function compareSortValues(numeric: boolean): (a: string, b: string) => number {
  return numeric ? (a, b) => Number(a) - Number(b) : (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));
}

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/**
 * Global ranks for sorted searches: for each sort key, the page ids in ascending order of value, ties
 * by URL. Merged Pagefind results carry per-shard positions as scores under a sort; the search code
 * replaces them with these ranks. Ids shared by pages of different shards (Pagefind's short hashes
 * can collide across indexes) are listed in `collisions` by URL instead.
 */
export function sortRanks(pages: ShardPage[]): Record<string, { order: string[]; collisions: Record<string, number> }> {
  const keys = [...new Set(pages.flatMap((p) => Object.keys(p.sort ?? {})))].sort();
  const idCount = new Map<string, number>();
  for (const p of pages) if (p.id) idCount.set(p.id, (idCount.get(p.id) ?? 0) + 1);
  const out: Record<string, { order: string[]; collisions: Record<string, number> }> = {};
  for (const key of keys) {
    const withKey = pages.filter((p) => p.sort?.[key] !== undefined && p.id);
    const numeric = withKey.every((p) => NUMBER.test(p.sort![key]!));
    const cmp = compareSortValues(numeric);
    withKey.sort((a, b) => cmp(a.sort![key]!, b.sort![key]!) || compareUrls(a.url, b.url));
    const collisions: Record<string, number> = {};
    withKey.forEach((p, rank) => {
      if (idCount.get(p.id!)! > 1) collisions[p.url] = rank;
    });
    out[key] = { order: withKey.map((p) => p.id!), collisions };
  }
  return out;
}

/** The previous build's page lists, when usable by this one (same scheme and Pagefind version). */
export async function readShardPages(bundleDir: string, pagefindVersion: string): Promise<ShardPagesManifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(bundleDir, SHARD_PAGES_FILE), "utf8")) as ShardPagesManifest;
    if (manifest.scheme !== SHARD_SCHEME || manifest.pagefind !== pagefindVersion || !Array.isArray(manifest.shards)) return undefined;
    return manifest;
  } catch {
    return undefined;
  }
}
