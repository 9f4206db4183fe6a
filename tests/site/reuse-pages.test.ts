/**
 * Keeping files from the previous site in a staging folder that may be a recycled site
 * (src/site/reuse-pages.ts): files already linked stay, other versions are replaced by links (never
 * written into), and pruning leaves only the kept files and the folders it is told to skip.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listTree } from "../../src/site/list-tree.ts";
import { linkFromPrevious, pruneExcept, sameFilesInSpare, type RenderManifest } from "../../src/site/reuse-pages.ts";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wa-reuse-"));
  roots.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe("listTree and pruneExcept", () => {
  /** A recycled site: two article pages, a deep entity page, the home page and the search index. */
  const site = () =>
    tree({
      "articles/a/index.html": "a",
      "articles/b/index.html": "b",
      "entities/x/page/2/index.html": "x2",
      "index.html": "home",
      "pagefind/pagefind.js": "index",
      "pagefind/fragment/f1.pf_fragment": "f",
    });

  it("lists every file under the folder but the skipped top-level folders, in another thread", async () => {
    const dir = site();
    symlinkSync("index.html", path.join(dir, "home-link.html"));
    expect((await listTree(dir, ["pagefind"])).sort()).toEqual(["articles/a/index.html", "articles/b/index.html", "entities/x/page/2/index.html", "home-link.html", "index.html"]);
    expect((await listTree(dir)).filter((f) => f.startsWith("pagefind/")).sort()).toEqual(["pagefind/fragment/f1.pf_fragment", "pagefind/pagefind.js"]);
  });

  it("rejects, saying which folder, when the folder is not there", async () => {
    await expect(listTree(path.join(os.tmpdir(), "wa-no-such-folder"))).rejects.toThrow(/wa-no-such-folder/);
  });

  it("removes every listed file but the kept ones, and the folders left empty", async () => {
    const dir = site();
    const removed = pruneExcept(dir, await listTree(dir, ["pagefind"]), new Set(["articles/a/index.html"]));
    expect(removed).toBe(3);
    expect(readFileSync(path.join(dir, "articles/a/index.html"), "utf8")).toBe("a");
    expect(existsSync(path.join(dir, "articles/b"))).toBe(false);
    expect(existsSync(path.join(dir, "entities"))).toBe(false);
    expect(existsSync(path.join(dir, "index.html"))).toBe(false);
    expect(readFileSync(path.join(dir, "pagefind/pagefind.js"), "utf8")).toBe("index");
  });
});

describe("linkFromPrevious into a recycled folder", () => {
  it("leaves a file that is already the previous site's, replaces another version, and reports what the previous site lacks", () => {
    const previous = tree({ "same/index.html": "kept", "changed/index.html": "new version" });
    const staging = tree({ "changed/index.html": "old version", "gone/index.html": "stale" });
    mkdirSync(path.join(staging, "same"));
    linkSync(path.join(previous, "same/index.html"), path.join(staging, "same/index.html"));
    const oldVersion = path.join(staging, "changed/old-copy.html");
    linkSync(path.join(staging, "changed/index.html"), oldVersion);

    const missing = linkFromPrevious(["same/index.html", "changed/index.html", "gone/index.html", "fresh/index.html"], previous, staging);

    expect(missing).toEqual(["gone/index.html", "fresh/index.html"]);
    expect(statSync(path.join(staging, "same/index.html")).ino).toBe(statSync(path.join(previous, "same/index.html")).ino);
    expect(statSync(path.join(staging, "changed/index.html")).ino).toBe(statSync(path.join(previous, "changed/index.html")).ino);
    // The old version was unlinked, not written into: its other name still reads as it did.
    expect(readFileSync(oldVersion, "utf8")).toBe("old version");
    expect(existsSync(path.join(staging, "gone/index.html"))).toBe(false);
    expect(existsSync(path.join(staging, "fresh/index.html"))).toBe(false);
  });
});

describe("sameFilesInSpare: kept files the recycled site already holds as the live site's own", () => {
  // The live site's build linked its kept files from build "b1"'s site and wrote two afresh.
  const live: RenderManifest = { format: 1, version: "v", pages: {}, build: "b2", base: "b1", fresh: ["new/index.html", "raw/new.txt"] };
  const listed = new Set(["kept/index.html", "new/index.html", "raw/kept.txt"]);

  it("are the files the live build did not write, which the spare holds, when the spare is the live build's base", () => {
    const same = sameFilesInSpare(live, "b1", listed)!;
    expect(["kept/index.html", "raw/kept.txt", "new/index.html", "raw/new.txt", "gone/index.html"].filter(same)).toEqual(["kept/index.html", "raw/kept.txt"]);
  });

  it("are not known for a spare of another build, of an unknown one, or beside a manifest that does not say what it wrote", () => {
    expect(sameFilesInSpare(live, "b0", listed)).toBeUndefined();
    expect(sameFilesInSpare(live, undefined, listed)).toBeUndefined();
    expect(sameFilesInSpare({ ...live, fresh: undefined }, "b1", listed)).toBeUndefined();
    expect(sameFilesInSpare({ ...live, base: undefined }, "b1", listed)).toBeUndefined();
  });

  it("are left as they are by linkFromPrevious, without a look at either site", () => {
    const previous = tree({ "kept/index.html": "live" });
    const staging = tree({ "kept/index.html": "what the spare holds" });
    expect(linkFromPrevious(["kept/index.html", "gone/index.html"], previous, staging, (f) => f.startsWith("kept/"))).toEqual(["gone/index.html"]);
    // Not relinked: the caller vouched for it.
    expect(readFileSync(path.join(staging, "kept/index.html"), "utf8")).toBe("what the spare holds");
  });
});
