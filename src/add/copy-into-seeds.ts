/**
 * Copies a report's bytes into seeds/ atomically and without ever overwriting: the bytes go to a
 * hidden temp file first (the build skips dot-files), then are hard-linked under the final name,
 * which fails instead of replacing when that name appeared meanwhile; then the next free name is
 * tried. Readers therefore see either no file or the whole file.
 */
import { randomBytes } from "node:crypto";
import { link, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { freeSeedName } from "./seed-name.ts";

/** Lower-cased names of everything in the folder (for clash checks). */
export async function takenNames(dir: string): Promise<Set<string>> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return new Set(names.map((n) => n.toLowerCase()));
}

/** Writes `bytes` as `name` (or the next free variant) in `dir`; returns the name used. */
export async function copyIntoSeeds(dir: string, name: string, bytes: Uint8Array, taken: Set<string>): Promise<string> {
  const temp = path.join(dir, `.add-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  const handle = await open(temp, "wx");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const target = freeSeedName(name, taken);
      taken.add(target.toLowerCase());
      try {
        await link(temp, path.join(dir, target));
        return target;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === "EEXIST") continue;
        // File systems without hard links: rename, after checking the name is still free.
        if (code === "EPERM" || code === "ENOTSUP" || code === "EXDEV" || code === "ENOSYS") {
          if (await stat(path.join(dir, target)).then(() => true, () => false)) continue;
          await rename(temp, path.join(dir, target));
          return target;
        }
        throw err;
      }
    }
    throw new Error(`No free name for ${name} in ${dir}`);
  } finally {
    await rm(temp, { force: true });
  }
}
