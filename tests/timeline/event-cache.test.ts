/**
 * The events cache gives the timeline a full extraction would: unchanged reports come from the file
 * the previous build wrote, a report whose date changed is extracted again.
 */
import { readdirSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTimeline } from "../../src/timeline/build-timeline.ts";
import { openEventCache } from "../../src/timeline/event-cache.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { seedArchive } from "../helpers/seeds.ts";

let dir: string;
let records: ArticleRecord[];
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "wa-events-"));
  records = [...seedArchive().values()];
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("event cache", () => {
  it("builds the same timeline from cached events as from a fresh extraction", async () => {
    const fresh = buildTimeline(records);
    const first = await openEventCache(dir);
    expect(buildTimeline(records, first.get)).toEqual(fresh);
    expect(first.stats).toEqual({ hits: 0, misses: 3, primed: 0 });
    await first.save();
    const second = await openEventCache(dir);
    expect(buildTimeline(records, second.get)).toEqual(fresh);
    expect(second.stats).toEqual({ hits: 3, misses: 0, primed: 0 });
  });

  it("extracts again when a report's publication date changes, and hands out fresh objects", async () => {
    const cache = await openEventCache(dir);
    const bbc = records.find((r) => r.published?.date === "2013-09-13")!;
    const moved = { ...bbc, published: { ...bbc.published!, date: "2013-09-20" } };
    cache.get(moved);
    expect(cache.stats.misses).toBe(1);
    const a = cache.get(bbc);
    a[0]!.text = "changed by a caller";
    expect(cache.get(bbc)[0]!.text).not.toBe("changed by a caller");
  });

  it("treats an unreadable file as empty", async () => {
    const [file] = readdirSync(dir).filter((n) => n.startsWith("events-"));
    await writeFile(path.join(dir, file!), "[oops");
    const cache = await openEventCache(dir);
    cache.get(records[0]!);
    expect(cache.stats).toEqual({ hits: 0, misses: 1, primed: 0 });
  });
});
