/** Builds the project's seeds (the real build: parse, render, data, Pagefind) into a fresh temp folder. */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildSite, type BuildResult } from "../../src/build/build-site.ts";
import type { Progress } from "../../src/build/progress.ts";
import { REPO_ROOT } from "../helpers/seeds.ts";

export interface BuiltSeedSite {
  outDir: string;
  result: BuildResult;
  /** "<stage>: <summary>" for each finished build stage, as the progress reporter got them. */
  stages: string[];
  remove(): Promise<void>;
}

/**
 * `subPath` ("wire"): build for serving under /wire/ (base URL "/wire/") into <serveDir>/wire, so a
 * server rooted at `serveDir` serves it where it expects to be.
 */
export async function buildSeedSite(opts: { subPath?: string } = {}): Promise<BuiltSeedSite & { serveDir: string }> {
  const parent = await mkdtemp(path.join(os.tmpdir(), "wa-search-"));
  const serveDir = path.join(parent, "root");
  const outDir = opts.subPath ? path.join(serveDir, opts.subPath) : path.join(parent, "_site");
  const stages: string[] = [];
  const progress: Progress = {
    info() {},
    stage: (name) => ({ tick() {}, done: (summary) => void stages.push(`${name}: ${summary ?? ""}`) }),
  };
  const baseUrl = opts.subPath ? `/${opts.subPath}/` : undefined;
  const result = await buildSite({ root: REPO_ROOT, outDir, baseUrl, progress });
  return { outDir, serveDir: opts.subPath ? serveDir : outDir, result, stages, remove: () => rm(parent, { recursive: true, force: true }) };
}

/** The seed reports' article URLs, found by source id (ids derive from headlines; look them up). */
export function articleUrlBySource(result: BuildResult): Record<string, string> {
  return Object.fromEntries(result.archive.records.map((r) => [r.source.id, `/articles/${r.id}/`]));
}
