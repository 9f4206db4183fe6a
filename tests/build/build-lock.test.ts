/**
 * The build lock: one holder at a time, its pid in the file from the moment the file exists, a dead
 * holder's lock taken over. (A lock created empty and filled after was once read in between by a
 * build started at the same moment, which took it for stale: both built.)
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireBuildLock, BuildLockedError } from "../../src/build/build-lock.ts";
import { tempDirs } from "../helpers/temp-dir.ts";

const tempDir = tempDirs("wa-lock-");
const REPO = path.resolve(import.meta.dirname, "../..");

describe("build lock", () => {
  it("holds this process's pid, leaves nothing else beside the output folder, and goes on release", async () => {
    const dir = await tempDir();
    const release = acquireBuildLock(path.join(dir, "_site"));
    expect(readdirSync(dir)).toEqual(["._site.lock"]);
    expect(readFileSync(path.join(dir, "._site.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses while a live process holds it, naming that process", async () => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, "._site.lock"), String(process.ppid));
    expect(() => acquireBuildLock(path.join(dir, "_site"))).toThrow(BuildLockedError);
    expect(() => acquireBuildLock(path.join(dir, "_site"))).toThrow(`pid ${process.ppid}`);
    expect(readFileSync(path.join(dir, "._site.lock"), "utf8")).toBe(String(process.ppid));
  });

  it("takes over the lock of a process that is gone", async () => {
    const dir = await tempDir();
    const gone = spawnSync(process.execPath, ["-e", "process.pid"]).pid!;
    writeFileSync(path.join(dir, "._site.lock"), String(gone));
    const release = acquireBuildLock(path.join(dir, "_site"));
    expect(readFileSync(path.join(dir, "._site.lock"), "utf8")).toBe(String(process.pid));
    release();
  });

  it("lets exactly one of several processes started together take it", async () => {
    const dir = await tempDir();
    const outDir = path.join(dir, "_site");
    // Each process waits for the same moment, tries once, and holds a lock it got for a while.
    const start = Date.now() + 1500;
    const script = `
      const { acquireBuildLock } = await import(${JSON.stringify(path.join(REPO, "src/build/build-lock.ts"))});
      while (Date.now() < ${start});
      try { const release = acquireBuildLock(${JSON.stringify(outDir)}); console.log("got"); await new Promise((r) => setTimeout(r, 500)); release(); }
      catch (e) { console.log(e.constructor.name === "BuildLockedError" ? "refused" : "error " + e.message); }`;
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => {
        const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        return new Promise<string>((resolve) => child.on("close", () => resolve(out.trim())));
      }),
    );
    expect(outcomes.filter((o) => o === "got"), outcomes.join(", ")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "refused")).toHaveLength(5);
    expect(existsSync(path.join(dir, "._site.lock"))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);
});
