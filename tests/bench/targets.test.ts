/** The bench's target verdicts (bench/table.ts): each judged at its own size, a reader's bars at every size. */
import { describe, expect, it } from "vitest";
import { checkTargets, type SizeResult } from "../../bench/table.ts";

function result(n: number, firstHitMs: number | undefined, buildSeconds: number): SizeResult {
  return {
    n,
    parse: { reportsPerSecond: 2500 },
    build: { wallSeconds: buildSeconds },
    ...(firstHitMs === undefined ? {} : { phone: { pages: [], search: { query: "government", readyMs: 1000, countMs: 500, firstHitMs } } }),
  } as unknown as SizeResult;
}

const check = (results: SizeResult[], label: string) => checkTargets(results).find((c) => c.label.startsWith(label))!;

describe("checkTargets", () => {
  it("judges the phone search by its worst size: over the bar at 1,000 is not met, whatever 10,000 gives", () => {
    const search = check([result(100, 2100, 5), result(1000, 3250, 20), result(10_000, 2000, 100)], "search on a phone");
    expect(search).toMatchObject({ n: 1000, value: 3250, met: false });
    expect(check([result(1000, 1900, 20), result(10_000, 2000, 100)], "search on a phone")).toMatchObject({ n: 10_000, value: 2000, met: true });
  });

  it("judges a scale target at its own size only, and says when that size was not measured", () => {
    expect(check([result(1000, 2000, 10), result(10_000, 2000, 25)], "full build")).toMatchObject({ n: 10_000, value: 25, met: false, provisional: false });
    expect(check([result(100, 2000, 3), result(1000, 2000, 10)], "full build")).toMatchObject({ n: 1000, value: 10, met: true, provisional: true });
  });

  it("leaves a target unmeasured when no size measured it", () => {
    expect(check([result(1000, undefined, 10)], "search on a phone")).toEqual({ label: "search on a phone: first hit after typing", limit: 3000, unit: "ms" });
  });
});
