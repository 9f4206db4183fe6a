/** Builds the fixture archive into a fresh temp dir; shared by the render and axe tests. */
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { renderSite } from "../../src/site/render-site.ts";
import { fixtureArchive, fixtureRawFiles } from "./fixtures.ts";

export async function buildFixtureSite(): Promise<{ rootDir: string; outDir: string; pages: number }> {
  const rootDir = await mkdtemp(path.join(os.tmpdir(), "wire-site-"));
  for (const [file, text] of Object.entries(fixtureRawFiles)) {
    await mkdir(path.dirname(path.join(rootDir, file)), { recursive: true });
    await writeFile(path.join(rootDir, file), text);
  }
  const outDir = path.join(rootDir, "_site");
  const { pages } = await renderSite({
    // One report published once and since removed: its URL shows a notice (layouts/pages/removed.njk).
    archive: { ...fixtureArchive(), removed: [{ id: "withdrawn-report", file: "seeds/withdrawn.txt" }] },
    outDir,
    rootDir,
    baseUrl: "https://archive.example.org/",
  });
  return { rootDir, outDir, pages };
}
