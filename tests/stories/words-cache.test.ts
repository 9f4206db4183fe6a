/** Stories grouped from cached per-report words are the stories grouped afresh. */
import { describe, expect, it } from "vitest";
import { buildStories } from "../../src/stories/build-stories.ts";
import { openStoryWordsCache } from "../../src/stories/words-cache.ts";
import { seedArchive } from "../helpers/seeds.ts";
import { tempDirs } from "../helpers/temp-dir.ts";

const tempDir = tempDirs("wa-words-");

describe("story words cache", () => {
  it("gives the same stories from a cold and a warm cache, and reads again when a headline changes", async () => {
    const dir = await tempDir();
    const records = [...seedArchive().values()];
    const fresh = buildStories(records);
    expect(fresh).toHaveLength(1);
    const cold = await openStoryWordsCache(dir);
    expect(buildStories(records, { wordsOf: cold.get })).toEqual(fresh);
    await cold.save();
    const warm = await openStoryWordsCache(dir);
    expect(buildStories(records, { wordsOf: warm.get })).toEqual(fresh);
    expect(warm.stats).toEqual({ hits: 3, misses: 0, primed: 0 });
    warm.get({ ...records[0]!, headline: "Another headline" });
    expect(warm.stats.misses).toBe(1);
  });
});
