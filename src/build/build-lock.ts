/**
 * One build at a time per archive: an exclusive lock file holding the builder's pid. A lock whose
 * process is gone (killed build) is stale and taken over.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export class BuildLockedError extends Error {
  constructor(readonly pid: number, readonly lockPath: string) {
    super(`Another build (pid ${pid}) is running on this archive. Wait for it to finish; if no such process exists, delete ${lockPath}.`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock for building into `outDir` or throws BuildLockedError; returns the release function.
 * The lock sits beside the output folder, so builds into different folders do not wait on each other.
 */
export function acquireBuildLock(outDir: string): () => void {
  mkdirSync(path.dirname(outDir), { recursive: true });
  const lockPath = path.join(path.dirname(outDir), `.${path.basename(outDir)}.lock`);
  // Written whole under a name of its own, then linked into place: a lock created empty and filled
  // after would, read in between, look stale (no pid) to a build started at the same moment.
  const draft = `${lockPath}.${process.pid}`;
  writeFileSync(draft, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(draft, lockPath);
        return () => rmSync(lockPath, { force: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
        const pid = lockHolder(lockPath);
        if (pid === undefined) continue; // released meanwhile: try again
        if (pid && pid !== process.pid && alive(pid)) throw new BuildLockedError(pid, lockPath);
        rmSync(lockPath, { force: true }); // stale: its build was killed
      }
    }
  } finally {
    rmSync(draft, { force: true });
  }
  throw new BuildLockedError(0, lockPath);
}

/** The pid in the lock file (0 when unreadable as one), or undefined when the file is gone. */
function lockHolder(lockPath: string): number | undefined {
  try {
    return Number(readFileSync(lockPath, "utf8").trim()) || 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}
