/**
 * The search step of the build: Pagefind's Node API indexes each page as the site renders it (its
 * service is a process of its own) and writes its bundle to `pagefind/`. Only pages marked
 * `data-pagefind-body` (the article pages) become results.
 * Any error Pagefind reports fails the build with Pagefind's own messages.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { summariseBundle, type BundleSize } from "../search/bundle-size.ts";
import { writeOfflineManifest } from "../search/offline-manifest.ts";

export const BUNDLE_DIR = "pagefind";

export interface IndexSiteOptions {
  /** How many pages should be indexed (one per record); fewer means the markers went missing. */
  expectedPages?: number;
  /** Written into the offline manifest so the service worker knows when its cache is stale. */
  version?: string;
}

export interface IndexSiteResult {
  /** Pages Pagefind indexed (pages with `data-pagefind-body`). */
  pages: number;
  size: BundleSize;
}

export class SearchIndexError extends Error {
  constructor(readonly messages: string[]) {
    super(`Search indexing failed (Pagefind):\n  ${messages.join("\n  ")}`);
    this.name = "SearchIndexError";
  }
}

/**
 * An index being filled: pages can be added as they are rendered (Pagefind runs as its own process,
 * so it indexes on another core while the site renders), then `finish` writes the bundle.
 */
export interface SiteIndexer {
  /** Queue one rendered page for indexing, by its URL in the site ("/articles/x/"). */
  addPage(url: string, html: string): void;
  /** Writes the bundle to `siteDir/pagefind/` once every queued page is in. */
  finish(siteDir: string, opts?: IndexSiteOptions): Promise<IndexSiteResult>;
  /** Stops Pagefind's service (also after a failure); safe to call twice. */
  close(): Promise<void>;
}

/** Only pages that mark a body are results; the others need not cross to Pagefind at all. */
const MARKED = "data-pagefind-body";

export async function openSiteIndexer(): Promise<SiteIndexer> {
  const created = await pagefind.createIndex({});
  fail(created.errors);
  const index = created.index;
  if (!index) throw new SearchIndexError(["Unexpected missing index, expected Pagefind to create one"]);
  const pending: Array<Promise<void>> = [];
  const problems: string[] = [];
  let queued = 0;
  return {
    addPage(url, html) {
      if (!html.includes(MARKED)) return;
      queued++;
      pending.push(
        index.addHTMLFile({ url, content: html }).then(
          (added) => void problems.push(...(added.errors ?? []).map((e) => `${url}: ${e}`)),
          (error: unknown) => void problems.push(`${url}: ${error instanceof Error ? error.message : String(error)}`),
        ),
      );
    },
    async finish(siteDir, opts = {}) {
      const dir = path.resolve(siteDir);
      if (existsSync(path.join(dir, BUNDLE_DIR))) {
        // Pagefind's service panics (and never answers) when its output path is taken.
        throw new SearchIndexError([
          `Unexpected ${BUNDLE_DIR}/ in the rendered site, expected that path free for the search index. Rename the page or folder that writes it.`,
        ]);
      }
      // If the Pagefind service dies, its pending promises never settle and nothing keeps Node running:
      // the watchdog keeps the process alive and turns the silence into a build error.
      return withWatchdog(
        (async () => {
          await Promise.all(pending);
          fail(problems);
          fail((await index.writeFiles({ outputPath: path.join(dir, BUNDLE_DIR) })).errors);
          await index.deleteIndex();
          // addDirectory's page_count counts every HTML file read; the entry file counts the pages indexed.
          const pages = await indexedPageCount(path.join(dir, BUNDLE_DIR));
          if (opts.expectedPages !== undefined && pages !== opts.expectedPages) {
            throw new SearchIndexError([
              `Unexpected ${pages} indexed pages, expected ${opts.expectedPages} (one per report). ` +
                "Check that layouts/_includes/article.njk still marks the article with data-pagefind-body.",
            ]);
          }
          await writeOfflineManifest(dir, { bundleDir: BUNDLE_DIR, version: opts.version });
          return { pages, size: await summariseBundle(path.join(dir, BUNDLE_DIR)) };
        })(),
        60_000 + 50 * queued,
      );
    },
    // Pagefind runs as a child service; stop it so the process can exit (it restarts on next use).
    close: async () => {
      await pagefind.close();
    },
  };
}

/** Pages in the written index, summed over its languages (pagefind-entry.json). */
export async function indexedPageCount(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(bundleDir, "pagefind-entry.json"), "utf8")) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((sum, lang) => sum + (lang.page_count ?? 0), 0);
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

function fail(errors: string[] | undefined): void {
  if (errors?.length) throw new SearchIndexError(errors);
}
