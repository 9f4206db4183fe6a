/** The data files are written a piece at a time, and must be exactly what JSON.stringify writes. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import type { Archive } from "../../src/archive/types.ts";
import { readArticlesHead, writeDataFiles } from "../../src/build/write-data.ts";
import { writeFileSync } from "node:fs";
import { toTimelineJs } from "../../src/timeline/timelinejs.ts";
import { seedArchive } from "../helpers/seeds.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function written(archive: Archive): Promise<string> {
  return readFileSync(await writtenFile(archive), "utf8");
}

async function writtenFile(archive: Archive): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "wa-data-"));
  dirs.push(dir);
  await writeDataFiles(dir, archive);
  return path.join(dir, "data/articles.json");
}

describe("data/articles.json", () => {
  it("holds the seeds' records exactly as JSON.stringify writes the whole object", async () => {
    const archive = buildArchive([...seedArchive().values()], "2026-01-02T03:04:05.000Z");
    const text = await written(archive);
    expect(text).toBe(JSON.stringify({ generatedAt: archive.generatedAt, count: 3, sources: archive.sources, articles: archive.records }));
    expect(JSON.parse(text).articles.map((r: { id: string }) => r.id)).toEqual(archive.records.map((r) => r.id));
  });

  it("is valid JSON for an empty archive", async () => {
    const archive = buildArchive([], "2026-01-02T03:04:05.000Z");
    expect(JSON.parse(await written(archive))).toEqual({ generatedAt: "2026-01-02T03:04:05.000Z", count: 0, sources: [], articles: [] });
  });
});

describe("data/timeline.json and data/timelinejs.json", () => {
  it("hold the seeds' timeline exactly as JSON.stringify writes it, as is and for TimelineJS", async () => {
    const archive = buildArchive([...seedArchive().values()], "2026-01-02T03:04:05.000Z");
    expect(archive.timeline.events.length).toBeGreaterThan(3);
    const dir = path.dirname(await writtenFile(archive));
    expect(readFileSync(path.join(dir, "timeline.json"), "utf8")).toBe(JSON.stringify({ count: archive.timeline.events.length, events: archive.timeline.events }));
    expect(readFileSync(path.join(dir, "timelinejs.json"), "utf8")).toBe(JSON.stringify(toTimelineJs(archive.timeline, archive.records, "Wire Archive timeline")));
  });
});

describe("the head of data/articles.json", () => {
  it("is read without the records: build time, count and sources, even when the sources run past one read", async () => {
    const archive = buildArchive([...seedArchive().values()], "2026-01-02T03:04:05.000Z");
    // 3,000 outlets with names beyond ASCII: a head of some 200 KB, with characters cut at each 64 KB piece.
    archive.sources = Array.from({ length: 3000 }, (_, i) => ({ id: `outlet-${i}`, name: `Agence «${i}» – Ελληνικά ${"é".repeat(i % 7)}`, count: 1 }));
    const file = await writtenFile(archive);
    expect(await readArticlesHead(file)).toEqual({ generatedAt: archive.generatedAt, count: 3, sources: archive.sources });
  });

  it("is undefined for a missing file or one that is not data/articles.json", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wa-head-"));
    dirs.push(dir);
    expect(await readArticlesHead(path.join(dir, "missing.json"))).toBeUndefined();
    writeFileSync(path.join(dir, "other.json"), JSON.stringify({ generatedAt: "x", records: [] }));
    expect(await readArticlesHead(path.join(dir, "other.json"))).toBeUndefined();
  });
});
