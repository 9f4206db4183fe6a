/**
 * The entity tagger's answers kept between builds: tagging names is the slowest step of the archive
 * stage (milliseconds per report), and a rebuild after adding one report would otherwise tag every
 * report again. One JSON file per tagger version under the build cache; safe to delete (a missing or
 * unreadable file only means tagging everything again).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { codeVersion } from "../archive/parse-cache.ts";
import { replaceCacheFile } from "../archive/cache-lines.ts";
import { rememberTaggedRuns, TAGGER_VERSION, taggedRuns } from "./find-mentions.ts";

// The tagger's library version is in the lock file, which codeVersion hashes with this folder's code.
export const TAGGER_INPUTS = ["entities", "code-dir.ts", "util/remembered.ts", "util/load-on-first-use.ts"];
const fileName = () => `entity-tags-${TAGGER_VERSION}-${codeVersion(TAGGER_INPUTS)}.json`;

export async function loadTagCache(cacheDir: string): Promise<number> {
  try {
    const entries = JSON.parse(await readFile(path.join(cacheDir, fileName()), "utf8"));
    if (!Array.isArray(entries)) return 0;
    rememberTaggedRuns(entries);
    return entries.length;
  } catch {
    return 0;
  }
}

/** Writes what the tagger knows now and drops files of other versions. */
export function saveTagCache(cacheDir: string): Promise<void> {
  return replaceCacheFile(cacheDir, fileName(), "entity-tags-", JSON.stringify(taggedRuns()));
}
