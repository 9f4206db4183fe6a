/** The goals on the shared dev set (real reports, hand-normalised dates); skipped without it. */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEV_SET, scoreDevSet } from "./dev-harness.ts";

const present = existsSync(DEV_SET);
if (!present) console.warn(`tests/timeline/dev-set.test.ts skipped: no dev set at ${DEV_SET}`);

describe.skipIf(!present)("timeline on the dev set", () => {
  it("meets the goals: precision >= 0.95, day recall >= 0.80, unanchored share <= 0.10", () => {
    const score = scoreDevSet();
    const summary = `precision ${score.precision.toFixed(3)}, day recall ${score.dayRecall.toFixed(3)}, unanchored ${score.unanchoredShare.toFixed(3)}`;
    expect(score.precision, summary).toBeGreaterThanOrEqual(0.95);
    expect(score.dayRecall, summary).toBeGreaterThanOrEqual(0.8);
    expect(score.unanchoredShare, summary).toBeLessThanOrEqual(0.1);
  });
});
