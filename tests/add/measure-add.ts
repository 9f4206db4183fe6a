/**
 * Measures the time from `wire-archive add` to the updated site, for one new report, on the 3-report
 * seed archive and on a 2,000-report archive (BBC News corpus from ../shared), with a warm and a cold
 * parse cache. Not a test (it takes minutes); run it by hand:
 *
 *   npx tsx tests/add/measure-add.ts [--big N]
 *
 * Each run is a real CLI process on a temp copy of the repository; the figures include process
 * start-up. Stage times come from the build's own progress lines.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { cliArgs, makeTempRoot, removeTempRoot, reportNames } from "../build/temp-root.ts";

const CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpora/bbc-news");
const FIXTURE = path.resolve(import.meta.dirname, "fixtures/meridian-courier-geneva-deal.txt");
const bigIndex = process.argv.indexOf("--big");
const BIG = bigIndex > 0 ? Number(process.argv[bigIndex + 1]) : 2000;

function run(root: string, args: string[]) {
  const started = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "CPU %U %S", process.execPath, ...cliArgs(args)], { cwd: root, encoding: "utf8", env: { ...process.env, WIRE_ARCHIVE_ROOT: root } });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  // Progress lines end "<Stage>: <summary> in <seconds>s"; name each stage by its first word.
  const stages = [...r.stderr.matchAll(/^([A-Z][a-z]+)[^:\n]*: .* in ([\d.]+)s$/gm)].map((m) => `${m[1].toLowerCase()} ${m[2]}s`);
  return { wall, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN, stages: stages.join(", "), stdout: r.stdout };
}

/** A new report each time: the fixture with one more line (a different checksum). */
function newReport(dir: string, n: number): string {
  const file = path.join(dir, `new-report-${n}.txt`);
  writeFileSync(file, `${readFileSync(FIXTURE, "utf8")}\nCorrection ${n}: an earlier version of this report misspelt a name.\n`);
  return file;
}

function measure(label: string, root: string): void {
  const inbox = path.join(root, "inbox");
  spawnSync("mkdir", ["-p", inbox]);
  run(root, ["build", "--quiet"]); // warm: every existing report is in the parse cache
  const warm = run(root, ["add", newReport(inbox, 1)]);
  rmSync(path.join(root, ".wire-archive/cache"), { recursive: true, force: true });
  const cold = run(root, ["add", newReport(inbox, 2)]);
  const reports = reportNames(path.join(root, "seeds")).length;
  for (const [cache, r] of [["warm", warm], ["cold", cold]] as const) {
    console.log(`${label} (${reports} reports after add), ${cache} cache: ${r.wall.toFixed(1)}s wall, ${r.cpu.toFixed(1)}s CPU  [${r.stages}]`);
  }
}

console.log(`load average at start: ${loadavg().map((n) => n.toFixed(1)).join(" ")}`);
const small = makeTempRoot("wa-measure-small-");
try {
  measure("seed archive", small);
} finally {
  removeTempRoot(small);
}

if (!existsSync(CORPUS)) {
  console.log(`skipped the big archive: ${CORPUS} does not exist`);
} else {
  const big = makeTempRoot("wa-measure-big-", { seeds: false });
  try {
    spawnSync("mkdir", ["-p", path.join(big, "seeds")]);
    const files = readdirSync(CORPUS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(path.join(CORPUS, d.name)).filter((n) => n.endsWith(".txt")).map((n) => path.join(CORPUS, d.name, n)))
      .sort()
      .slice(0, BIG);
    for (const f of files) copyFileSync(f, path.join(big, "seeds", `${path.basename(path.dirname(f))}-${path.basename(f)}`));
    measure(`BBC archive`, big);
  } finally {
    removeTempRoot(big);
  }
}
console.log(`load average at end: ${loadavg().map((n) => n.toFixed(1)).join(" ")}`);
