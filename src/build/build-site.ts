/**
 * The build: seeds/ -> records -> archive -> static site -> data files, written into a staging folder
 * and swapped in only when every stage succeeded. One build at a time (a lock).
 */
import { existsSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { openArchiveCaches } from "../archive/archive-caches.ts";
import { assembleArchive, assembleArchiveAlongside, prepareRecords } from "../archive/build-archive.ts";
import { eventsOf, type EventsToMerge } from "../timeline/events-to-merge.ts";
import { timelineWorkerFor } from "../timeline/timeline-elsewhere.ts";
import { timelineOf } from "../timeline/build-timeline.ts";
import { loadParsed, type LoadResult } from "../archive/load-archive.ts";
import { nextPermalinks, PermalinksError, removedEntries, serialisePermalinks, writePermalinks } from "../archive/permalinks.ts";
import { defaultCacheDir } from "../archive/parse-cache.ts";
import { renderSite } from "../site/render-site.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { articleUrl, recordKeys } from "../site/page-keys.ts";
import { collectGarbage } from "../site/collect-garbage.ts";
import { readRenderManifest, removeRenderManifest, writeRenderManifest } from "../site/reuse-pages.ts";
import { acquireBuildLock } from "./build-lock.ts";
import { fingerprintTree, withPermalinks, writeFingerprint } from "./fingerprint.ts";
import { silentProgress, type Progress } from "./progress.ts";
import { discard, emptyTrash, outputCachePath, recoverOutput, spareDirFor, stagingDirFor, swapIn, takeSpare, type RetiredSites } from "./swap-output.ts";
import { writeDataFiles } from "./write-data.ts";
import { writePublishedIndex } from "./published-index.ts";
import { openSiteIndexer, type SiteIndexer } from "./index-site.ts";
import { stepTimings, timeStep, timeStepAsync } from "./step-timings.ts";

export interface BuildOptions {
  root: string;
  seedsDir?: string;
  outDir?: string;
  baseUrl?: string;
  progress?: Progress;
}

export interface BuildResult extends LoadResult {
  outDir: string;
  pages: number;
  /** Pages kept from the previous build because nothing they show changed (not rendered again). */
  keptPages: number;
  timings: Record<string, number>;
}

export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  const progress = opts.progress ?? silentProgress;
  const outDir = path.resolve(opts.root, opts.outDir ?? "_site");
  const release = acquireBuildLock(outDir);
  const staging = stagingDirFor(outDir);
  const cacheDir = defaultCacheDir(opts.root);
  // Where the site a build replaces goes: kept as the next build's staging folder, or deleted.
  const retired: RetiredSites = { spareDir: spareDirFor(cacheDir, outDir), trashDir: path.join(cacheDir, "trash") };
  let indexer: SiteIndexer | undefined;
  const timings: Record<string, number> = {};
  const peakRssMb: Record<string, number> = {};
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      timings[name] = Math.round(performance.now() - t);
      // Peak memory so far (MB), so the bench can tell which stage sets the build's peak.
      peakRssMb[name] = Math.round(process.resourceUsage().maxRSS / 1024);
    }
  };
  try {
    recoverOutput(outDir, retired);
    // What an earlier build left to delete in the background and did not finish.
    emptyTrash(retired.trashDir!);
    // Taken before reading anything: an edit made during the build makes the next build run again.
    const fingerprintInputs = { root: opts.root, seedsDir: opts.seedsDir, outDir, baseUrl: opts.baseUrl };
    const fingerprint = fingerprintTree(fingerprintInputs);
    const parsing = progress.stage("Parsing reports");
    const parsed = await timed("parse", () => loadParsed({ root: opts.root, seedsDir: opts.seedsDir, onProgress: () => parsing.tick() }));
    parsing.done(
      `${parsed.records.length} reports${parsed.skipped.length ? `, ${parsed.skipped.length} skipped` : ""} (${parsed.parseStats.cached} from the parse cache)`,
    );
    // An unreadable ledger stops the build: building on would give published pages new URLs.
    const ledgerErrors = parsed.permalinks.diagnostics.filter((d) => d.severity === "error");
    if (ledgerErrors.length) throw new PermalinksError(ledgerErrors);
    const linking = progress.stage("Dating, timeline, stories and names across reports");
    // What the slowest archive steps learnt about unchanged reports in earlier builds.
    const caches = await timeStepAsync("archive.caches-open", () => openArchiveCaches(cacheDir));
    let recordKeyed: ReadonlyMap<string, string> | undefined;
    const archive = await timed("archive", async () => {
      // Many reports: the timeline is merged in another thread, started now so that its start-up
      // overlaps the dating of the reports.
      const timelineWorker = timelineWorkerFor(parsed.records.length);
      try {
        const records = prepareRecords(parsed.records, { handOver: true, permalinks: parsed.permalinks.entries, dates: caches.dates });
        // Many new reports (a first build): their per-report steps on every core, then the rest here.
        const workers = await timeStepAsync("archive.workers", () => caches.prime(records));
        // Not fatal (this thread computes what they did not), but a slower build should say why.
        if (workers.error) progress.info(`Worker threads stopped early; the rest is computed in one thread: ${workers.error.split("\n")[0]}`);
        const mergeElsewhere = (events: EventsToMerge) =>
          timelineWorker!.timelineOf(events).catch((error: Error) => {
            progress.info(`The timeline worker failed; the timeline is merged in this thread: ${error.message.split("\n")[0]}`);
            throw error;
          });
        // A few new reports: their new names tagged in another thread while this one merges the timeline.
        const namesReady = caches.tagAhead(records);
        const mergeHere = async (events: EventsToMerge) => timeStep("archive.timeline", () => timelineOf(eventsOf(events)));
        // The render's record keys need only the finished records: worked out while the timeline merges.
        const whileMerging = (valid: readonly ArticleRecord[]) => void (recordKeyed = timeStep("archive.record-keys", () => recordKeys(valid)));
        const assembled =
          timelineWorker || namesReady
            ? await assembleArchiveAlongside(records, timelineWorker ? mergeElsewhere : mergeHere, undefined, { ...caches.options, namesReady, whileMerging })
            : assembleArchive(records, undefined, caches.options);
        assembled.removed = removedEntries(parsed.permalinks.entries, records).map(({ id, file }) => ({ id, file }));
        return assembled;
      } finally {
        await timelineWorker?.close();
      }
    });
    // The archive steps' garbage goes before the caches are serialised (their buffers add to the heap):
    // at 10,000 reports, this is where a build peaked (1.42 GB) before.
    timeStep("archive.gc", () => collectGarbage());
    await timeStepAsync("archive.caches-save", () => caches.save());
    linking.done(`${archive.timeline.events.length} timeline events, ${archive.stories?.length ?? 0} stories`);
    const loaded: LoadResult = { archive, skipped: parsed.skipped, parseStats: parsed.parseStats, permalinks: parsed.permalinks };
    // Pagefind indexes each article page as it is rendered, in its own process (on another core).
    const searchIndex = (indexer = await openSiteIndexer());
    const rendering = progress.stage("Rendering pages");
    // What the live site's build rendered: its unchanged pages are kept rather than rendered again.
    const manifestFile = renderManifestFile(opts.root, outDir);
    const previousManifest = existsSync(outDir) ? timeStep("render.manifest-read", () => readRenderManifest(manifestFile)) : undefined;
    // Without one, every page is rendered: search shards are indexed as they fill, beside the rendering
    // (in a folder of this output's own: builds of other output folders may run at the same time).
    const earlyIndexDir = outputCachePath(cacheDir, "early-index", outDir);
    const urlOrder = previousManifest ? undefined : searchIndex.expect(loaded.archive.records.map(articleUrl), staging, earlyIndexDir);
    const { pages, manifest, kept, files } = await timed("render", () =>
      renderSite({
        archive: loaded.archive,
        outDir: staging,
        rootDir: opts.root,
        baseUrl: opts.baseUrl,
        quiet: true,
        previous: previousManifest && { dir: outDir, manifest: previousManifest },
        recordKeys: recordKeyed,
        // The site the last build replaced becomes this one's staging folder when pages are kept.
        recycle: (version) => timeStep("render.spare", () => takeSpare(staging, outDir, retired, version)),
        recordOrder: urlOrder && ((a, b) => urlOrder(articleUrl(a), articleUrl(b))),
        // With one: the shards holding pages rendered again are indexed as those pages come.
        onKept: (kept) => searchIndex.expectChanges(loaded.archive.records.map(articleUrl), kept, staging, outDir, earlyIndexDir),
        onPage: (url, html) => {
          searchIndex.addPage(url, html);
          rendering.tick();
        },
      }),
    );
    rendering.done(`${pages} pages${kept.size ? ` (${kept.size} unchanged, kept)` : ""}`);
    // The last Eleventy run's pages are garbage now; collected when they are many, they do not add to
    // the peak of the data files and the index written below. Not forced: after an add's one small run
    // a full collection of the whole archive (0.5 s at 10,000 reports, 3 s at 40,000) freed little.
    timeStep("render.gc", () => collectGarbage());
    // Pagefind writes its bundle in its own process while this one writes the data files.
    const indexing = progress.stage("Indexing for search");
    const [, search] = await Promise.all([
      timed("data", () => writeDataFiles(staging, loaded.archive)),
      // Only the index shards holding a changed page are indexed again; the others are linked from the live site.
      timed("index", () => searchIndex.finish(staging, { expectedPages: loaded.archive.records.length, previous: existsSync(outDir) ? outDir : undefined, unchanged: kept, siteFiles: files })),
    ]);
    indexing.done(`${search.pages} pages indexed (${search.shardsIndexed} of ${search.shardCount} index shards rebuilt), ${Math.round(search.size.totalBytes / 1024)} KiB in pagefind/`);
    // The manifest describes the live site: gone while the site is swapped, so a crash in between
    // leaves none (the next build then renders everything) rather than one for another site.
    await removeRenderManifest(manifestFile);
    // The ids this site publishes, recorded before it goes live.
    const ledger = serialisePermalinks(nextPermalinks(parsed.permalinks.entries, archive.records));
    await writePermalinks(path.resolve(opts.root, opts.seedsDir ?? "seeds"), ledger, parsed.permalinks.text);
    timeStep("swap", () => swapIn(staging, outDir, retired, { version: previousManifest?.version, build: previousManifest?.build }));
    await timeStepAsync("render.manifest-write", () => writeRenderManifest(manifestFile, manifest));
    await writePublishedIndex(publishedIndexFile(opts.root, outDir), archive.generatedAt, archive.records);
    await writeFingerprint(fingerprintInputs, withPermalinks(fingerprint, ledger));
    // Hidden hook for `npm run bench`: this build's stage timings (ms), as JSON.
    if (process.env.WIRE_ARCHIVE_TIMINGS) {
      await writeFile(process.env.WIRE_ARCHIVE_TIMINGS, JSON.stringify({ timings, steps: stepTimings(), peakRssMb, reports: archive.records.length, pages, parseStats: parsed.parseStats }));
    }
    return { ...loaded, outDir, pages, keptPages: kept.size, timings };
  } catch (err) {
    await indexer?.close();
    indexer = undefined;
    await discardStaging(staging, retired);
    throw err;
  } finally {
    await indexer?.close();
    release();
  }
}

/**
 * A failed build's staging folder, deleted (in the background, from the trash: it may be a recycled
 * site of 50,000 files). A failing Eleventy run rejects while writes of other pages are still in
 * flight, and one may land (making the folder again) after it moved: so let pending I/O settle first,
 * and remove the folder if anything came back.
 */
async function discardStaging(staging: string, retired: RetiredSites): Promise<void> {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
  await settle();
  if (existsSync(staging)) discard(staging, retired.trashDir);
  await settle();
  if (existsSync(staging)) await rm(staging, { recursive: true, force: true });
}

/** Where what the site at `outDir` publishes of each report is kept, for `add` (one per output folder). */
export function publishedIndexFile(root: string, outDir: string): string {
  return outputCachePath(defaultCacheDir(root), "published", outDir, ".json");
}

/** Where the render manifest of the site at `outDir` is kept (one per output folder). */
function renderManifestFile(root: string, outDir: string): string {
  return outputCachePath(defaultCacheDir(root), "render", outDir, ".json");
}
