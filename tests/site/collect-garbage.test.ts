import { describe, expect, it } from "vitest";
import { GARBAGE_SHARE, MIN_GARBAGE_BYTES, collectGarbage, worthCollecting } from "../../src/site/collect-garbage.ts";

const MB = 2 ** 20;

describe("garbage collection between Eleventy runs", () => {
  it.each([
    // [heap in use now, live after the last collection, collect?]
    [200 * MB, 0, false], // a small archive's whole heap: not worth a collection yet
    [MIN_GARBAGE_BYTES, 0, true],
    [800 * MB, 600 * MB, false], // 200 MB of garbage: under the floor
    [900 * MB, 600 * MB, true], // 300 MB: over the floor and over a quarter of 600 MB live
    [3600 * MB, 3000 * MB, false], // a large archive: 600 MB of garbage is under a quarter of its 3 GB live heap
    [3800 * MB, 3000 * MB, true],
  ])("heap %d B with %d B live at the last collection: collect = %s", (used, live, expected) => {
    expect(worthCollecting(used, live)).toBe(expected);
  });

  it("waits for garbage in proportion to the live heap, so collections cost time in proportion to allocation", () => {
    const live = 3000 * MB;
    expect(worthCollecting(live + GARBAGE_SHARE * live - 1, live)).toBe(false);
    expect(worthCollecting(live + GARBAGE_SHARE * live, live)).toBe(true);
  });

  it("collects when forced, and then not again until garbage builds up", () => {
    expect(collectGarbage({ force: true })).toBe(true);
    expect(collectGarbage()).toBe(false);
  });
});
