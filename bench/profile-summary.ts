/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time and the
 * most total (inclusive) time, as file:line, so hot spots can be read without a profiler UI.
 *
 * Profile the parse of 1,000 generated reports and summarise it:
 *   npx tsx bench/generate-archive.ts --n 1000 --out /tmp/prof/seeds
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof/cpu --import tsx bench/parse-only.ts /tmp/prof/seeds
 *   npx tsx bench/profile-summary.ts /tmp/prof/cpu/*.cpuprofile [--top 25] [--filter src/]
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  where: string;
  fn: string;
  selfMs: number;
  totalMs: number;
  selfPct: number;
  totalPct: number;
}

function label(frame: CallFrame, repo: string): string {
  if (!frame.url) return `(${frame.functionName || "native"})`; // (idle), (garbage collector), builtins
  let file = frame.url.replace(/^file:\/\//, "");
  if (file.startsWith(repo)) file = path.relative(repo, file);
  file = file.replace(/.*node_modules\//, "node_modules/");
  return `${file || "(native)"}:${frame.lineNumber + 1}`;
}

export function summarise(profile: CpuProfile, repo: string): HotSpot[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Time per sample: the following delta (V8 records the gap before each sample).
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const spots = new Map<string, { fn: string; self: number; total: number }>();
  for (const [id, us] of selfUs) {
    // Self time to the sampled frame; total time to every distinct frame on its stack (no double
    // counting of recursion).
    const seen = new Set<string>();
    for (let cur: number | undefined = id, first = true; cur !== undefined; cur = parent.get(cur), first = false) {
      const node = byId.get(cur)!;
      const key = label(node.callFrame, repo);
      const s = spots.get(key) ?? { fn: node.callFrame.functionName || "(anonymous)", self: 0, total: 0 };
      if (first) s.self += us;
      if (!seen.has(key)) s.total += us;
      seen.add(key);
      spots.set(key, s);
    }
  }
  return [...spots.entries()].map(([where, s]) => ({
    where,
    fn: s.fn,
    selfMs: s.self / 1000,
    totalMs: s.total / 1000,
    selfPct: (100 * s.self) / total,
    totalPct: (100 * s.total) / total,
  }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf("--top");
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
  const filterAt = args.indexOf("--filter");
  const filter = filterAt >= 0 ? args[filterAt + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--top" && args[i - 1] !== "--filter");
  if (!file) {
    console.error("Usage: tsx bench/profile-summary.ts FILE.cpuprofile [--top N] [--filter TEXT]");
    process.exit(2);
  }
  const repo = fileURLToPath(new URL("../", import.meta.url));
  const spots = summarise(JSON.parse(await readFile(file, "utf8")), repo).filter((s) => !filter || s.where.includes(filter));
  const row = (s: HotSpot) => `${s.selfMs.toFixed(0).padStart(7)} ms ${s.selfPct.toFixed(1).padStart(5)}%  ${s.totalMs.toFixed(0).padStart(7)} ms ${s.totalPct.toFixed(1).padStart(5)}%  ${s.fn}  ${s.where}`;
  console.log(`By self time (self ms, %, total ms, %):`);
  for (const s of [...spots].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)) console.log(row(s));
  console.log(`\nBy total (inclusive) time:`);
  for (const s of [...spots].sort((a, b) => b.totalMs - a.totalMs).slice(0, top)) console.log(row(s));
}
