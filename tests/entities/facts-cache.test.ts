/** Entities built from cached per-report facts are the entities built afresh. */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildEntities } from "../../src/entities/build-entities.ts";
import { openEntityFactsCache } from "../../src/entities/facts-cache.ts";
import { seedArchive } from "../helpers/seeds.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("entity facts cache", () => {
  it("gives the same entities, quotes included, from a cold and a warm cache", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "wa-facts-"));
    dirs.push(dir);
    const records = [...seedArchive().values()];
    const fresh = buildEntities(records);
    expect(fresh.some((e) => e.quotes.length > 0)).toBe(true);
    const cold = await openEntityFactsCache(dir);
    expect(buildEntities(records, { factsOf: cold.get })).toEqual(fresh);
    await cold.save();
    const warm = await openEntityFactsCache(dir);
    expect(buildEntities(records, { factsOf: warm.get })).toEqual(fresh);
    expect(warm.stats).toEqual({ hits: 3, misses: 0, primed: 0 });
  });
});
