/**
 * The parse cache: unchanged reports are not parsed again, and the cache can never make a result
 * wrong: changed bytes, a moved file, a corrupt entry or a new parser version are all misses.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, appendFileSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadArchive } from "../../src/archive/load-archive.ts";
import { openParseCache, parserVersion } from "../../src/archive/parse-cache.ts";
import { REPO_ROOT, reportNames } from "./temp-root.ts";

let root: string;
const cacheFile = () => path.join(root, ".wire-archive/cache", `parse-${parserVersion()}.lines`);
/** The cache file's entries: key (file and checksum) and value, one a line. */
const cacheLines = () => readFileSync(cacheFile(), "utf8").split("\n").filter(Boolean);
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
    expect(cacheLines()).toHaveLength(3);
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

  it("corrupt, foreign or torn entries are misses, not errors", async () => {
    await load();
    const [first, second, third] = cacheLines();
    const keyOf = (line: string) => line.slice(0, line.indexOf("\t"));
    const foreign = JSON.stringify({ record: { checksum: "0".repeat(64), sourceFile: "seeds/other.txt" }, usable: true });
    // A killed build can leave the last line torn: cut it mid-value, with no newline after it.
    writeFileSync(cacheFile(), `${keyOf(first)}\t{ not json\n${keyOf(second)}\t${foreign}\n${third.slice(0, third.length / 2)}`);
    const again = await load();
    expect(again.parseStats).toEqual({ parsed: 3, cached: 0 });
    expect(withoutTime(again)).toEqual(withoutTime(await load(false)));
    // The load that found them wrote good entries again.
    expect((await load()).parseStats).toEqual({ parsed: 0, cached: 3 });
  });

  it("a load that adds a report appends its line and keeps the others' lines as they were", async () => {
    const seeds = path.join(root, "seeds");
    const [held] = reportNames(seeds);
    const heldText = readFileSync(path.join(seeds, held));
    rmSync(path.join(seeds, held));
    await load();
    const before = readFileSync(cacheFile(), "utf8");
    writeFileSync(path.join(seeds, held), heldText);
    expect((await load()).parseStats).toEqual({ parsed: 1, cached: 2 });
    const after = readFileSync(cacheFile(), "utf8");
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length).split("\n").filter(Boolean)).toHaveLength(1);
    expect((await load()).parseStats).toEqual({ parsed: 0, cached: 3 });
  });

  it("a deleted cache folder is just a cold start", async () => {
    await load();
    rmSync(path.join(root, ".wire-archive"), { recursive: true, force: true });
    expect((await load()).parseStats).toEqual({ parsed: 3, cached: 0 });
  });

  it("a new parser version misses every entry and removes the old version's file", async () => {
    await loadArchive({ root, cache: await openParseCache(root, { version: "old-version" }) });
    expect(existsSync(path.join(root, ".wire-archive/cache/parse-old-version.lines"))).toBe(true);
    // The older layout: a folder of one file a report.
    mkdirSync(path.join(root, ".wire-archive/cache/parse-older-layout"));
    writeFileSync(path.join(root, ".wire-archive/cache/parse-older-layout/0a1b.json"), "{}");
    const result = await loadArchive({ root, cache: await openParseCache(root, { version: "new-version" }) });
    expect(result.parseStats).toEqual({ parsed: 3, cached: 0 });
    expect(readdirSync(path.join(root, ".wire-archive/cache")).filter((n) => n.startsWith("parse-"))).toEqual(["parse-new-version.lines"]);
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
