/** The file-system probe of bench/fs-cost.ts: every step measured, nothing left behind. */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { measureFsCost } from "../../bench/fs-cost.ts";

const parent = mkdtempSync(path.join(tmpdir(), "wa-fs-cost-test-"));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("measureFsCost", () => {
  it("times each step per file and removes what it wrote", () => {
    const costs = measureFsCost(parent, 20);
    expect(costs.map((c) => c.step)).toEqual(["mkdir (new folder)", "write 30 KB (new file)", "write 30 KB (over a file)", "hard link", "rename"]);
    for (const c of costs) {
      expect(Number.isFinite(c.wallMicros) && c.wallMicros > 0).toBe(true);
      expect(Number.isFinite(c.systemMicros) && c.systemMicros >= 0).toBe(true);
    }
    expect(readdirSync(parent)).toEqual([]);
  });
});
