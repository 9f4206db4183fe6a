/**
 * One build at a time per archive: an exclusive lock file holding the builder's pid. A lock whose
 * process is gone (killed build) is stale and taken over.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
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
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number(readFileSync(lockPath, "utf8").trim());
      if (pid && pid !== process.pid && alive(pid)) throw new BuildLockedError(pid, lockPath);
      rmSync(lockPath, { force: true }); // stale: its build was killed
    }
  }
  throw new BuildLockedError(0, lockPath);
}
