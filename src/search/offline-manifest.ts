/**
 * The list of files the service worker (`sw.js`) keeps for offline use, written to `offline.json`
 * after Pagefind has written its bundle (the bundle's file names are content hashes, known only then).
 * URLs are relative to the site root ("./", "search/", "pagefind/pagefind.js"), so a site served under
 * a sub-path works as well.
 * `shell` is cached when the worker installs: top-level pages, assets and the search runtime and index
 * (every shard's, see shard-manifest.ts).
 * `pages` is filled in afterwards, in the background: every other page and each result's fragment.
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
    } else {
      shell.push(rel);
    }
  }
  if (bytes <= limit) return { shell, pages };
  return { shell: shell.filter((entry) => !chunk.test(entry)), pages: [] };
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
  const manifest: OfflineManifest = { indexed: true, version, ...plan };
  await writeFile(path.join(siteDir, OFFLINE_MANIFEST), JSON.stringify(manifest, null, 1));
  return manifest;
}
