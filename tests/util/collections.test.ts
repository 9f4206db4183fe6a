import { describe, expect, it } from "vitest";
import { compareCodeUnits, groupBy } from "../../src/util/collections.ts";

describe("groupBy", () => {
  it("keeps keys in first-seen order and items in input order", () => {
    const groups = groupBy(["b1", "a1", "b2", "c1", "a2"], (s) => s[0]);
    expect([...groups.keys()]).toEqual(["b", "a", "c"]);
    expect(groups.get("a")).toEqual(["a1", "a2"]);
    expect(groups.get("b")).toEqual(["b1", "b2"]);
  });

  it("passes each item's index, for grouping by a union-find root", () => {
    const root = [0, 0, 2, 0, 2];
    const groups = groupBy(["w", "x", "y", "z", "v"], (_, i) => root[i]);
    expect([...groups]).toEqual([
      [0, ["w", "x", "z"]],
      [2, ["y", "v"]],
    ]);
  });
});

describe("compareCodeUnits", () => {
  it("orders by UTF-16 code unit, not by locale", () => {
    // localeCompare puts "a" before "B" and "é" before "f"; code units put capitals and ASCII first.
    expect(["é", "f", "a", "B"].sort(compareCodeUnits)).toEqual(["B", "a", "f", "é"]);
    expect(compareCodeUnits("x", "x")).toBe(0);
  });
});
