/**
 * The stat-keyed checksum index (src/archive/checksum-index.ts): a file's checksum is taken from it
 * only while the file's stat is the one it was hashed with and it changed well before that hashing
 * began; any edit (even one that puts the modification time back) is hashed again.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openChecksumIndex, TRUST_MARGIN_MS } from "../../src/archive/checksum-index.ts";
import { loadParsed } from "../../src/archive/load-archive.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), "wa-checksums-"));
  dirs.push(d);
  return d;
}
/** A file modified a minute ago (its change time is now: tests open the index as if a minute later). */
function oldFile(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const minuteAgo = new Date(Date.now() - 60_000);
  utimesSync(file, minuteAgo, minuteAgo);
  return file;
}
const later = (ms: number) => () => Date.now() + ms;

describe("openChecksumIndex", () => {
  it("knows a file's checksum once recorded and saved, while its stat is unchanged", async () => {
    const dir = tempDir();
    const file = oldFile(dir, "a.txt", "alpha");
    const first = openChecksumIndex(path.join(dir, "cache"), later(60_000));
    expect(first.known(file, statSync(file))).toBeUndefined();
    first.record(file, statSync(file), "sum-a");
    await first.save();
    const second = openChecksumIndex(path.join(dir, "cache"), later(120_000));
    expect(second.known(file, statSync(file))).toBe("sum-a");
  });

  it("hashes again a file edited since, even one whose modification time was put back", async () => {
    const dir = tempDir();
    const file = oldFile(dir, "a.txt", "alpha");
    const before = statSync(file);
    const index = openChecksumIndex(path.join(dir, "cache"), later(60_000));
    index.record(file, before, "sum-a");
    await index.save();
    // Same size, same mtime: only the change time tells.
    writeFileSync(file, "alphb");
    utimesSync(file, before.atime, before.mtime);
    const after = statSync(file);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(openChecksumIndex(path.join(dir, "cache"), later(120_000)).known(file, after)).toBeUndefined();
  });

  it("does not trust a file that changed within the margin of the run that hashed it", async () => {
    const dir = tempDir();
    const file = path.join(dir, "fresh.txt");
    writeFileSync(file, "just written");
    // The run began a moment after the write: within the margin, the entry is racily clean.
    const index = openChecksumIndex(path.join(dir, "cache"), later(TRUST_MARGIN_MS / 2));
    index.record(file, statSync(file), "sum-fresh");
    await index.save();
    expect(openChecksumIndex(path.join(dir, "cache"), later(60_000)).known(file, statSync(file))).toBeUndefined();
  });

  it("treats an unreadable index as empty", () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "cache"));
    writeFileSync(path.join(dir, "cache", "checksums.json"), "{not json");
    const file = oldFile(dir, "a.txt", "alpha");
    expect(openChecksumIndex(path.join(dir, "cache")).known(file, statSync(file))).toBeUndefined();
  });
});

describe("loadParsed with the checksum index", () => {
  it("reads an edited report afresh on the next load", async () => {
    const root = tempDir();
    mkdirSync(path.join(root, "seeds"));
    const report = (headline: string) => `${headline}\n\nPublished: 14 September 2013\n\nDiplomats said on Saturday that the talks in Geneva would go on into the night.\n`;
    const file = oldFile(path.join(root, "seeds"), "talks.txt", report("Talks go on in Geneva"));
    const first = await loadParsed({ root });
    expect(first.records.map((r) => r.headline)).toEqual(["Talks go on in Geneva"]);
    const again = await loadParsed({ root });
    expect(again.parseStats).toEqual({ parsed: 0, cached: 1 });
    writeFileSync(file, report("Talks end in Geneva"));
    const edited = await loadParsed({ root });
    expect(edited.parseStats).toEqual({ parsed: 1, cached: 0 });
    expect(edited.records.map((r) => r.headline)).toEqual(["Talks end in Geneva"]);
  });
});
