/**
 * The search step of the build: the searchable pages (marked `data-pagefind-body`, the article pages)
 * are indexed by Pagefind's Node API (its service is a process of its own) into shards under
 * `pagefind/` (see index-shards.ts). Pagefind cannot update an index, so on a rebuild only the shards
 * whose pages changed are indexed again; the others are hard-linked from the previous site (or left
 * as they are in a recycled site folder that already holds them).
 * Any error Pagefind reports fails the build with Pagefind's own messages.
 */
import { once } from "node:events";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import * as pagefind from "pagefind";
import { CODE_DIR } from "../code-dir.ts";
import { listFiles, summariseBundle, type BundleSize } from "../search/bundle-size.ts";
import { writeOfflineManifest } from "../search/offline-manifest.ts";
import { listTree } from "../site/list-tree.ts";
import { BUNDLE_DIR } from "../search/shard-manifest.ts";
import { timeStep, timeStepAsync } from "./step-timings.ts";
import { fail, indexShard, readPage, SearchIndexError } from "./index-shard.ts";
import type { EarlyShardJob, FromEarlyIndexer, ToEarlyIndexer } from "./early-index-worker.ts";
import { tsWorker } from "../archive/threads.ts";
import { collectGarbage } from "../site/collect-garbage.ts";
import { linkFromPrevious } from "../site/reuse-pages.ts";
import {
  assignShards,
  compareUrls,
  DEFAULT_PAGES_PER_SHARD,
  hashPage,
  readShardPages,
  SHARD_PAGES_FILE,
  SHARD_SCHEME,
  SHARD_SEARCH_FILE,
  shardBundle,
  SHARDS_FILE,
  SORT_RANKS_FILE,
  sortRanks,
  sortValues,
  type ShardPage,
  type ShardPagesManifest,
  type ShardsManifest,
} from "./index-shards.ts";

export { SearchIndexError } from "./index-shard.ts";

export interface IndexSiteOptions {
  /** How many pages should be indexed (one per record); fewer means the markers went missing. */
  expectedPages?: number;
  /** Written into the offline manifest so the service worker knows when its cache is stale. */
  version?: string;
  /** The previous site's folder: shards whose pages did not change are reused from its pagefind/. */
  previous?: string;
  /** URLs of pages not rendered this build whose files in siteDir are byte-identical to `previous`'s. */
  unchanged?: ReadonlySet<string>;
  /**
   * The site's files (relative, forward slashes) besides the search index, for the offline list, when
   * the caller knows them (the render does); else they are listed, in another thread while Pagefind works.
   */
  siteFiles?: readonly string[];
  /** Target shard size (default DEFAULT_PAGES_PER_SHARD); tests force it small. */
  pagesPerShard?: number;
}

export interface IndexSiteResult {
  /** Pages Pagefind indexed (pages with `data-pagefind-body`), summed over shards. */
  pages: number;
  size: BundleSize;
  /** Shards indexed by Pagefind in this build (the others were reused). */
  shardsIndexed: number;
  shardCount: number;
}

/**
 * An index being filled: pages are handed over as they are rendered, then `finish` writes the shards.
 * Only a hash and the sort values of each page are kept in memory; `finish` reads the pages of the
 * shards it rebuilds back from the site folder.
 */
export interface SiteIndexer {
  /**
   * Before a build that renders every page (no previous site) into `siteDir`: the searchable pages it
   * will render. A shard (but the first, which holds the runtime) whose pages have all been handed over
   * is then indexed, into `workDir`, while the rest of the site renders, one shard at a time: Pagefind
   * works on the core Eleventy leaves idle. Returns the order to render the pages in, shard by shard,
   * so that shards fill one after another (and only a shard or two of pages wait in memory).
   */
  expect(urls: readonly string[], siteDir: string, workDir: string, pagesPerShard?: number): (a: string, b: string) => number;
  /**
   * Before a rebuild's pages render into `siteDir`, once it is known which are kept from the previous
   * site (`kept`, files in `previousDir`): the searchable pages of the build (`urls`). A shard holding a
   * page rendered again (the first one too: moved into pagefind/ entry by entry) is indexed as soon as
   * those pages have been handed over, its kept pages read from the previous site, while the rest of
   * the site renders: an add's shard was indexed after the render, 2-4 s on the build's critical path.
   * One holding a page the previous index lacks (an added report's) starts at once, and takes its pages
   * rendered again as they come.
   */
  expectChanges(urls: readonly string[], kept: ReadonlySet<string>, siteDir: string, previousDir: string, workDir: string, pagesPerShard?: number): void;
  /** One rendered page, by its URL in the site ("/articles/x/"). */
  addPage(url: string, html: string): void;
  /** Writes the index to `siteDir/pagefind/`; an older index there (a recycled site) is replaced. */
  finish(siteDir: string, opts?: IndexSiteOptions): Promise<IndexSiteResult>;
  /** Stops Pagefind's service (also after a failure); safe to call twice. */
  close(): Promise<void>;
}

/** An early shard's deadline, plus 20 ms a page: healthy ones took 2-5 s for 650 pages beside the render. */
const EARLY_SHARD_DEADLINE_MS = 10_000;
/** Only pages that mark a body are results; the others need not cross to Pagefind at all. */
const MARKED = "data-pagefind-body";
/** Our files in pagefind/, written afresh each build (not part of shard 0). */
const OWN_FILES = new Set([SHARDS_FILE, SHARD_PAGES_FILE, SORT_RANKS_FILE, SHARD_SEARCH_FILE]);
/** Shards indexed at once: Pagefind's service uses several threads while writing; two keep both cores busy. */
const PARALLEL_SHARDS = 2;

export async function openSiteIndexer(): Promise<SiteIndexer> {
  const rendered = new Map<string, ShardPage>();
  const problems: string[] = [];
  let early: EarlyShards | undefined;
  return {
    expect(urls, siteDir, workDir, pagesPerShard = DEFAULT_PAGES_PER_SHARD) {
      early = new EarlyShards(assignShards(urls, pagesPerShard), path.resolve(siteDir), workDir);
      return early.renderOrder();
    },
    expectChanges(urls, kept, siteDir, previousDir, workDir, pagesPerShard = DEFAULT_PAGES_PER_SHARD) {
      const dir = path.resolve(previousDir);
      // What the previous index holds: a shard whose pages all come back the same is linked by `finish`.
      const indexed = pagefindVersion()
        .then((version) => readShardPages(path.join(dir, BUNDLE_DIR), version))
        .then((lists) => new Map(lists?.shards.flatMap((s) => s.pages.map((p) => [p.url, p.hash] as const))));
      early = new EarlyShards(assignShards(urls, pagesPerShard), path.resolve(siteDir), workDir, { kept, dir, indexed });
    },
    addPage(url, html) {
      if (!html.includes(MARKED)) return;
      const { sort, problems: found } = sortValues(html);
      problems.push(...found.map((p) => `${url}: ${p}`));
      const page: ShardPage = { url, hash: hashPage(html), ...(sort ? { sort } : {}) };
      rendered.set(url, page);
      early?.add(page, html);
    },
    async finish(siteDir, opts = {}) {
      const dir = path.resolve(siteDir);
      // A folder there is an older index (a recycled site); anything else is a page in its way.
      if (statSync(path.join(dir, BUNDLE_DIR), { throwIfNoEntry: false })?.isDirectory() === false) {
        throw new SearchIndexError([`Unexpected ${BUNDLE_DIR} in the rendered site, expected that path free for the search index. Rename the page or folder that writes it.`]);
      }
      fail(problems);
      const pageCount = rendered.size + (opts.unchanged?.size ?? 0);
      // If the Pagefind service dies, its pending promises never settle and nothing keeps Node running:
      // the watchdog keeps the process alive and turns the silence into a build error.
      return withWatchdog(writeShards(dir, rendered, opts, early), 60_000 + 50 * pageCount);
    },
    // Pagefind runs as a child service; stop it so the process can exit (it restarts on next use).
    // Not waiting for a shard indexed early: after a failure the service may be gone for good.
    close: async () => {
      await pagefind.close();
      await early?.discard();
    },
  };
}

/**
 * Shards indexed while the site renders (see `SiteIndexer.expect`). Each was predicted from the pages
 * expected; `finish` uses one only if the shard it assigns holds exactly the pages indexed early, with
 * the same content (else, or if the early run failed, that shard is indexed as usual).
 *
 * Pages fill shards faster than Pagefind indexes them: only the shard filling and the next one to index
 * keep their pages' HTML in memory; a shard queued behind those is read back from the site folder when
 * its turn comes (its pages long written by then), so memory stays flat at any size.
 *
 * They are indexed in a thread of their own (early-index-worker.ts), which talks to its own Pagefind
 * service: this thread, rendering, answered the service so seldom that a shard took 6-9 s, not 2.
 *
 * On a rebuild (`previous`), a shard waits only for its pages rendered again; its kept pages are read
 * from the previous site, and a shard with none rendered again is left to `finish` (which links it).
 */
type FilledShard = Pick<EarlyShardJob, "k" | "pages" | "html" | "dirs">;
/** A shard started before its pages rendered again came: those still to come (URL -> index in the shard). */
type StreamedShard = { item: FilledShard; toCome: Map<string, number>; started: boolean; whenComplete?: () => void };

class EarlyShards {
  private readonly shardOf = new Map<string, number>();
  private readonly filling: Array<Map<string, { page: ShardPage; html: string }>>;
  private readonly done = new Map<number, { pages: ShardPage[]; dir: string }>();
  private readonly filled = new Set<number>();
  /** Shards handed a page again after they filled: not indexed early. */
  private readonly spoilt = new Set<number>();
  /** Pages each shard waits for: all of them, or on a rebuild those not kept. */
  private readonly awaited: number[];
  /** Filled shards not started yet (with their pages' HTML, or to be read from the site folders). */
  private pending: FilledShard[] = [];
  private running?: { k: number; finished: Promise<void> };
  private worker?: Worker;
  /** The answer the thread owes for the running shard (one at a time). */
  private reply?: { resolve: (pages: ShardPage[]) => void; reject: (error: Error) => void };
  /** `finish` has begun: shards not started by now are left to it (it indexes two at a time). */
  private stopped = false;
  /** Shards started before their pages rendered again came (see `stream`). */
  private readonly streams = new Map<number, StreamedShard>();

  constructor(
    private readonly shards: string[][],
    private readonly siteDir: string,
    private readonly workDir: string,
    /** A rebuild's pages kept from the previous site, that site's folder and its index's page hashes. */
    private readonly previous?: { kept: ReadonlySet<string>; dir: string; indexed: Promise<ReadonlyMap<string, string>> },
  ) {
    shards.forEach((urls, k) => urls.forEach((url) => this.shardOf.set(url, k)));
    this.filling = shards.map(() => new Map());
    this.awaited = shards.map((urls) => urls.filter((url) => !previous?.kept.has(url)).length);
    // Left by a build that died. Where it cannot go, the early shards fail and `finish` indexes them.
    try {
      rmSync(workDir, { recursive: true, force: true });
    } catch {}
    previous?.indexed.then((indexed) => this.stream(indexed)).catch(() => {});
  }

  /**
   * On a rebuild, a shard that will hold a page the previous index lacks (an added report's) is indexed
   * again whatever comes: it starts now, its kept pages going to Pagefind before the render hands over
   * its first page (1.6-2.0 s into an add's Eleventy run at 10,000 reports), and each page rendered
   * again joins it in turn.
   * Other shards wait for their pages: rendered again with the same bytes, they need no index.
   */
  private stream(indexed: ReadonlyMap<string, string>): void {
    const { kept, dir } = this.previous!;
    for (const [k, urls] of this.shards.entries()) {
      if (this.filled.has(k) || this.spoilt.has(k) || this.stopped) continue;
      if (!urls.some((url) => !kept.has(url) && !indexed.has(url))) continue;
      const filling = this.filling[k]!;
      const toCome = new Map(urls.flatMap((url, at) => (kept.has(url) || filling.has(url) ? [] : [[url, at] as const])));
      const html = urls.map((url) => filling.get(url)?.html);
      const pages = urls.map((url) => filling.get(url)?.page ?? { url, hash: "" });
      const dirs = urls.map((url) => (kept.has(url) ? dir : this.siteDir));
      filling.clear();
      this.filled.add(k);
      const item = { k, pages, html, dirs };
      this.streams.set(k, { item, toCome, started: false });
      this.pending.push(item);
    }
    this.next();
  }

  /** Shards 1, 2, ... first, the first shard (not indexed early in a first build) last; by URL within a shard. */
  renderOrder(): (a: string, b: string) => number {
    const rank = (url: string) => {
      const k = this.shardOf.get(url);
      return k === undefined ? this.shards.length + 1 : k === 0 ? this.shards.length : k;
    };
    return (a, b) => rank(a) - rank(b) || compareUrls(a, b);
  }

  add(page: ShardPage, html: string): void {
    const k = this.shardOf.get(page.url);
    // A first build renders the first shard last: `finish` indexes it with the rest of the bundle.
    if (k === undefined || (k === 0 && !this.previous) || this.stopped || this.spoilt.has(k)) return;
    const stream = this.streams.get(k);
    if (stream) return this.streamPage(k, stream, page, html);
    if (this.filled.has(k)) {
      this.spoilt.add(k);
      return;
    }
    const filling = this.filling[k]!;
    filling.set(page.url, { page, html });
    if (filling.size < this.awaited[k]!) return;
    // A kept page is the previous site's file, read when the shard is indexed (its hash is taken then).
    const entries = this.shards[k]!.map((url) => filling.get(url) ?? { page: { url, hash: "" }, html: undefined });
    filling.clear();
    this.filled.add(k);
    const keepHtml = !this.pending.some((p) => p.html);
    const dirs = this.previous && this.shards[k]!.map((url) => (this.previous!.kept.has(url) ? this.previous!.dir : this.siteDir));
    this.pending.push({ k, pages: entries.map((e) => e.page), html: keepHtml ? entries.map((e) => e.html) : undefined, dirs });
    this.next();
  }

  /** A page rendered again for a shard already started (or queued) without it. */
  private streamPage(k: number, stream: StreamedShard, page: ShardPage, html: string): void {
    const at = stream.toCome.get(page.url);
    // A second copy of a page: the shard was given the first (as for a filled shard, below).
    if (at === undefined) {
      this.spoilt.add(k);
      return;
    }
    stream.toCome.delete(page.url);
    if (stream.started) this.worker?.postMessage({ k, at, html } satisfies ToEarlyIndexer);
    else {
      stream.item.html![at] = html;
      stream.item.pages[at] = page;
    }
    if (stream.toCome.size === 0) stream.whenComplete?.();
  }

  private next(): void {
    if (this.running || this.stopped) return;
    const item = this.pending.shift();
    if (!item) return;
    const finished = this.index(item).finally(() => {
      this.running = undefined;
      this.next();
    });
    this.running = { k: item.k, finished };
  }

  private async index({ k, pages, html, dirs }: FilledShard): Promise<void> {
    const dir = path.join(this.workDir, `shard-${k}`);
    try {
      // Pages rendered again as they were (a link or a note changed): the shard is the previous one.
      const indexed = this.streams.has(k) ? undefined : await this.previous?.indexed;
      if (indexed && pages.every((p) => p.hash === "" || indexed.get(p.url) === p.hash)) return;
      const early = await timeStepAsync("index.early", () => this.indexElsewhere({ k, pages, html, dirs, siteDir: this.siteDir, out: dir }));
      this.done.set(k, { pages: early, dir });
    } catch {
      // Indexed again in `finish`, which reports the error if it happens again.
    }
  }

  /**
   * One shard indexed by the early index thread (started with the first shard). A Pagefind service
   * that fails may never answer (writing into a folder it cannot make, it hangs): past a deadline the
   * thread is stopped, and with it early indexing; `finish` indexes what is left.
   */
  private indexElsewhere(job: EarlyShardJob): Promise<ShardPage[]> {
    const worker = (this.worker ??= this.startWorker());
    let timer: NodeJS.Timeout | undefined;
    // A shard started before its pages came has its deadline from the last one on (a render takes its time).
    const stream = this.streams.get(job.k);
    const deadline = () => (timer = setTimeout(() => void this.stopWorker(), EARLY_SHARD_DEADLINE_MS + 20 * job.pages.length));
    return new Promise<ShardPage[]>((resolve, reject) => {
      this.reply = { resolve, reject };
      worker.ref(); // a shard in hand keeps the process alive; an idle thread does not
      if (stream) {
        stream.started = true;
        job.later = [...stream.toCome.values()];
        if (stream.toCome.size) stream.whenComplete = deadline;
        else deadline();
      } else deadline();
      worker.postMessage(job satisfies ToEarlyIndexer);
    }).finally(() => {
      clearTimeout(timer);
      worker.unref();
    });
  }

  private startWorker(): Worker {
    // A small heap: it holds one shard's pages at a time (20-40 MB), and the render's peak is near (its
    // heap grew to some 100 MB more unbounded). Should a shard need more, the thread stops: see "exit".
    const worker = tsWorker(new URL("./early-index-worker.ts", import.meta.url), { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 });
    const settle = (outcome: FromEarlyIndexer | { error: string }) => {
      const reply = this.reply;
      this.reply = undefined;
      if ("error" in outcome) reply?.reject(new Error(outcome.error));
      else reply?.resolve(outcome.indexed);
    };
    worker.on("message", settle);
    worker.on("error", (e: Error) => settle({ error: e.message }));
    worker.on("exit", () => {
      if (this.worker === worker) this.worker = undefined;
      this.stopped = true; // no other thread is started: what is left goes to `finish`
      settle({ error: "the early index thread stopped" });
    });
    return worker;
  }

  /** Asks the thread to stop its Pagefind service and exit; ends it if it has not within 5 s. */
  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    if (!worker) return; // none started, or it has exited
    this.worker = undefined;
    const exited = once(worker, "exit").catch(() => {});
    worker.postMessage({ close: true } satisfies ToEarlyIndexer);
    const timer = setTimeout(() => void worker.terminate(), 5_000);
    await exited;
    clearTimeout(timer);
  }

  /**
   * The early index of shard `k`, moved to `out`, if it holds exactly `pages` (URLs and content);
   * waits for it if it is being indexed. Undefined: `finish` indexes the shard itself.
   */
  async take(k: number, pages: ShardPage[], out: string): Promise<ShardPage[] | undefined> {
    this.stopped = true;
    this.pending = [];
    // Every page has been handed over by now: a shard still waiting for one waits in vain.
    const stream = this.running && this.streams.get(this.running.k);
    if (stream?.started && stream.toCome.size) {
      this.worker?.postMessage({ k: this.running!.k, abandon: `pages never rendered: ${[...stream.toCome.keys()].join(", ")}` } satisfies ToEarlyIndexer);
      stream.toCome.clear();
    }
    if (this.running?.k === k) await this.running.finished;
    const found = this.done.get(k);
    if (!found || this.spoilt.has(k) || found.pages.length !== pages.length) return undefined;
    if (!found.pages.every((p, i) => p.url === pages[i]!.url && p.hash === pages[i]!.hash)) return undefined;
    try {
      // The first shard is pagefind/ itself, beside the other shards' folders: moved entry by entry.
      if (k === 0) await moveEntries(found.dir, out);
      else await rename(found.dir, out);
    } catch {
      return undefined; // another file system: indexed again
    }
    this.done.delete(k);
    return found.pages;
  }

  async discard(): Promise<void> {
    await this.stopWorker();
    await rm(this.workDir, { recursive: true, force: true }).catch(() => {}); // as in the constructor
  }
}

async function writeShards(dir: string, rendered: Map<string, ShardPage>, opts: IndexSiteOptions, early?: EarlyShards): Promise<IndexSiteResult> {
  const bundleDir = path.join(dir, BUNDLE_DIR);
  const pagesPerShard = opts.pagesPerShard ?? DEFAULT_PAGES_PER_SHARD;
  const version = await pagefindVersion();
  const previousDir = opts.previous ? path.join(path.resolve(opts.previous), BUNDLE_DIR) : undefined;
  const previous = previousDir ? await readShardPages(previousDir, version) : undefined;

  // This build's searchable pages: those rendered now, plus unchanged ones the previous index had.
  const pages = new Map(rendered);
  const before = new Map(previous?.shards.flatMap((s) => s.pages.map((p) => [p.url, p] as const)) ?? []);
  for (const url of opts.unchanged ?? []) {
    if (pages.has(url)) continue;
    if (previous) {
      // Byte-identical to the previous site: searchable exactly when the previous index had it.
      const page = before.get(url);
      if (page) pages.set(url, page);
    } else {
      // No usable page lists: read the page to know whether it is searchable.
      const html = await readPage(dir, url);
      if (html.includes(MARKED)) pages.set(url, { url, hash: hashPage(html) });
    }
  }
  const assigned = assignShards(pages.keys(), pagesPerShard);
  const shards = assigned.map((urls) => urls.map((url) => pages.get(url)!));
  const reusable = (k: number): boolean => {
    const old = previous?.shards.length === shards.length ? previous.shards[k] : undefined;
    return !!old && old.pages.length === shards[k]!.length && old.pages.every((p, i) => p.url === shards[k]![i]!.url && p.hash === shards[k]![i]!.hash);
  };

  // For the offline list (which leaves out the data files the build may still be writing, listed or not).
  const siteFiles = opts.siteFiles ? Promise.resolve(opts.siteFiles) : listTree(dir, [BUNDLE_DIR]);
  siteFiles.catch(() => {}); // awaited below; not unhandled if a shard fails first
  await mkdir(bundleDir, { recursive: true });
  // The site folder may be a recycled site (swap-output.ts) holding an older index: what the shards
  // rebuilt now will hold goes first, so Pagefind writes new files, never ones the live site shares.
  timeStep("index.clear", () => clearBundle(bundleDir, shards.length, (k) => !!previousDir && reusable(k)));
  let shardsIndexed = 0;
  await inParallel(shards.length, PARALLEL_SHARDS, async (k) => {
    const out = path.join(bundleDir, shardBundle(k));
    if (previousDir && reusable(k)) {
      // Nothing writes into a finished shard, so links are safe and cost no space.
      timeStep("index.link", () => syncTree(path.join(previousDir, shardBundle(k)), out, k === 0 ? isShardZeroEntry : () => true));
      shards[k] = previous!.shards[k]!.pages;
    } else {
      const indexed = await early?.take(k, shards[k]!, out);
      shards[k] = indexed ?? (await timeStepAsync("index.shards", () => indexShard(dir, shards[k]!, out, k === 0)));
      shardsIndexed++;
      // A shard's pages, read and sent to Pagefind, are garbage now: left to pile up, 16 shards of a
      // 10,000-report site added 600 MB to the heap before V8 collected.
      collectGarbage();
    }
  });

  // addDirectory's page_count counts every HTML file read; the entry files count the pages indexed.
  const counts = await timeStepAsync("index.count", () => Promise.all(shards.map((_, k) => indexedPageCount(path.join(bundleDir, shardBundle(k))))));
  const total = counts.reduce((a, b) => a + b, 0);
  if (opts.expectedPages !== undefined && total !== opts.expectedPages) {
    throw new SearchIndexError([
      `Unexpected ${total} indexed pages, expected ${opts.expectedPages} (one per report). ` +
        "Check that layouts/_includes/article.njk still marks the article with data-pagefind-body.",
    ]);
  }

  const bundles = shards.map((_, k) => shardBundle(k));
  const manifest: ShardsManifest = { scheme: SHARD_SCHEME, shardCount: shards.length, bundles, pages: counts };
  if (shards.length > 1) {
    manifest.sortRanks = SORT_RANKS_FILE;
    await writeFile(path.join(bundleDir, SORT_RANKS_FILE), JSON.stringify(sortRanks(shards.flat())));
  }
  const pageLists: ShardPagesManifest = { scheme: SHARD_SCHEME, pagefind: version, pagesPerShard, shards: shards.map((p, k) => ({ bundle: bundles[k]!, pages: p })) };
  await writeFile(path.join(bundleDir, SHARD_PAGES_FILE), JSON.stringify(pageLists));
  await writeFile(path.join(bundleDir, SHARDS_FILE), JSON.stringify(manifest));
  await copyFile(path.join(CODE_DIR, "src", "search", SHARD_SEARCH_FILE), path.join(bundleDir, SHARD_SEARCH_FILE));
  // The bundle is listed once, for the offline list and for its size.
  const bundleFiles = listFiles(bundleDir);
  await timeStepAsync("index.offline-manifest", async () => {
    const files = [...(await siteFiles), ...bundleFiles.map((rel) => `${BUNDLE_DIR}/${rel}`)];
    await writeOfflineManifest(dir, { bundleDir: BUNDLE_DIR, version: opts.version, files });
  });
  return { pages: total, size: timeStep("index.size", () => summariseBundle(bundleDir, bundleFiles)), shardsIndexed, shardCount: shards.length };
}

/** Shard 0 is pagefind/ itself, minus the other shards' folders and this module's own files. */
function isShardZeroEntry(name: string): boolean {
  return !/^shard-\d+$/.test(name) && !OWN_FILES.has(name);
}

/**
 * Makes the files under `to`'s top-level entries that `keep` accepts hard links of `from`'s: links made
 * or replaced where they differ (same inode: left), files `from` lacks removed. Only those entries are
 * read: Pagefind may be writing other shards' folders beside them.
 */
function syncTree(from: string, to: string, keep: (name: string) => boolean): void {
  const files = listEntries(from, keep);
  const missing = linkFromPrevious(files, from, to);
  if (missing.length) throw new SearchIndexError([`Unexpected missing ${missing[0]} in the previous site's index, expected every file it lists. Rebuild with --force.`]);
  const wanted = new Set(files);
  for (const rel of listEntries(to, keep)) if (!wanted.has(rel)) rmSync(path.join(to, rel));
}

/** Files under the top-level entries of `dir` that `keep` accepts, relative to `dir`. */
function listEntries(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => keep(e.name))
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)).map((rel) => `${e.name}/${rel}`) : [e.name]));
}

/**
 * Removes from a bundle folder what is not reused as it is: the folders of shards indexed again or no
 * longer there, shard 0's own files unless it is reused, and this module's files (written each build).
 */
function clearBundle(bundleDir: string, shardCount: number, reused: (k: number) => boolean): void {
  for (const entry of readdirSync(bundleDir)) {
    const shard = /^shard-(\d+)$/.exec(entry);
    const k = shard ? Number(shard[1]) : 0;
    const keep = shard ? k > 0 && k < shardCount && reused(k) : isShardZeroEntry(entry) && reused(0);
    if (!keep) rmSync(path.join(bundleDir, entry), { recursive: true, force: true });
  }
}

/**
 * Moves each entry of `from` into `to` (whose entries of those names are gone: `clearBundle`). Should
 * one fail (another file system), those moved are taken out again and the error thrown.
 */
async function moveEntries(from: string, to: string): Promise<void> {
  const moved: string[] = [];
  try {
    for (const name of await readdir(from)) {
      await rename(path.join(from, name), path.join(to, name));
      moved.push(name);
    }
  } catch (error) {
    for (const name of moved) rmSync(path.join(to, name), { recursive: true, force: true });
    throw error;
  }
}

async function inParallel(count: number, width: number, run: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) await run(i);
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
}

/** Pages in a written index, summed over its languages (pagefind-entry.json). */
export async function indexedPageCount(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(bundleDir, "pagefind-entry.json"), "utf8")) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((sum, lang) => sum + (lang.page_count ?? 0), 0);
}

/** The installed Pagefind's version: shards written by another version are not reused. */
async function pagefindVersion(): Promise<string> {
  for (const dir of createRequire(import.meta.url).resolve.paths("pagefind") ?? []) {
    const text = await readFile(path.join(dir, "pagefind", "package.json"), "utf8").catch(() => "");
    if (text) return (JSON.parse(text) as { version: string }).version;
  }
  return "unknown";
}

function withWatchdog<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void pagefind.close();
      reject(new SearchIndexError([`Pagefind stopped answering for ${Math.round(ms / 1000)}s; its service may have crashed (see its output above).`]));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
