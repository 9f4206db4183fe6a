/**
 * Renders the archive to a static site with Eleventy 3, configured by `.eleventy.ts`.
 * The archive reaches templates as the global `archive`; site settings as the global `site`; the
 * archive regrouped for publishing (months, sources, feeds) as the global `publish`.
 * A base URL with a path ("https://example.org/wire/") becomes Eleventy's pathPrefix, which the HTML
 * <base> plugin applies to every root-relative link in HTML output.
 * The pages that grow with the archive render in several Eleventy runs (render-batches.ts); the
 * assets, raw reports, the sitemap and the ninjs files are written once, after the last run.
 */
import { randomUUID } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { CODE_DIR, COMPILED_DIR } from "../code-dir.ts";
// Before Eleventy: switches off the import hook Eleventy registers as it loads.
import "./eleventy-without-import-hook.ts";
import Eleventy from "@11ty/eleventy";
import type { Archive } from "../archive/types.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { ninjsPath } from "../export/ninjs.ts";
import { rawReportPath } from "./links.ts";
import { buildPublishIndex, type PublishIndex } from "../export/archive-index.ts";
import { parseBaseUrl } from "../export/site-url.ts";
import { writeNinjsFiles } from "../export/write-ninjs.ts";
import { assetFiles, copyAssets } from "./assets.ts";
import { collectGarbage } from "./collect-garbage.ts";
import { copyRawReports } from "./raw-reports.ts";
import { articleUrl, pageKeys, renderVersion } from "./page-keys.ts";
import { planRenderBatches, type RenderBatch } from "./render-batches.ts";
import { listTree } from "./list-tree.ts";
import { linkFromPrevious, manifestOf, pruneExcept, reusablePages, sameFilesInSpare, type PreviousRender, type RenderManifest } from "./reuse-pages.ts";
import { BUNDLE_DIR } from "../search/shard-manifest.ts";
import { writeSitemap, type WrittenPage } from "./sitemap.ts";
import { ensureTypeScriptImports } from "./typescript-imports.ts";
import { timeStep, timeStepAsync } from "../build/step-timings.ts";

/** The compiled copy of the code has its own compiled config, importing the plugins of that copy. */
export const CONFIG_PATH = COMPILED_DIR ? path.join(COMPILED_DIR, ".eleventy.js") : path.join(CODE_DIR, ".eleventy.ts");
export const TEMPLATES_DIR = path.join(CODE_DIR, "layouts");
const PAGES_DIR = path.join(TEMPLATES_DIR, "pages");

export interface RenderSiteOptions {
  archive: Archive;
  outDir: string;
  /** Directory the records' `sourceFile` paths are relative to. */
  rootDir: string;
  /**
   * Where the site is published, e.g. "https://archive.example.org/" or "https://example.org/wire/";
   * used for canonical URLs, feeds, sitemap and citations. A bare path ("/wire/") sets only the prefix.
   */
  baseUrl?: string;
  /** Silence Eleventy's own console output (default true: the caller reports). */
  quiet?: boolean;
  /** Called with each HTML page as it is written (its site URL and final HTML): the search indexer. */
  onPage?: (url: string, html: string) => void;
  /** Called, on a rebuild, with the URLs of the pages kept from the previous site, before any page renders. */
  onKept?: (kept: ReadonlySet<string>) => void;
  /** Most pages per Eleventy run (default PAGES_PER_RUN). */
  pagesPerRun?: number;
  /** The order to render article pages in (default: the archive's); no page depends on it. */
  recordOrder?: (a: ArticleRecord, b: ArticleRecord) => number;
  /**
   * The previous build's site and render manifest: pages whose inputs are unchanged are linked from it
   * rather than rendered again (reuse-pages.ts). Without it, every page is rendered.
   */
  previous?: PreviousRender;
  /**
   * Called with the render version when there is a previous build (pages may be kept): may put an
   * older site at `outDir` to write into rather than a new folder (its folders and kept files are
   * already there); says so, with the build that made that site when known. Everything in it but the
   * kept files is then removed before anything is written (the search index's folder is left to the
   * search step).
   */
  recycle?: (version: string) => { build?: string } | false;
  /** The records' keys (page-keys.ts `recordKeys`), when worked out before the render. */
  recordKeys?: ReadonlyMap<string, string>;
}

export interface RenderSiteResult {
  /** HTML pages in the site (rendered or kept). */
  pages: number;
  /** What this build's pages are, for the next build's `previous`. */
  manifest: RenderManifest;
  /** URLs of the pages kept from the previous site (their files are the previous build's). */
  kept: Set<string>;
  /**
   * Every file the site folder holds now (relative, forward slashes), the search index's folder aside:
   * what the render wrote and what it kept. The search step's offline list reads it rather than list
   * some 55,000 files again while Pagefind indexes (at 10,000 reports, 3 s of a core it needs).
   */
  files: string[];
}

type PageInfo = { url: string | false; outputPath: string | false };
/** Eleventy 3's configuration benchmarks (not in its public types). */
type BenchmarkedConfig = { benchmarks?: { config?: { setIsVerbose?(verbose: boolean): void } } };

/** Site-wide values templates read as `site.*`. */
export interface SiteData {
  name: string;
  /** Normalised: absolute, ending in "/"; null when not given (pages then use root-relative URLs). */
  baseUrl: string | null;
  /** "/" or the sub-path the site is served under, e.g. "/wire/". */
  pathPrefix: string;
  generatedAt: string;
}

export async function renderSite(options: RenderSiteOptions): Promise<RenderSiteResult> {
  // Eleventy imports its config with Node's own loader; make sure that loader understands .ts (the
  // compiled copy's config is plain JavaScript).
  if (!COMPILED_DIR) await ensureTypeScriptImports();
  const location = parseBaseUrl(options.baseUrl);
  // A base URL the site cannot be published under is a usage error: stop before writing anything.
  if (!location.ok) throw new Error(`${location.diagnostic.message}\n  ${location.diagnostic.hint}`);
  const site: SiteData = {
    name: "Wire Archive",
    ...location.location,
    generatedAt: options.archive.generatedAt,
  };
  const publish: PublishIndex = buildPublishIndex(options.archive, site.name);
  const outDir = path.resolve(options.outDir);
  const written: WrittenPage[] = [];
  try {
    const version = timeStep("render.version", () => renderVersion(site));
    // A rebuild may write into an older site (swap-output.ts), taken now so that its files are listed
    // (in another thread) while the page keys are worked out.
    const spare = options.previous && options.recycle?.(version);
    const recycled = spare ? listTree(outDir, [BUNDLE_DIR]) : undefined;
    recycled?.catch(() => {}); // awaited below; not unhandled if the keys fail first
    // The archive stage's garbage goes before the page keys build the lookups every page reads.
    timeStep("render.gc", collectGarbage);
    const keys = timeStep("render.keys", () => pageKeys(options.archive, publish, options.recordKeys));
    const reuse = timeStep("render.reuse", () => reusablePages(keys, version, options.previous));
    const keptUrls = new Set(reuse.keys());
    if (options.previous) options.onKept?.(keptUrls);
    const keptRecords = options.previous ? options.archive.records.filter((r) => reuse.has(articleUrl(r))) : [];
    const kept = new Set([...reuse.values(), ...keptRecords.flatMap(recordFiles)]);
    // All but the kept files go first, so everything rendered or written below is a new file, never one
    // the live site shares.
    let linkedAlready: ((file: string) => boolean) | undefined;
    if (recycled) {
      const listed = await timeStepAsync("render.list", () => recycled);
      timeStep("render.prune", () => pruneExcept(outDir, listed, kept));
      // Most kept files are there already as the live site's own: linking them needs no look at them
      // (at 10,000 reports, two stats each of some 45,000 files).
      if (spare && options.previous) linkedAlready = sameFilesInSpare(options.previous.manifest, spare.build, new Set(listed));
    }
    // Eleventy holds a run's pages in memory until it ends: the growing page lists go in several runs.
    for (const batch of planRenderBatches(options.archive, publish, options.pagesPerRun, keptUrls, options.recordOrder)) {
      // Before each run: what the last run (or the archive stage) left is garbage by now.
      timeStep("render.gc", collectGarbage);
      written.push(...(await timeStepAsync("render.eleventy", () => renderRun(options, { site, publish, batch, outDir, kept }))));
    }
    const missing = options.previous ? timeStep("render.link", () => linkFromPrevious(reuse.values(), options.previous!.dir, outDir, linkedAlready)) : [];
    const files = new Map(reuse);
    for (const w of written) if (typeof w.url === "string" && typeof w.outputPath === "string") files.set(w.url, path.relative(outDir, path.resolve(w.outputPath)));
    for (const [url, file] of reuse) written.push({ url, outputPath: path.join(outDir, file) });
    // A kept article page means an unchanged record: its raw copy and ninjs file are kept with it.
    const fresh = options.previous
      ? timeStep("render.link", () => keepRecordFiles(options.archive.records, keptRecords, options.previous!.dir, outDir, linkedAlready))
      : options.archive.records;
    const sitemap = await timeStepAsync("render.files", async () => {
      await copyAssets(outDir);
      await copyRawReports({ records: fresh, rootDir: path.resolve(options.rootDir) }, outDir);
      // A removed report's notice keeps its URL from breaking, not a page to list.
      const removed = new Set(publish.removed.map((r) => articleUrl(r)));
      const sitemapFiles = await writeSitemap(written.filter((p) => typeof p.url !== "string" || !removed.has(p.url)), site, outDir);
      await writeNinjsFiles(outDir, fresh, site);
      return sitemapFiles;
    });
    return {
      pages: written.filter((t) => typeof t.outputPath === "string" && t.outputPath.endsWith(".html")).length,
      manifest: manifestOf(version, keys, files, {
        build: randomUUID(),
        base: options.previous?.manifest.build,
        fresh: [...[...files].filter(([url]) => !reuse.has(url)).map(([, file]) => file), ...fresh.flatMap(recordFiles)],
      }),
      kept: keptUrls,
      files: siteFilesOf(outDir, { written, missing, records: options.archive.records, extra: sitemap }),
    };
  } catch (error) {
    throw new Error(`Site rendering failed: ${describeError(error)}`, { cause: error });
  }
}

/** A record's files besides its page: the raw copy and the ninjs file (relative to the site). */
function recordFiles(record: ArticleRecord): string[] {
  return [rawReportPath(record), ninjsPath(record)].map((p) => p.replace(/^\//, ""));
}

/**
 * The files a render left in `outDir`: its pages (written or kept, less kept ones the previous site
 * lacked), each record's raw copy and ninjs file, the assets and the `extra` files (the sitemap).
 */
function siteFilesOf(outDir: string, made: { written: readonly WrittenPage[]; missing: readonly string[]; records: readonly ArticleRecord[]; extra: readonly string[] }): string[] {
  const relative = (file: string) => path.relative(outDir, path.resolve(file)).split(path.sep).join("/");
  const files = new Set<string>();
  for (const page of made.written) if (typeof page.outputPath === "string") files.add(relative(page.outputPath));
  for (const file of made.missing) files.delete(file);
  for (const record of made.records) for (const file of recordFiles(record)) files.add(file);
  for (const file of assetFiles()) files.add(file);
  for (const file of made.extra) files.add(relative(file));
  return [...files];
}

/** Links the raw copy and ninjs file of each kept record (its article page is kept); returns the records to write afresh. */
function keepRecordFiles(
  records: readonly ArticleRecord[],
  kept: readonly ArticleRecord[],
  previousDir: string,
  outDir: string,
  linkedAlready?: (file: string) => boolean,
): ArticleRecord[] {
  const missing = new Set(linkFromPrevious(kept.flatMap(recordFiles), previousDir, outDir, linkedAlready));
  // A record with either file missing from the previous site is written whole (copying over a link would write into the previous site).
  const broken = new Set(kept.filter((r) => recordFiles(r).some((f) => missing.has(f))));
  for (const r of broken) for (const f of recordFiles(r)) if (!missing.has(f)) rmSync(path.join(outDir, f));
  const keptSet = new Set(kept);
  return records.filter((r) => !keptSet.has(r) || broken.has(r));
}

/** Templates that paginate over the run's share (`renderBatch`); every other template renders in run 0 only. */
const BATCHED_TEMPLATES = new Set(["article.njk", "entity.njk", "timeline.njk", "story.njk", "source.njk", "archive-month.njk", "index.njk", "stories.njk"]);

async function renderRun(
  options: RenderSiteOptions,
  run: { site: SiteData; publish: PublishIndex; batch: RenderBatch; outDir: string; kept: ReadonlySet<string> },
): Promise<WrittenPage[]> {
  const eleventy = new Eleventy(TEMPLATES_DIR, run.outDir, {
    configPath: CONFIG_PATH,
    quietMode: options.quiet ?? true,
    pathPrefix: run.site.pathPrefix,
    config(eleventyConfig) {
      eleventyConfig.addGlobalData("archive", options.archive);
      eleventyConfig.addGlobalData("site", run.site);
      eleventyConfig.addGlobalData("publish", run.publish);
      eleventyConfig.addGlobalData("renderBatch", run.batch);
      // Eleventy's "filter X took N% of the time" notes go to stderr even in quiet mode.
      if (options.quiet ?? true) (eleventyConfig as unknown as BenchmarkedConfig).benchmarks?.config?.setIsVerbose?.(false);
      if (run.batch.index > 0) {
        for (const file of readdirSync(PAGES_DIR)) {
          if (!BATCHED_TEMPLATES.has(file)) eleventyConfig.ignores.add(path.relative(process.cwd(), path.join(PAGES_DIR, file)));
        }
      }
      const onPage = options.onPage;
      // Registered last, so it sees each page as written (after the other transforms).
      eleventyConfig.addTransform("wire-archive:on-page", async function (this: { page: PageInfo }, content: string) {
        // A page comes as a rope of the pieces its templates and macros printed; Eleventy keeps every
        // page of a run until the run ends, and flat it takes less memory (85 MB less at 10,000
        // reports). A regular expression test makes V8 flatten it in place.
        FLATTEN.test(content);
        const { url, outputPath } = this.page;
        if (typeof outputPath === "string") checkOutputPath(path.relative(run.outDir, path.resolve(outputPath)).split(path.sep).join("/"), run.kept);
        if (onPage && typeof url === "string" && typeof outputPath === "string" && outputPath.endsWith(".html")) onPage(url, content);
        // Eleventy's pages are chains of promises that rarely let I/O through: a turn of the event loop
        // a page lets the search step's service (a child process) be fed and heard while pages render.
        await new Promise((resolve) => setImmediate(resolve));
        return content;
      });
    },
  });
  // Eleventy prints its summary line even in quiet mode; the caller does its own reporting.
  if (options.quiet ?? true) eleventy.disableLogger();
  const [, templates] = await eleventy.write();
  // Only what the sitemap needs: the pages' contents are not kept past the run.
  return templates.map((t) => ({ url: t.url, outputPath: t.outputPath }));
}

const FLATTEN = /^/;

/**
 * A page must not be written where the search index goes, nor over a kept file: that file is the live
 * site's too (a hard link), and writing it would change the live site before the swap.
 */
function checkOutputPath(rel: string, kept: ReadonlySet<string>): void {
  if (rel === BUNDLE_DIR || rel.startsWith(`${BUNDLE_DIR}/`)) {
    throw new Error(`Unexpected page at ${rel}, expected ${BUNDLE_DIR}/ free for the search index. Rename the page or folder that writes it.`);
  }
  if (kept.has(rel)) throw new Error(`Unexpected page at ${rel}, expected it kept from the previous build (a bug in the page keys: run the build with --force).`);
}

/** Eleventy wraps the template engine's error (file, line, column) in its own; show the whole chain. */
export function describeError(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    if (message && !messages.includes(message)) messages.push(message.trim());
    const next = current as { originalError?: unknown; cause?: unknown };
    current = next.originalError ?? next.cause;
  }
  return messages.join("\n  caused by: ");
}
