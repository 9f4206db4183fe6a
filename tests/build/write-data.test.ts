/** data/articles.json is written a record at a time, and must be exactly what JSON.stringify writes. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import type { Archive } from "../../src/archive/types.ts";
import { writeDataFiles } from "../../src/build/write-data.ts";
import { seedArchive } from "../helpers/seeds.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function written(archive: Archive): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "wa-data-"));
  dirs.push(dir);
  await writeDataFiles(dir, archive);
  return readFileSync(path.join(dir, "data/articles.json"), "utf8");
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
