/**
 * The archive stage's per-report steps in worker threads alone (src/archive/parallel-report-steps.ts),
 * as a cold build runs them: the first N reports parsed, then primed into fresh caches in a temp folder.
 * Prints wall seconds, the runs tagged and the process's peak RSS (sampled every 100 ms, worker
 * threads included). `--tags-kept` primes a second time with the tag cache kept and the other caches
 * emptied, as a build after a change to the parse, dates or stories code does.
 *
 * CLI: `npx tsx bench/prime-workers.ts DIR [--limit N] [--threads T] [--tags-kept]`
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openArchiveCaches } from "../src/archive/archive-caches.ts";
import { listReports } from "../src/archive/list-reports.ts";
import { ingestBytes } from "../src/ingest/read-report.ts";
import { parseReport } from "../src/parse/parse-document.ts";
import type { ArticleRecord } from "../src/record/schema.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: "string" }, threads: { type: "string" }, "tags-kept": { type: "boolean" } },
});
const dir = path.resolve(positionals[0] ?? "seeds");
const files = (await listReports(dir)).slice(0, Number(values.limit ?? Infinity));
const records: ArticleRecord[] = [];
for (const f of files) {
  const { record, usable } = parseReport(ingestBytes(await readFile(f), path.relative(path.dirname(dir), f)));
  if (usable) records.push(record);
}
const threads = values.threads ? Number(values.threads) : undefined;
const cacheDir = await mkdtemp(path.join(os.tmpdir(), "wa-prime-"));

async function prime(label: string): Promise<void> {
  const caches = await openArchiveCaches(cacheDir);
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const start = performance.now();
  const result = await caches.prime(records, { threads });
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sample);
  console.log(`${label}: ${result.reports} reports in ${seconds.toFixed(1)} s on ${result.threads} threads, ${result.taggedRuns ?? 0} runs tagged, peak RSS ${Math.round(peak / 2 ** 20)} MB${result.error ? `; stopped: ${result.error}` : ""}`);
  // Every primed entry counts as used, so that the caches save them (as a build's archive stage would).
  for (const r of records) (caches.options.entityFactsOf(r), caches.options.extractEvents(r), caches.options.storyWordsOf(r));
  await caches.save();
}

try {
  console.log(`${records.length} reports parsed from ${dir}`);
  await prime("cold caches");
  if (values["tags-kept"]) {
    for (const f of await readdir(cacheDir)) if (!f.startsWith("entity-tags-")) await rm(path.join(cacheDir, f), { recursive: true });
    await prime("tag cache kept, other caches empty");
  }
} finally {
  await rm(cacheDir, { recursive: true, force: true });
}
