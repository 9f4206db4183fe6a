/**
 * How a per-report cache file is kept (src/archive/report-cache.ts): a build that only adds reports
 * appends their lines, a build that changes nothing writes nothing, a build that leaves many lines
 * unused writes the file again with only what it used, and a line a killed build tore is a miss.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { openEventCache } from "../../src/timeline/event-cache.ts";
import { extractEvents } from "../../src/timeline/extract-events.ts";
import { seedArchive } from "../helpers/seeds.ts";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const seeds = [...seedArchive().values()];
/** Copies of the seeds as other reports (another file, another checksum). */
const more = (n: number): ArticleRecord[] =>
  Array.from({ length: n }, (_, i) => ({ ...seeds[i % seeds.length]!, sourceFile: `seeds/copy-${i}.txt`, checksum: i.toString(16).padStart(64, "c") }));

async function cacheDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "wa-report-cache-"));
  dirs.push(dir);
  return dir;
}

/** One build's use of the cache: each record looked up, then saved. */
async function useCache(dir: string, records: ArticleRecord[]) {
  const cache = await openEventCache(dir);
  for (const r of records) cache.get(r);
  await cache.save();
  return cache.stats;
}

const fileOf = (dir: string) => path.join(dir, readdirSync(dir).find((n) => n.startsWith("events-"))!);
const linesOf = (dir: string) => readFileSync(fileOf(dir), "utf8").split("\n").filter(Boolean);

describe("report cache file", () => {
  it("a build that adds reports appends their lines; the file's earlier lines are not written again", async () => {
    const dir = await cacheDir();
    const [a, b, c, d] = more(4);
    expect(await useCache(dir, [a!, b!, c!])).toEqual({ hits: 0, misses: 3, primed: 0 });
    const before = readFileSync(fileOf(dir), "utf8");
    expect(await useCache(dir, [a!, b!, c!, d!])).toEqual({ hits: 3, misses: 1, primed: 0 });
    const after = readFileSync(fileOf(dir), "utf8");
    expect(after.startsWith(before)).toBe(true);
    expect(linesOf(dir)).toHaveLength(4);
    expect(await useCache(dir, [a!, b!, c!, d!])).toEqual({ hits: 4, misses: 0, primed: 0 });
  });

  it("a build that changes nothing leaves the file as it is", async () => {
    const dir = await cacheDir();
    const records = more(3);
    await useCache(dir, records);
    writeFileSync(fileOf(dir), `${readFileSync(fileOf(dir), "utf8")}# a line no build writes\n`);
    await useCache(dir, records);
    expect(readFileSync(fileOf(dir), "utf8")).toContain("# a line no build writes");
  });

  it("is written again with only the used entries when more than a fifth of its lines went unused", async () => {
    const dir = await cacheDir();
    const records = more(5);
    await useCache(dir, records);
    // One of five unused (an edited report): still appended to.
    await useCache(dir, records.slice(1));
    expect(linesOf(dir)).toHaveLength(5);
    // Three of five unused: written again.
    expect(await useCache(dir, records.slice(3))).toEqual({ hits: 2, misses: 0, primed: 0 });
    expect(linesOf(dir)).toHaveLength(2);
    expect(await useCache(dir, records.slice(3))).toEqual({ hits: 2, misses: 0, primed: 0 });
  });

  it("a line a killed build tore is a miss, and what is appended next starts on a line of its own", async () => {
    const dir = await cacheDir();
    const [a, b, c] = more(3);
    await useCache(dir, [a!, b!]);
    const text = readFileSync(fileOf(dir), "utf8");
    // The last line cut short, as a kill during an append leaves it.
    writeFileSync(fileOf(dir), text.slice(0, text.length - 20));
    expect(await useCache(dir, [a!, b!, c!])).toEqual({ hits: 1, misses: 2, primed: 0 });
    expect(await useCache(dir, [a!, b!, c!])).toEqual({ hits: 3, misses: 0, primed: 0 });
  });

  it("`text` hands an entry over as JSON text, stored or worked out, and keeps it as `get` would", async () => {
    const dir = await cacheDir();
    const [a, b] = more(2);
    await useCache(dir, [a!]);
    const stored = linesOf(dir)[0]!.split("\t")[1];
    const cache = await openEventCache(dir);
    // The stored entry is the file's own text; the new one is the events worked out, as JSON.
    expect(cache.text(a!)).toBe(stored);
    expect(JSON.parse(cache.text(b!))).toEqual(extractEvents(b!));
    expect(cache.stats).toEqual({ hits: 1, misses: 1, primed: 0 });
    await cache.save();
    expect(await useCache(dir, [a!, b!])).toEqual({ hits: 2, misses: 0, primed: 0 });
  });

  it("a torn line comes out of `text` as it is; `get` works it out again, and the next build has it whole", async () => {
    const dir = await cacheDir();
    const [a] = more(1);
    await useCache(dir, [a!]);
    writeFileSync(fileOf(dir), readFileSync(fileOf(dir), "utf8").slice(0, -20));
    const cache = await openEventCache(dir);
    expect(() => JSON.parse(cache.text(a!))).toThrow();
    expect(cache.get(a!)).toEqual(extractEvents(a!));
    await cache.save();
    const next = await openEventCache(dir);
    expect(JSON.parse(next.text(a!))).toEqual(extractEvents(a!));
  });
});
