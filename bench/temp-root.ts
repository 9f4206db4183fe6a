/**
 * A throwaway copy of the project to build a generated archive in: the code is copied (a snapshot, so
 * edits others make in the working tree during a long bench do not leak into it), node_modules is
 * symlinked, and the generated reports are written to its seeds/.
 */
import { cp, mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateArchive, type GenerateResult } from "./generate-archive.ts";

/** What a build needs from the repository. Missing optional entries are skipped. */
export const PROJECT_ENTRIES = ["package.json", "package-lock.json", "tsconfig.json", ".eleventy.ts", "src", "layouts", "bin"];

export interface BenchRoot {
  root: string;
  seedsDir: string;
  generated: GenerateResult;
  remove(): Promise<void>;
}

export async function makeBenchRoot(opts: { repoDir: string; n: number; corpusDir?: string; seed?: number; parent?: string }): Promise<BenchRoot> {
  const root = await mkdtemp(path.join(opts.parent ?? os.tmpdir(), `wire-bench-${opts.n}-`));
  for (const entry of PROJECT_ENTRIES) {
    const from = path.join(opts.repoDir, entry);
    if (existsSync(from)) await cp(from, path.join(root, entry), { recursive: true });
  }
  await symlink(path.join(opts.repoDir, "node_modules"), path.join(root, "node_modules"), "dir");
  const seedsDir = path.join(root, "seeds");
  await mkdir(seedsDir, { recursive: true });
  const generated = await generateArchive({ n: opts.n, corpusDir: opts.corpusDir, outDir: seedsDir, seed: opts.seed });
  return { root, seedsDir, generated, remove: () => rm(root, { recursive: true, force: true }) };
}

/**
 * Everything a build may have left behind that would make the next one warm: the site and any cache.
 * `.wire-archive/` is where the parse cache lives (src/archive/parse-cache.ts); add new cache places here.
 */
export const BUILD_STATE = ["_site", ".wire-archive", ".cache"];

export async function clearBuildState(root: string): Promise<void> {
  for (const entry of BUILD_STATE) await rm(path.join(root, entry), { recursive: true, force: true });
}
