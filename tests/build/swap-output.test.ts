/**
 * The swap that puts a finished build in place (src/build/swap-output.ts): the new site is in place the
 * moment swapIn returns, nothing is left beside it, and the previous site becomes the spare the next
 * build takes as its staging folder (or is deleted from the trash by a background process, or at once).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { emptyTrash, recoverOutput, spareDirFor, swapIn, takeSpare } from "../../src/build/swap-output.ts";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A root with a live `_site/` holding `pages` files and a finished staging folder. */
function setUp(pages: number): { root: string; outDir: string; staging: string; trash: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), "wa-swap-"));
  roots.push(root);
  const outDir = path.join(root, "_site");
  const staging = path.join(root, "_site.staging-1-1");
  for (let i = 0; i < pages; i++) {
    mkdirSync(path.join(outDir, "articles", `a${i}`), { recursive: true });
    writeFileSync(path.join(outDir, "articles", `a${i}`, "index.html"), `old ${i}`);
  }
  mkdirSync(staging);
  writeFileSync(path.join(staging, "index.html"), "new");
  return { root, outDir, staging, trash: path.join(root, ".wire-archive", "trash") };
}

async function waitUntil(test: () => boolean, ms = 15_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!test() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return test();
}

describe("swapIn", () => {
  it("puts the new site in place at once and leaves the old one to a background delete in the trash", async () => {
    const { root, outDir, staging, trash } = setUp(300);
    swapIn(staging, outDir, { trashDir: trash });
    expect(readFileSync(path.join(outDir, "index.html"), "utf8")).toBe("new");
    expect(existsSync(path.join(outDir, "articles"))).toBe(false);
    // Nothing beside the site: the old one went into the trash folder.
    expect(readdirSync(root).sort()).toEqual([".wire-archive", "_site"]);
    expect(await waitUntil(() => readdirSync(trash).length === 0), "the trash was not emptied").toBe(true);
  });

  it("deletes the old site at once when given no trash folder", () => {
    const { root, outDir, staging } = setUp(3);
    swapIn(staging, outDir);
    expect(readdirSync(root)).toEqual(["_site"]);
    expect(readdirSync(outDir)).toEqual(["index.html"]);
  });

  it("swaps in a first site when there was none", () => {
    const { outDir, staging, trash } = setUp(0);
    rmSync(outDir, { recursive: true, force: true });
    swapIn(staging, outDir, { trashDir: trash });
    expect(readFileSync(path.join(outDir, "index.html"), "utf8")).toBe("new");
    expect(existsSync(trash)).toBe(false);
  });
});

describe("the spare site", () => {
  it("the replaced site becomes the spare, which the next build takes as its staging folder", () => {
    const { root, outDir, staging, trash } = setUp(2);
    const spareDir = spareDirFor(path.join(root, ".wire-archive"), outDir);
    swapIn(staging, outDir, { spareDir, trashDir: trash }, { version: "v1", build: "build-1" });
    expect(readFileSync(path.join(spareDir, "articles/a1/index.html"), "utf8")).toBe("old 1");
    expect(readdirSync(root).sort()).toEqual([".wire-archive", "_site"]);
    const next = path.join(root, "_site.staging-2-2");
    // Taken, with the build that made it: the render tells its files by it.
    expect(takeSpare(next, outDir, { spareDir, trashDir: trash }, "v1")).toEqual({ build: "build-1" });
    expect(readFileSync(path.join(next, "articles/a1/index.html"), "utf8")).toBe("old 1");
    expect(existsSync(spareDir)).toBe(false);
  });

  it("a spare noted without its build (an older build's) is taken, its build unknown", () => {
    const { root, outDir, staging, trash } = setUp(1);
    const spareDir = spareDirFor(path.join(root, ".wire-archive"), outDir);
    swapIn(staging, outDir, { spareDir, trashDir: trash }, { version: "v1" });
    expect(takeSpare(path.join(root, "_site.staging-2-2"), outDir, { spareDir, trashDir: trash }, "v1")).toEqual({ build: undefined });
  });

  it("a spare rendered by other code (or of unknown make) is not taken: it shares no file with this build's", async () => {
    const { root, outDir, staging, trash } = setUp(1);
    const spareDir = spareDirFor(path.join(root, ".wire-archive"), outDir);
    swapIn(staging, outDir, { spareDir, trashDir: trash }, { version: "v1", build: "build-1" });
    expect(takeSpare(path.join(root, "_site.staging-2-2"), outDir, { spareDir, trashDir: trash }, "v2")).toBe(false);
    expect(existsSync(spareDir)).toBe(false);
    expect(existsSync(path.join(root, "_site.staging-2-2"))).toBe(false);
    expect(await waitUntil(() => readdirSync(trash).length === 0), "the spare was not deleted").toBe(true);
  });

  it("a newer replaced site takes the place of an older spare", async () => {
    const { root, outDir, staging, trash } = setUp(1);
    const spareDir = spareDirFor(path.join(root, ".wire-archive"), outDir);
    mkdirSync(spareDir, { recursive: true });
    writeFileSync(path.join(spareDir, "stale.html"), "older");
    swapIn(staging, outDir, { spareDir, trashDir: trash });
    expect(readdirSync(spareDir)).toEqual(["articles"]);
    expect(await waitUntil(() => readdirSync(trash).length === 0), "the older spare was not deleted").toBe(true);
  });

  it("is not taken without a live site (nothing to keep files from): it goes to the trash", async () => {
    const { root, outDir, trash } = setUp(0);
    rmSync(outDir, { recursive: true, force: true });
    const spareDir = spareDirFor(path.join(root, ".wire-archive"), outDir);
    mkdirSync(spareDir, { recursive: true });
    expect(takeSpare(path.join(root, "_site.staging-2-2"), outDir, { spareDir, trashDir: trash }, "v1")).toBe(false);
    expect(existsSync(spareDir)).toBe(false);
    expect(existsSync(path.join(root, "_site.staging-2-2"))).toBe(false);
  });

  it("a killed build's staging folder goes to the trash, not over the spare; a site a kill left renamed aside is put back", async () => {
    const { root, outDir, staging, trash } = setUp(1);
    const spareDir = spareDirFor(path.join(root, ".wire-archive"), outDir);
    mkdirSync(spareDir, { recursive: true });
    writeFileSync(path.join(spareDir, "index.html"), "spare");
    renameSync(outDir, path.join(root, "_site.previous-7"));
    recoverOutput(outDir, { spareDir, trashDir: trash });
    expect(readFileSync(path.join(outDir, "articles/a0/index.html"), "utf8")).toBe("old 0");
    expect(readFileSync(path.join(spareDir, "index.html"), "utf8")).toBe("spare");
    expect(existsSync(staging)).toBe(false);
    expect(readdirSync(root).sort()).toEqual([".wire-archive", "_site"]);
    expect(await waitUntil(() => readdirSync(trash).length === 0), "the leftover was not deleted").toBe(true);
  });
});

describe("emptyTrash", () => {
  it("deletes what a killed background delete left, and does nothing without a trash folder", async () => {
    const { root, trash } = setUp(0);
    mkdirSync(path.join(trash, "_site.previous-9-9", "deep"), { recursive: true });
    writeFileSync(path.join(trash, "_site.previous-9-9", "deep", "x.html"), "x");
    emptyTrash(trash);
    expect(await waitUntil(() => readdirSync(trash).length === 0)).toBe(true);
    expect(() => emptyTrash(path.join(root, "no-such-folder"))).not.toThrow();
  });
});
