/**
 * The timeline merged in a worker thread (src/timeline/timeline-elsewhere.ts) is the one merged in the
 * build's thread, and a worker that fails only costs time.
 */
import { afterAll, describe, expect, it } from "vitest";
import { assembleArchive, assembleArchiveAlongside } from "../../src/archive/build-archive.ts";
import { timelineOf } from "../../src/timeline/build-timeline.ts";
import { extractEvents } from "../../src/timeline/extract-events.ts";
import { startTimelineWorker, timelineWorkerFor, TIMELINE_WORKER_MIN_REPORTS, type TimelineWorker } from "../../src/timeline/timeline-elsewhere.ts";
import type { ExtractedEvent } from "../../src/timeline/types.ts";
import { seedArchive } from "../helpers/seeds.ts";

const GENERATED_AT = "2026-01-01T00:00:00.000Z";
const records = [...seedArchive().values()];
const seedEvents = records.flatMap((r) => extractEvents(r));
/** The seeds' events as if each report had been syndicated twice more: many same-day clusters to merge. */
const syndicated: ExtractedEvent[] = [0, 1, 2].flatMap((copy) =>
  seedEvents.map((e) => ({ ...e, sources: e.sources.map((s) => ({ ...s, articleId: `${s.articleId}-copy-${copy}` })) })),
);

const workers: TimelineWorker[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
});
const worker = () => {
  const w = startTimelineWorker();
  workers.push(w);
  return w;
};

describe("the timeline worker", () => {
  it("merges the events into the timeline this thread gives, one build after another", async () => {
    const w = worker();
    expect(seedEvents.length).toBeGreaterThan(10);
    const here = timelineOf(structuredClone(seedEvents));
    // Reports of one story (the seeds): some happenings are told by more than one of them.
    expect(here.events.some((e) => new Set(e.sources.map((s) => s.articleId)).size > 1)).toBe(true);
    expect(await w.timelineOf({ events: seedEvents })).toEqual(here);
    const bigger = timelineOf(structuredClone(syndicated));
    expect(bigger.events.length).toBe(here.events.length);
    expect(await w.timelineOf({ events: syndicated })).toEqual(bigger);
  });

  it("merges each report's events handed over as JSON text (the event cache's) into the same timeline", async () => {
    const w = worker();
    const texts = records.map((r) => JSON.stringify(extractEvents(r)));
    expect(await w.timelineOf({ texts })).toEqual(timelineOf(structuredClone(seedEvents)));
  });

  it("says why it failed, and stays usable for the next build", async () => {
    const w = worker();
    const broken = [{ ...seedEvents[0], sources: undefined }] as unknown as ExtractedEvent[];
    await expect(w.timelineOf({ events: broken })).rejects.toThrow(/^The timeline worker failed: /);
    // A text a killed build tore in the cache.
    await expect(w.timelineOf({ texts: ['[{"date":"2013-09'] })).rejects.toThrow(/^The timeline worker failed: .*JSON/);
    expect(await w.timelineOf({ events: seedEvents })).toEqual(timelineOf(structuredClone(seedEvents)));
  });

  it("refuses work once closed, saying it stopped", async () => {
    const w = worker();
    await w.close();
    await expect(w.timelineOf({ events: seedEvents })).rejects.toThrow(/stopped/);
  });

  it("is started only for many reports and with a second thread", async () => {
    expect(timelineWorkerFor(TIMELINE_WORKER_MIN_REPORTS - 1, 2)).toBeUndefined();
    expect(timelineWorkerFor(TIMELINE_WORKER_MIN_REPORTS, 1)).toBeUndefined();
    const started = timelineWorkerFor(TIMELINE_WORKER_MIN_REPORTS, 2);
    expect(started).toBeDefined();
    workers.push(started!);
  });
});

describe("assembleArchiveAlongside", () => {
  it("gives the archive assembleArchive gives, with the timeline from the worker", async () => {
    const w = worker();
    const alongside = await assembleArchiveAlongside(structuredClone(records), (events) => w.timelineOf(events), GENERATED_AT);
    expect(alongside).toEqual(assembleArchive(structuredClone(records), GENERATED_AT));
  });

  it("merges in this thread when the other one fails", async () => {
    const failing = () => Promise.reject(new Error("no worker today"));
    expect(await assembleArchiveAlongside(structuredClone(records), failing, GENERATED_AT)).toEqual(assembleArchive(structuredClone(records), GENERATED_AT));
  });

  it("hands the events over as text when it can, and merges from events read anew when a text is torn", async () => {
    const w = worker();
    const handed: string[] = [];
    const archive = await assembleArchiveAlongside(
      structuredClone(records),
      (events) => {
        handed.push(Object.keys(events)[0]!);
        return w.timelineOf(events);
      },
      GENERATED_AT,
      // One report's text cut short, as a killed build leaves a cache line; its events are read whole.
      { eventsTextOf: (r) => JSON.stringify(extractEvents(r)).slice(0, r === records[0] ? -5 : undefined), extractEvents },
    );
    expect(handed).toEqual(["texts"]);
    expect(archive).toEqual(assembleArchive(structuredClone(records), GENERATED_AT));
  });

  it("hands this thread's idle time to `whileMerging`, with the archive's final records, before the merge is in", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const seen: Array<readonly unknown[]> = [];
    const assembling = assembleArchiveAlongside(
      structuredClone(records),
      async (events) => {
        await held;
        return timelineOf("events" in events ? events.events : []);
      },
      GENERATED_AT,
      { whileMerging: (valid) => seen.push(valid) },
    );
    // The merge is held until `whileMerging` has run: the stories and names are done by then.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.length).toBe(1);
    release();
    const archive = await assembling;
    // The records it saw are the archive's, as they are published.
    expect(seen[0]).toBe(archive.records);
    expect(archive).toEqual(assembleArchive(structuredClone(records), GENERATED_AT));
  });
});
