/**
 * The extraction floor on the dev set (issue 6): plain-text dumps through the whole pipeline
 * (ingest -> parseDocument -> body blocks) score F1 >= 0.92, saved HTML pages F1 >= 0.96, and no page
 * throws. Time per page is measured by `wire-archive eval` and `npm run bench`, not asserted here.
 * Skips when ../shared (the dev set) is not there.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateDir } from "../../src/eval/evaluate-dir.ts";
import { extractBody } from "../../src/eval/record-body.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dev = path.resolve(root, "../shared/extraction/dev");
const present = existsSync(dev);
if (!present) console.warn(`skipping the extraction floor: the dev set ${dev} is not there`);

describe.skipIf(!present)("extraction on ../shared/extraction/dev (plain text)", () => {
  const result = present ? evaluateDir(dev, extractBody, "txt", { warmUp: true }) : undefined;

  it("scores F1 >= 0.92", () => {
    const t = result!.totals;
    expect(t.pages).toBe(61);
    expect(t.f1).toBeGreaterThanOrEqual(0.92);
  });

  it("parses every page without an exception", () => {
    expect(result!.pages.filter((p) => p.error).map((p) => `${p.id}: ${p.error}`)).toEqual([]);
  });
});

describe.skipIf(!present)("extraction on ../shared/extraction/dev (HTML through Readability)", () => {
  const result = present ? evaluateDir(dev, extractBody, "html") : undefined;

  it("scores F1 >= 0.96", () => {
    expect(result!.totals.pages).toBe(61);
    expect(result!.totals.f1).toBeGreaterThanOrEqual(0.96);
  });

  it("parses every page without an exception", () => {
    expect(result!.pages.filter((p) => p.error).map((p) => `${p.id}: ${p.error}`)).toEqual([]);
  });
});
