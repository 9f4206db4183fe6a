/** Renders the seed archive (with its timeline) into a fresh temp dir, for the timeline page tests. */
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildArchive } from "../../src/archive/build-archive.ts";
import type { Archive } from "../../src/archive/types.ts";
import { renderSite } from "../../src/site/render-site.ts";
import { REPO_ROOT, parseSeed, seedFiles } from "../helpers/seeds.ts";

export interface SeedSite {
  tmpDir: string;
  outDir: string;
  archive: Archive;
  /** The parsed page at a site path such as "/timeline/" (null when there is no such page). */
  page(urlPath: string): Promise<Document | null>;
}

export async function buildSeedSite(): Promise<SeedSite> {
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), "wire-timeline-page-"));
  const outDir = path.join(tmpDir, "_site");
  const archive = buildArchive(seedFiles().map((f) => parseSeed(`seeds/${f}`).record), "2024-01-01T00:00:00.000Z");
  await renderSite({ archive, outDir, rootDir: REPO_ROOT });
  const cache = new Map<string, Document | null>();
  return {
    tmpDir,
    outDir,
    archive,
    async page(urlPath) {
      if (!cache.has(urlPath)) {
        const html = await readFile(path.join(outDir, urlPath, "index.html"), "utf8").catch(() => null);
        cache.set(urlPath, html === null ? null : (parseHTML(html).document as unknown as Document));
      }
      return cache.get(urlPath)!;
    },
  };
}
