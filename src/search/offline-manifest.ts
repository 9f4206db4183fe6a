/**
 * The list of files the service worker (`sw.js`) keeps for offline use, written to `offline.json`
 * (the shell) and `offline-pages.json` (the rest) after Pagefind has written its bundle (the bundle's
 * file names are content hashes, known only then). The search page and the worker's install read only
 * the first: the second lists every page, 213 KB at 1,000 reports, which the search page waited for
 * before it showed its box.
 * URLs are relative to the site root ("./", "search/", "pagefind/pagefind.js"), so a site served under
 * a sub-path works as well.
 * `shell` is cached when the worker installs: top-level pages, assets and the search runtime (every
 * shard's entry and metadata, see shard-manifest.ts).
 * `pages` is filled in afterwards, in the background, while the reader's own requests leave the network
 * quiet (sw.js): the search index's chunks first, then every other page and each result's fragment.
 * The chunks were in the shell once: on a first visit to /search/ on a slow phone link, the worker's
 * install fetched the whole index beside the reader's first search, which then took twice as long.
 * Raw reports and data files are cached when first fetched, not ahead.
 * That is for an archive of up to OFFLINE_BUDGET_BYTES. A bigger one (a 10,000-report site is some
 * 580 MB of pages and index) would have every visitor's phone fetch all of it: there the shell keeps
 * only what a search needs to start (its index chunks, filters and fragments are kept as searches
 * fetch them) and `pages` is empty (each page is kept as it is read).
 */
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { listFiles } from "./bundle-size.ts";
import { SHARDS_FILE, SORT_RANKS_FILE } from "./shard-manifest.ts";

export const OFFLINE_MANIFEST = "offline.json";
export const OFFLINE_PAGES = "offline-pages.json";

export interface OfflineManifest {
  /** False in the placeholder Eleventy renders; true once the search index exists. */
  indexed: boolean;
  version: string;
  shell: string[];
  pages: string[];
}

/** Files no visitor needs offline ahead of time: the raw copies, data dumps, feeds and the legacy UIs. */
const SKIP = [/^raw\//, /^data\//, /\.(xml|txt|md|json)$/, /^pagefind\/pagefind-(ui|modular-ui)\./, /^sw\.js$/];

/** What the worker may fetch ahead of time on a first visit (uncompressed bytes). */
export const OFFLINE_BUDGET_BYTES = 50 * 2 ** 20;

export interface OfflineBudget {
  /** A file's size in bytes (relative path). */
  sizeOf: (rel: string) => number;
  /** Default OFFLINE_BUDGET_BYTES. */
  bytes?: number;
}

/**
 * Splits the site's files (relative paths) into shell and pages. `wasm` names the search cores the index
 * uses (pagefind-entry.json); the others Pagefind writes are never fetched. With a `budget`, a site
 * whose shell and pages weigh more keeps only the start of search up front and no pages (sizes are
 * read only until the budget is spent).
 */
export function planOffline(files: string[], bundleDir = "pagefind", wasm?: string[], budget?: OfflineBudget): Pick<OfflineManifest, "shell" | "pages"> {
  const shell: string[] = [];
  const chunks: string[] = [];
  const pages: string[] = [];
  // Searches fetch each shard's entry and the shard list; sorted searches also fetch the ranks.
  const keepJson = new RegExp(`^${bundleDir}/((shard-\\d+/)?pagefind-entry|${SHARDS_FILE.replace(".json", "")}|${SORT_RANKS_FILE.replace(".json", "")})\\.json$`);
  const fragment = new RegExp(`^${bundleDir}/(shard-\\d+/)?fragment/`);
  const wasmFile = new RegExp(`^${bundleDir}/wasm\\.(.+)\\.pagefind$`);
  // Chunks of the index and its filters: fetched by the searches that need them.
  const chunk = new RegExp(`^${bundleDir}/(shard-\\d+/)?(index|filter)/`);
  const limit = budget?.bytes ?? OFFLINE_BUDGET_BYTES;
  let bytes = 0;
  for (const rel of files) {
    if (!keepJson.test(rel) && SKIP.some((re) => re.test(rel))) continue;
    const core = wasmFile.exec(rel)?.[1];
    if (wasm && core && !wasm.includes(core)) continue;
    if (budget && bytes <= limit) bytes += budget.sizeOf(rel);
    if (rel.endsWith(".html")) {
      const url = rel.replace(/(^|\/)index\.html$/, "$1") || "./";
      // Top-level pages (home, search/, timeline/...) belong to the shell; articles and the like come after.
      (url.split("/").length <= 2 ? shell : pages).push(url);
    } else if (fragment.test(rel)) {
      pages.push(rel);
    } else if (chunk.test(rel)) {
      chunks.push(rel);
    } else {
      shell.push(rel);
    }
  }
  return bytes <= limit ? { shell, pages: [...chunks, ...pages] } : { shell, pages: [] };
}

/**
 * `files`: the site's files (relative, forward slashes), when already listed (the search step lists
 * them in another thread while Pagefind works); default: listed here.
 */
export async function writeOfflineManifest(
  siteDir: string,
  opts: { bundleDir: string; version?: string; files?: readonly string[]; budgetBytes?: number },
): Promise<OfflineManifest> {
  const files = opts.files ? [...opts.files].sort() : listFiles(siteDir);
  const entry = await readFile(path.join(siteDir, opts.bundleDir, "pagefind-entry.json"), "utf8").catch(() => "");
  const languages = (entry ? JSON.parse(entry).languages : {}) as Record<string, { wasm?: string }>;
  const wasm = Object.values(languages).flatMap((l) => (l.wasm ? [l.wasm] : []));
  const sizeOf = (rel: string) => statSync(path.join(siteDir, rel), { throwIfNoEntry: false })?.size ?? 0;
  const plan = planOffline(files, opts.bundleDir, wasm, { sizeOf, bytes: opts.budgetBytes });
  // Over what the worker caches, not every file: data files the build is still writing do not count.
  const version = opts.version ?? createHash("sha256").update(entry).update(plan.shell.join("\n")).update("\0").update(plan.pages.join("\n")).digest("hex").slice(0, 12);
  await writeFile(path.join(siteDir, OFFLINE_MANIFEST), JSON.stringify({ indexed: true, version, shell: plan.shell }, null, 1));
  // The same version: the worker fills in a pages list only with the shell it belongs to.
  await writeFile(path.join(siteDir, OFFLINE_PAGES), JSON.stringify({ version, pages: plan.pages }));
  return { indexed: true, version, ...plan };
}
