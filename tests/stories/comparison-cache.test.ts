/**
 * Stories compared through the comparison cache are the stories compared afresh; a story whose reports
 * changed in any way is compared again, and the cached objects are not shared between callers.
 */
import { describe, expect, it } from "vitest";
import { buildStories } from "../../src/stories/build-stories.ts";
import { openComparisonCache } from "../../src/stories/comparison-cache.ts";
import { seedArchive } from "../helpers/seeds.ts";
import { tempDirs } from "../helpers/temp-dir.ts";

const tempDir = tempDirs("wa-comparisons-");

describe("story comparison cache", () => {
  it("gives the stories a fresh comparison gives, cold and warm, and compares again when a report changes", async () => {
    const dir = await tempDir();
    const records = [...seedArchive().values()];
    const fresh = buildStories(records);
    expect(fresh).toHaveLength(1);
    // Something to cache: sentences the story's reports all share.
    expect(fresh[0]!.comparison.allSay.length).toBeGreaterThan(0);

    const cold = await openComparisonCache(dir);
    expect(buildStories(records, { compare: cold.compare })).toEqual(fresh);
    expect(cold.stats).toEqual({ hits: 0, misses: 1 });
    await cold.save();

    const warm = await openComparisonCache(dir);
    const again = buildStories(records, { compare: warm.compare });
    expect(again).toEqual(fresh);
    expect(warm.stats).toEqual({ hits: 1, misses: 0 });
    again[0]!.comparison.allSay.length = 0;
    expect(buildStories(records, { compare: warm.compare })).toEqual(fresh);

    // One report's inferred date moves: the story's reports are not the same, so it is compared again.
    const moved = records.map((r, i) => (i === 0 ? { ...r, published: r.published && { ...r.published, date: "2013-09-12" } } : r));
    buildStories(moved, { compare: warm.compare });
    expect(warm.stats.misses).toBe(1);
  });
});
