/**
 * The archive-wide stage: parsed records in, finished archive out. Runs what needs more than one
 * report (date inference across a story, unique ids), then validates every record at the boundary.
 */
import { validateRecord, type ArticleRecord } from "../record/schema.ts";
import { timelineOf } from "../timeline/build-timeline.ts";
import { extractEvents } from "../timeline/extract-events.ts";
import type { ExtractedEvent, Timeline } from "../timeline/types.ts";
import type { EventsToMerge } from "../timeline/events-to-merge.ts";
import { buildStories } from "../stories/build-stories.ts";
import type { ReportWords } from "../stories/tfidf.ts";
import type { StoryComparison } from "../stories/types.ts";
import { buildEntities, type EntityFacts } from "../entities/build-entities.ts";
import { assignUniqueIds } from "./assign-ids.ts";
import type { PermalinkEntry } from "./permalinks.ts";
import { inferMissingDates, type InferenceMemo } from "./infer-published.ts";
import { resolveTimelineEntries } from "./resolve-entries.ts";
import { sortNewestFirst } from "./sort-records.ts";
import type { Archive, SourceSummary } from "./types.ts";
import { timeStep, timeStepAsync } from "../build/step-timings.ts";

export interface BuildArchiveOptions {
  /** The caller hands its records over (the build does): they are completed in place, not copied. */
  handOver?: boolean;
  /** The date inference's last outcomes (the build passes a cache's). */
  dates?: InferenceMemo;
  /** Ids already published (the permalink ledger): kept before any new id is given. */
  permalinks?: readonly PermalinkEntry[];
  /** One report's timeline events; default: extracted afresh (the build passes a cache's). */
  extractEvents?: (record: ArticleRecord) => ExtractedEvent[];
  /** `extractEvents` as JSON text, unparsed, for a merge in another thread (the build passes its cache's). */
  eventsTextOf?: (record: ArticleRecord) => string;
  /** One report's names and quotes; default: computed afresh (the build passes a cache's). */
  entityFactsOf?: (record: ArticleRecord) => EntityFacts;
  /** One report's words for story grouping; default: read afresh (the build passes a cache's). */
  storyWordsOf?: (record: ArticleRecord) => ReportWords;
  /** One story's comparison; default: compared afresh (the build passes a cache's). */
  compareStory?: (reports: ArticleRecord[]) => StoryComparison;
  /**
   * Settles when the tagger's answers worked out in another thread are in (tagAheadAlongside): the
   * async assembly waits for it just before the names step, after the timeline and the stories.
   */
  namesReady?: Promise<unknown>;
  /**
   * Work on the finished records for this thread while another merges the timeline: called by
   * `assembleArchiveAlongside` once the stories and names are done, before it waits for the merge (at
   * 10,000 reports this thread waited 1.0-1.1 s there). The build works out the records' page keys.
   */
  whileMerging?: (valid: readonly ArticleRecord[]) => void;
}

export function buildArchive(parsed: ArticleRecord[], generatedAt = new Date().toISOString(), opts: BuildArchiveOptions = {}): Archive {
  return assembleArchive(prepareRecords(parsed, opts), generatedAt, opts);
}

/**
 * The first half of the stage: dates inferred across reports, timeline entries resolved, unique ids,
 * every record validated; newest first. What the per-report steps read of a record is final here.
 */
export function prepareRecords(parsed: ArticleRecord[], opts: Pick<BuildArchiveOptions, "handOver" | "permalinks" | "dates"> = {}): ArticleRecord[] {
  // The stage fills in dates and ids; callers that keep using their records get copies.
  const records = opts.handOver ? parsed : parsed.map((r) => structuredClone(r));
  timeStep("archive.dates", () => inferMissingDates(records, opts.dates));
  for (const r of records) resolveTimelineEntries(r);
  assignUniqueIds(records, opts.permalinks);
  return timeStep("archive.validate", () => sortNewestFirst(records.map(validateRecord)));
}

/** The second half: the timeline, stories and entities drawn from the prepared records. */
export function assembleArchive(valid: ArticleRecord[], generatedAt = new Date().toISOString(), opts: BuildArchiveOptions = {}): Archive {
  const events = readEvents(valid, opts);
  const timeline = timeStep("archive.timeline", () => timelineOf(events));
  return { records: valid, timeline, ...otherParts(valid, opts), generatedAt };
}

/**
 * `assembleArchive` with the timeline merged by `mergeElsewhere` (another thread) while this thread
 * works out the stories and names; merged here after all if that fails (from events read anew: a
 * torn cache entry is then worked out again). The same archive.
 */
export async function assembleArchiveAlongside(
  valid: ArticleRecord[],
  mergeElsewhere: (events: EventsToMerge) => Promise<Timeline>,
  generatedAt = new Date().toISOString(),
  opts: BuildArchiveOptions = {},
): Promise<Archive> {
  // Handed over (copied) and let go here: 40 MB at 10,000 reports, read again only if the merge fails.
  const input: EventsToMerge = opts.eventsTextOf ? { texts: timeStep("archive.events", () => valid.map(opts.eventsTextOf!)) } : { events: readEvents(valid, opts) };
  const merging = mergeElsewhere(input);
  merging.catch(() => {}); // awaited below, after the other parts
  const stories = storyParts(valid, opts);
  if (opts.namesReady) await timeStepAsync("archive.names-wait", () => opts.namesReady!);
  const names = nameParts(valid, opts);
  opts.whileMerging?.(valid);
  // What is left of the merge once the other parts are done (0 when the other thread was quicker).
  const timeline = await timeStepAsync("archive.timeline", () => merging.catch(() => timelineOf(readEvents(valid, opts))));
  return { records: valid, timeline, ...stories, ...names, generatedAt };
}

function readEvents(valid: readonly ArticleRecord[], opts: BuildArchiveOptions): ExtractedEvent[] {
  const extract = opts.extractEvents ?? extractEvents;
  return timeStep("archive.events", () => valid.flatMap((r) => extract(r)));
}

function otherParts(valid: ArticleRecord[], opts: BuildArchiveOptions): Pick<Archive, "sources" | "stories" | "entities" | "diagnostics"> {
  return { ...storyParts(valid, opts), ...nameParts(valid, opts) };
}

function storyParts(valid: ArticleRecord[], opts: BuildArchiveOptions): Pick<Archive, "sources" | "stories"> {
  return {
    sources: summariseSources(valid),
    stories: timeStep("archive.stories", () => buildStories(valid, { wordsOf: opts.storyWordsOf, compare: opts.compareStory })),
  };
}

function nameParts(valid: ArticleRecord[], opts: BuildArchiveOptions): Pick<Archive, "entities" | "diagnostics"> {
  return {
    entities: timeStep("archive.entities", () => buildEntities(valid, { factsOf: opts.entityFactsOf })),
    diagnostics: valid.flatMap((r) => r.diagnostics.map((d) => ({ ...d, file: d.file ?? r.sourceFile }))),
  };
}

function summariseSources(records: ArticleRecord[]): SourceSummary[] {
  const byId = new Map<string, SourceSummary>();
  for (const r of records) {
    const s = byId.get(r.source.id) ?? { id: r.source.id, name: r.source.name, count: 0 };
    s.count++;
    byId.set(r.source.id, s);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
