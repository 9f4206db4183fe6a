/**
 * The published index `add` reads to say which other reports' pages moved or were re-dated: written by
 * each build for the live site, trusted only when it names the build data/articles.json names, and
 * otherwise replaced by data/articles.json itself.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import { buildSite, publishedIndexFile } from "../../src/build/build-site.ts";
import { readPublished, writePublishedIndex } from "../../src/build/published-index.ts";
import { writeDataFiles } from "../../src/build/write-data.ts";
import { seedArchive } from "../helpers/seeds.ts";
import { makeTempRoot, removeTempRoot } from "./temp-root.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => (d.startsWith(tmpdir()) ? rmSync(d, { recursive: true, force: true }) : undefined)));

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "wa-published-"));
  dirs.push(dir);
  return dir;
}

const archive = buildArchive([...seedArchive().values()], "2026-01-02T03:04:05.000Z");
const expected = new Map(archive.records.map((r) => [r.checksum, { sourceFile: r.sourceFile, id: r.id, date: r.published?.date }]));

describe("published index", () => {
  it("is read instead of data/articles.json when it names the same build", async () => {
    const dir = tempDir();
    const index = path.join(dir, "published.json");
    await writePublishedIndex(index, archive.generatedAt, archive.records);
    // The site's file keeps its head (the build time, count and sources) but no records: only the index can answer.
    mkdirSync(path.join(dir, "site/data"), { recursive: true });
    writeFileSync(path.join(dir, "site/data/articles.json"), `{"generatedAt":${JSON.stringify(archive.generatedAt)},"count":3,"sources":[],"articles":[`);
    expect(await readPublished(index, path.join(dir, "site"))).toEqual(expected);
  });

  it("from another build is ignored: data/articles.json answers", async () => {
    const dir = tempDir();
    const index = path.join(dir, "published.json");
    const other = archive.records.map((r) => ({ ...r, id: `${r.id}-old`, published: null }));
    await writePublishedIndex(index, "2025-12-31T00:00:00.000Z", other);
    await writeDataFiles(path.join(dir, "site"), archive);
    expect(await readPublished(index, path.join(dir, "site"))).toEqual(expected);
  });

  it("is missing: data/articles.json answers; no site: nothing was published", async () => {
    const dir = tempDir();
    await writeDataFiles(path.join(dir, "site"), archive);
    expect(await readPublished(path.join(dir, "none.json"), path.join(dir, "site"))).toEqual(expected);
    expect(await readPublished(path.join(dir, "none.json"), path.join(dir, "no-site"))).toEqual(new Map());
  });

  it("is written by a build for the site it put live", async () => {
    const root = makeTempRoot("wa-published-root-");
    try {
      const built = await buildSite({ root });
      const file = publishedIndexFile(root, built.outDir);
      expect(existsSync(file)).toBe(true);
      const site = JSON.parse(readFileSync(path.join(built.outDir, "data/articles.json"), "utf8")) as { generatedAt: string; articles: typeof archive.records };
      expect(JSON.parse(readFileSync(file, "utf8")).generatedAt).toBe(site.generatedAt);
      const fromSite = new Map(site.articles.map((r) => [r.checksum, { sourceFile: r.sourceFile, id: r.id, date: r.published?.date }]));
      expect(fromSite.size).toBe(3);
      expect(await readPublished(file, built.outDir)).toEqual(fromSite);
    } finally {
      removeTempRoot(root);
    }
  }, 120_000);
});
