/**
 * The parse cache: unchanged reports are not parsed again, and the cache can never make a result
 * wrong: changed bytes, a moved file, a corrupt entry or a new parser version are all misses.
 */
import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync, appendFileSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadArchive } from "../../src/archive/load-archive.ts";
import { openParseCache, parserVersion } from "../../src/archive/parse-cache.ts";
import { REPO_ROOT, reportNames } from "./temp-root.ts";

let root: string;
const cacheDir = () => path.join(root, ".wire-archive/cache", `parse-${parserVersion()}`);
const load = (cache?: false) => loadArchive({ root, cache });
const withoutTime = (a: Awaited<ReturnType<typeof load>>) => ({ ...a, archive: { ...a.archive, generatedAt: "" }, parseStats: undefined });

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "wa-cache-"));
  cpSync(path.join(REPO_ROOT, "seeds"), path.join(root, "seeds"), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("parse cache", () => {
  it("a second load parses nothing and gives the same archive as no cache at all", async () => {
    const first = await load();
    expect(first.parseStats).toEqual({ parsed: 3, cached: 0 });
    expect(readdirSync(cacheDir())).toHaveLength(3);
    const second = await load();
    expect(second.parseStats).toEqual({ parsed: 0, cached: 3 });
    expect(withoutTime(second)).toEqual(withoutTime(await load(false)));
  });

  it("a changed report is parsed again; the others come from the cache", async () => {
    await load();
    const file = path.join(root, "seeds", reportNames(path.join(root, "seeds"))[0]);
    appendFileSync(file, "\nA late paragraph added by the desk on Sunday evening, after the talks ended.\n");
    const again = await load();
    expect(again.parseStats).toEqual({ parsed: 1, cached: 2 });
    expect(JSON.stringify(again.archive.records)).toContain("A late paragraph added by the desk");
  });

  it("a renamed report is parsed again, so its record names its new file", async () => {
    await load();
    const [name] = reportNames(path.join(root, "seeds"));
    renameSync(path.join(root, "seeds", name), path.join(root, "seeds", `renamed-${name}`));
    const again = await load();
    expect(again.parseStats).toEqual({ parsed: 1, cached: 2 });
    expect(again.archive.records.map((r) => r.sourceFile)).toContain(`seeds/renamed-${name}`);
  });

  it("corrupt or truncated entries are misses, not errors", async () => {
    await load();
    const entries = readdirSync(cacheDir());
    writeFileSync(path.join(cacheDir(), entries[0]), "{ not json");
    writeFileSync(path.join(cacheDir(), entries[1]), JSON.stringify({ record: { checksum: "0".repeat(64), sourceFile: "seeds/other.txt" }, usable: true }));
    const again = await load();
    expect(again.parseStats).toEqual({ parsed: 2, cached: 1 });
    expect(withoutTime(again)).toEqual(withoutTime(await load(false)));
  });

  it("a deleted cache folder is just a cold start", async () => {
    await load();
    rmSync(path.join(root, ".wire-archive"), { recursive: true, force: true });
    expect((await load()).parseStats).toEqual({ parsed: 3, cached: 0 });
  });

  it("a new parser version misses every entry and clears the old version's folder", async () => {
    const old = openParseCache(root, { version: "old-version" });
    await loadArchive({ root, cache: old });
    expect(existsSync(path.join(root, ".wire-archive/cache/parse-old-version"))).toBe(true);
    const fresh = openParseCache(root, { version: "new-version" });
    const result = await loadArchive({ root, cache: fresh });
    expect(result.parseStats).toEqual({ parsed: 3, cached: 0 });
    expect(readdirSync(path.join(root, ".wire-archive/cache")).filter((n) => n.startsWith("parse-"))).toEqual(["parse-new-version"]);
  });

  it("an unwritable cache only costs time", async () => {
    mkdirSync(path.join(root, ".wire-archive"));
    writeFileSync(path.join(root, ".wire-archive/cache"), "a file where the cache folder should be");
    const result = await load();
    expect(result.parseStats).toEqual({ parsed: 3, cached: 0 });
    expect(result.archive.records).toHaveLength(3);
  });

  it("the parser version is a stable hash of the parser's code and data", () => {
    expect(parserVersion()).toMatch(/^[0-9a-f]{16}$/);
    expect(parserVersion()).toBe(parserVersion());
  });
});
