/**
 * The entity tagger's answers kept between builds: tagging names is the slowest step of the archive
 * stage (milliseconds per report), and a rebuild after adding one report would otherwise tag every
 * report again. One JSON file per tagger version under the build cache; safe to delete (a missing or
 * unreadable file only means tagging everything again).
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { rememberTaggedRuns, TAGGER_VERSION, taggedRuns } from "./find-mentions.ts";

const fileName = () => `entity-tags-${TAGGER_VERSION.replace(/[^\w.-]/g, "_")}.json`;

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

/** Writes what the tagger knows now (temp file, then rename) and drops files of other versions. */
export async function saveTagCache(cacheDir: string): Promise<void> {
  const target = path.join(cacheDir, fileName());
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(temp, JSON.stringify(taggedRuns()));
    await rename(temp, target);
    const stale = (await readdir(cacheDir)).filter((n) => n.startsWith("entity-tags-") && n !== path.basename(target) && !n.endsWith(".tmp"));
    await Promise.all(stale.map((n) => rm(path.join(cacheDir, n), { force: true })));
  } catch {
    // A cache that cannot be written (read-only checkout, full disk) only costs time.
    await rm(temp, { force: true }).catch(() => {});
  }
}
