/**
 * The render stage alone: an archive built once (parse + archive stage, kept in a v8-serialised file
 * beside the reports so later runs skip them), then `renderSite` into a temp folder, timed.
 *
 * CLI: `npx tsx bench/render-only.ts SEEDS_DIR [--out DIR] [--rebuild-archive] [--pages-per-run N]`
 * Profile it: `node --cpu-prof --cpu-prof-dir=/tmp/cpu --import tsx bench/render-only.ts SEEDS_DIR`
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import { buildArchive } from "../src/archive/build-archive.ts";
import { loadParsed } from "../src/archive/load-archive.ts";
import type { Archive } from "../src/archive/types.ts";
import { renderSite } from "../src/site/render-site.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: "string" }, "rebuild-archive": { type: "boolean" }, "pages-per-run": { type: "string" } },
});
const seedsDir = path.resolve(positionals[0] ?? "seeds");
const root = path.dirname(seedsDir);
const archiveFile = path.join(root, ".render-only-archive.v8");

let archive: Archive;
if (existsSync(archiveFile) && !values["rebuild-archive"]) {
  archive = v8.deserialize(await readFile(archiveFile)) as Archive;
} else {
  const t = performance.now();
  const parsed = await loadParsed({ root, seedsDir });
  archive = buildArchive(parsed.records);
  await writeFile(archiveFile, v8.serialize(archive));
  console.log(`archive built in ${((performance.now() - t) / 1000).toFixed(1)} s (kept in ${archiveFile})`);
}

const outDir = values.out ?? (await mkdtemp(path.join(os.tmpdir(), "wa-render-")));
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const pagesPerRun = values["pages-per-run"] ? Number(values["pages-per-run"]) : undefined;
const { pages } = await renderSite({ archive, outDir, rootDir: root, pagesPerRun });
const secs = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
console.log(
  `${archive.records.length} reports -> ${pages} HTML pages in ${secs.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU s; ` +
    `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
);
if (!values.out) await rm(outDir, { recursive: true, force: true });
