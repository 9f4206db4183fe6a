/**
 * The archive-wide stage, step by step, at growing N: CPU seconds of each cross-report step on the
 * first N parsed reports, and how each grows (exponent k in time ∝ N^k between consecutive sizes).
 * A step with k near 2 is quadratic and will not scale to 10,000 or 50,000 reports.
 *
 * CLI: `npx tsx bench/archive-steps.ts DIR --sizes 250,500,1000,2000 [--profile OUT.cpuprofile]`
 * (--profile: a source-mapped CPU profile of the steps at the largest size)
 * The step list mirrors src/archive/build-archive.ts; add a line here when a step is added there.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listReports } from "../src/archive/list-reports.ts";
import { assignUniqueIds } from "../src/archive/assign-ids.ts";
import { inferMissingDates } from "../src/archive/infer-published.ts";
import { resolveTimelineEntries } from "../src/archive/resolve-entries.ts";
import { sortNewestFirst } from "../src/archive/sort-records.ts";
import { buildEntities } from "../src/entities/build-entities.ts";
import { ingestBytes } from "../src/ingest/read-report.ts";
import { parseReport } from "../src/parse/parse-document.ts";
import { validateRecord, type ArticleRecord } from "../src/record/schema.ts";
import { buildStories } from "../src/stories/build-stories.ts";
import { buildTimeline } from "../src/timeline/build-timeline.ts";
import { startProfile, stopProfile } from "./cpu-profile.ts";

type Step = [name: string, run: (records: ArticleRecord[]) => ArticleRecord[]];

const STEPS: Step[] = [
  ["clone", (rs) => rs.map((r) => structuredClone(r))],
  ["inferMissingDates", (rs) => (inferMissingDates(rs), rs)],
  ["resolveTimelineEntries", (rs) => (rs.forEach(resolveTimelineEntries), rs)],
  ["assignUniqueIds", (rs) => (assignUniqueIds(rs), rs)],
  ["validate+sort", (rs) => sortNewestFirst(rs.map(validateRecord))],
  ["buildTimeline", (rs) => (buildTimeline(rs), rs)],
  ["buildStories", (rs) => (buildStories(rs), rs)],
  ["buildEntities", (rs) => (buildEntities(rs), rs)],
];

function cpuSeconds<T>(fn: () => T): [T, number] {
  const start = process.cpuUsage();
  const out = fn();
  const used = process.cpuUsage(start);
  return [out, (used.user + used.system) / 1e6];
}

export async function archiveSteps(dir: string, sizes: number[], root = path.dirname(dir), profileTo?: string): Promise<Array<{ n: number; steps: Record<string, number> }>> {
  const files = (await listReports(dir)).slice(0, Math.max(...sizes));
  const parsed: ArticleRecord[] = [];
  for (const f of files) {
    const { record, usable } = parseReport(ingestBytes(await readFile(f), path.relative(root, f)));
    if (usable) parsed.push(record);
  }
  const rows = [];
  for (const n of sizes) {
    let records = parsed.slice(0, n);
    const steps: Record<string, number> = {};
    const session = profileTo && n === Math.max(...sizes) ? await startProfile() : undefined;
    for (const [name, run] of STEPS) {
      const [out, secs] = cpuSeconds(() => run(records));
      records = out;
      steps[name] = secs;
    }
    if (session) await stopProfile(session, profileTo!);
    rows.push({ n, steps });
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? "seeds");
  const at = process.argv.indexOf("--sizes");
  const sizes = (at > 0 ? process.argv[at + 1] : "250,500,1000").split(",").map(Number);
  const profAt = process.argv.indexOf("--profile");
  const rows = await archiveSteps(dir, sizes, path.dirname(dir), profAt > 0 ? path.resolve(process.argv[profAt + 1]) : undefined);
  const names = STEPS.map(([n]) => n);
  console.log(`CPU seconds per step (growth exponent k vs the previous size):`);
  console.log(["N".padStart(6), ...names.map((n) => n.padStart(Math.max(12, n.length)))].join(" "));
  rows.forEach((row, i) => {
    const cells = names.map((name) => {
      const s = row.steps[name];
      const prev = rows[i - 1];
      const k = prev && prev.steps[name] > 0.005 && s > 0.005 ? Math.log(s / prev.steps[name]) / Math.log(row.n / prev.n) : undefined;
      return `${s.toFixed(2)}${k !== undefined ? ` k${k.toFixed(1)}` : ""}`.padStart(Math.max(12, name.length));
    });
    console.log([String(row.n).padStart(6), ...cells].join(" "));
  });
}
