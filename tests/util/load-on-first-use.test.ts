import { describe, expect, it } from "vitest";
import { loadOnFirstUse } from "../../src/util/load-on-first-use.ts";

const LIBRARY = new URL("./fixtures/counted-library.cjs", import.meta.url).pathname;
const loads = () => (globalThis as { countedLibraryLoads?: number }).countedLibraryLoads ?? 0;

describe("loadOnFirstUse", () => {
  it("loads the library at the first call, not before, and once", () => {
    const before = loads();
    let prepared = 0;
    const lib = loadOnFirstUse(LIBRARY, (l: { name: string }) => ({ ...l, prepared: ++prepared }));
    expect(loads()).toBe(before);
    expect(lib()).toEqual({ name: "counted", prepared: 1 });
    expect(lib()).toBe(lib());
    expect(loads()).toBe(before + 1);
    expect(prepared).toBe(1);
  });

  it("answers the library itself without a prepare step", () => {
    expect(loadOnFirstUse<{ name: string }>(LIBRARY)().name).toBe("counted");
  });
});
