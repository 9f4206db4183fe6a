import { describe, expect, it } from "vitest";
import { remembered } from "../../src/util/remembered.ts";

describe("remembered", () => {
  it("computes each argument once, undefined answers included, and forgets past its limit", () => {
    const asked: string[] = [];
    const upper = remembered((s: string) => (asked.push(s), s === "none" ? undefined : s.toUpperCase()), 3);
    expect([upper("a"), upper("b"), upper("a"), upper("none"), upper("none")]).toEqual(["A", "B", "A", undefined, undefined]);
    expect(asked).toEqual(["a", "b", "none"]);
    // A fourth argument clears the three remembered; "a" is then computed again, and right.
    expect(upper("c")).toBe("C");
    expect(upper("a")).toBe("A");
    expect(asked).toEqual(["a", "b", "none", "c", "a"]);
  });
});
