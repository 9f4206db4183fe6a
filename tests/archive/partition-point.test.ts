import { describe, expect, it } from "vitest";
import { partitionPoint } from "../../src/archive/partition-point.ts";

describe("partitionPoint", () => {
  const days = [3, 5, 5, 8, 13];
  it.each([
    [(d: number) => d < 5, 1], // first 5
    [(d: number) => d <= 5, 3], // after the last 5
    [(d: number) => d < 0, 0], // none before
    [(d: number) => d < 100, 5], // all before
  ])("finds the first item not before the point (%s -> %d)", (before, expected) => {
    expect(partitionPoint(days, before)).toBe(expected);
  });
  it("answers 0 on an empty list", () => {
    expect(partitionPoint([], () => true)).toBe(0);
  });
});
