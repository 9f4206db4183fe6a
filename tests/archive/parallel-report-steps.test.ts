/**
 * The per-report steps worked out in worker threads give the archive a one-thread build gives, and a
 * worker that fails costs nothing but time.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openArchiveCaches } from "../../src/archive/archive-caches.ts";
import { assembleArchive } from "../../src/archive/build-archive.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { seedArchive } from "../helpers/seeds.ts";

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});
const cacheDir = async () => (dir = await mkdtemp(path.join(os.tmpdir(), "wa-par-")));
const GENERATED_AT = "2026-01-01T00:00:00.000Z";

describe("primeInWorkers", () => {
  it("fills every step cache from two threads, and the archive is the one computed in this thread", async () => {
    const records = [...seedArchive().values()];
    const caches = await openArchiveCaches(await cacheDir());
    const result = await caches.prime(records, { threads: 2, minReports: 0, chunkSize: 1 });
    expect(result).toMatchObject({ reports: 3, threads: 2 });
    expect(result.error).toBeUndefined();
    const fromWorkers = assembleArchive(records, GENERATED_AT, caches.options);
    const here = assembleArchive(records, GENERATED_AT);
    expect(fromWorkers.timeline).toEqual(here.timeline);
    expect(fromWorkers.entities).toEqual(here.entities);
    expect(fromWorkers.stories).toEqual(here.stories);
    // Facts the seeds hold, read from the workers' answers: a timeline and named people.
    expect(fromWorkers.timeline.events.length).toBeGreaterThan(5);
    expect(fromWorkers.entities!.some((e) => e.kind === "person")).toBe(true);
  });

  it("tags each run of capitalised words once, ahead of the reports, and keeps every answer here", async () => {
    // A fresh copy of the modules: this process has tagged nothing yet.
    vi.resetModules();
    const { openArchiveCaches: open } = await import("../../src/archive/archive-caches.ts");
    const { taggedRuns } = await import("../../src/entities/find-mentions.ts");
    const records = [...seedArchive().values()];
    const result = await (await open(await cacheDir())).prime(records, { threads: 2, minReports: 0, chunkSize: 1, tagBatch: 7 });
    expect(result.error).toBeUndefined();
    expect(result.taggedRuns).toBeGreaterThan(50);
    // No run was tagged twice (in two threads, or again while working out the reports' steps), and
    // this thread has every answer.
    expect(taggedRuns()).toHaveLength(result.taggedRuns!);
  });

  it("leaves a few missing reports to this thread (a worker costs a second to start)", async () => {
    const records = [...seedArchive().values()];
    const caches = await openArchiveCaches(await cacheDir());
    expect(await caches.prime(records, { threads: 2 })).toEqual({ reports: 0, threads: 0 });
    expect(await caches.prime(records, { threads: 1, minReports: 0 })).toEqual({ reports: 0, threads: 0 });
  });

  it("stops on a worker's error and says why, without hanging or throwing", async () => {
    const records = [...seedArchive().values()];
    const broken = { ...records[0], sourceFile: "seeds/broken.txt", body: null } as unknown as ArticleRecord;
    const caches = await openArchiveCaches(await cacheDir());
    const result = await caches.prime([broken, ...records], { threads: 2, minReports: 0, chunkSize: 1 });
    expect(result.error).toMatch(/TypeError|null/);
    expect(result.reports).toBeLessThan(4);
    // What was not primed is still computed here, the same as without workers.
    expect(assembleArchive(records, GENERATED_AT, caches.options).timeline).toEqual(assembleArchive(records, GENERATED_AT).timeline);
  });
});

describe("tagAheadAlongside", () => {
  it("tags a few new reports' runs in another thread, keeps the answers here, and the archive is the same", async () => {
    // A fresh copy of the modules: this process has tagged nothing yet.
    vi.resetModules();
    const { openArchiveCaches: open } = await import("../../src/archive/archive-caches.ts");
    const { assembleArchiveAlongside, assembleArchive: assemble } = await import("../../src/archive/build-archive.ts");
    const { eventsOf } = await import("../../src/timeline/events-to-merge.ts");
    const { runsOf, taggedRuns } = await import("../../src/entities/find-mentions.ts");
    const { timelineOf } = await import("../../src/timeline/build-timeline.ts");
    const records = [...seedArchive().values()];
    const caches = await open(await cacheDir());
    const untagged = runsOf(records).untagged.length;
    expect(untagged).toBeGreaterThan(50);
    const namesReady = caches.tagAhead(records, { threads: 2 });
    expect(namesReady).toBeDefined();
    const archive = await assembleArchiveAlongside(records, async (events) => timelineOf(eventsOf(events)), GENERATED_AT, { ...caches.options, namesReady });
    expect(await namesReady).toBe(untagged);
    // Every run was tagged there, none again here: this thread asked the tagger nothing.
    expect(taggedRuns()).toHaveLength(untagged);
    expect(runsOf(records).untagged).toEqual([]);
    const here = assemble(records, GENERATED_AT);
    expect(archive.entities).toEqual(here.entities);
    expect(archive.timeline).toEqual(here.timeline);
    expect(archive.stories).toEqual(here.stories);
  });

  it("starts no thread when the runs are tagged already, the names are cached, or there is one core", async () => {
    const records = [...seedArchive().values()];
    const caches = await openArchiveCaches(await cacheDir());
    expect(caches.tagAhead(records, { threads: 1 })).toBeUndefined();
    // Many missing reports are primeInWorkers' work.
    expect(caches.tagAhead(records, { threads: 2, minReports: 3 })).toBeUndefined();
    assembleArchive(records, GENERATED_AT, caches.options); // tags every run and caches each report's names
    expect(caches.tagAhead(records, { threads: 2 })).toBeUndefined();
  });
});
