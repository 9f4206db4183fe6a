/**
 * What the file system costs a build, per file: a site of 10,000 reports is about 80,000 files and
 * folders, each page in a folder of its own (/articles/<id>/index.html), written synchronously by
 * Eleventy. On some machines creating a file or folder costs far more than writing into one that
 * exists, and that cost is kernel CPU, so no amount of concurrency on two cores hides it.
 *
 * CLI: `npx tsx bench/fs-cost.ts [DIR] [--files N]` (DIR: a folder on the file system the site is
 * built on; default: a temp folder beside the repository). Prints µs of wall and system CPU per file.
 */
import { linkSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export interface FsCost {
  step: string;
  wallMicros: number;
  systemMicros: number;
}

/** Each step once per file, in order, over `files` files in a fresh folder under `parent`. */
export function measureFsCost(parent: string, files = 2000): FsCost[] {
  const base = mkdtempSync(path.join(parent, "wa-fs-cost-"));
  const page = "x".repeat(30_000); // about an article page
  const at = (i: number, name = "index.html") => path.join(base, "pages", `p${i}`, name);
  const steps: Array<[string, (i: number) => void]> = [
    ["mkdir (new folder)", (i) => mkdirSync(path.dirname(at(i)), { recursive: true })],
    ["write 30 KB (new file)", (i) => writeFileSync(at(i), page)],
    ["write 30 KB (over a file)", (i) => writeFileSync(at(i), page)],
    ["hard link", (i) => linkSync(at(i), at(i, "link.html"))],
    ["rename", (i) => renameSync(at(i, "link.html"), at(i, "moved.html"))],
  ];
  try {
    return steps.map(([step, run]) => {
      const cpu = process.cpuUsage();
      const t = performance.now();
      for (let i = 0; i < files; i++) run(i);
      const wall = performance.now() - t;
      return { step, wallMicros: (wall * 1000) / files, systemMicros: process.cpuUsage(cpu).system / files };
    });
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { files: { type: "string" } } });
  const parent = path.resolve(positionals[0] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".."));
  const files = Number(values.files ?? 2000);
  console.log(`File system cost per file, ${files} files under ${parent}:`);
  for (const { step, wallMicros, systemMicros } of measureFsCost(parent, files)) {
    console.log(`  ${step.padEnd(28)} ${wallMicros.toFixed(0).padStart(6)} µs wall ${systemMicros.toFixed(0).padStart(6)} µs system CPU`);
  }
}
