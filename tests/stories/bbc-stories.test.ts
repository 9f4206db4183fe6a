/**
 * Story grouping on the BBC news corpus (2,225 articles in five topic folders, 98 exact duplicates,
 * no dates). The folders are ground truth for what must never merge: a story whose reports span two
 * folders is a wrong merge. Skips when ../shared is absent.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { groupStories, type StoryGroup } from "../../src/stories/group-stories.ts";
import { BBC_DIR, BBC_PRESENT, categoryOf, loadBbc } from "./bbc-corpus.ts";

if (!BBC_PRESENT) console.warn(`Skipping the BBC-corpus story tests: ${BBC_DIR} does not exist.`);

describe.skipIf(!BBC_PRESENT)("story grouping on the BBC corpus", () => {
  let records: ArticleRecord[];
  let stories: StoryGroup[];
  let seconds: number;
  const byId = () => new Map(records.map((r) => [r.id, r]));

  beforeAll(() => {
    records = loadBbc();
    const start = performance.now();
    stories = groupStories(records);
    seconds = (performance.now() - start) / 1000;
    const sizes = [...stories].sort((a, b) => b.articleIds.length - a.articleIds.length).slice(0, 5);
    console.info(`BBC corpus: ${records.length} reports, ${stories.length} stories in ${seconds.toFixed(1)} s; largest: ${sizes.map((s) => `${s.articleIds.length} "${s.title}"`).join(", ")}`);
  }, 180_000);

  it("never puts reports from two topic folders in one story", () => {
    const index = byId();
    const mixed = stories.filter((s) => new Set(s.articleIds.map((id) => categoryOf(index.get(id)!))).size > 1);
    expect(mixed.map((s) => s.title)).toEqual([]);
  });

  it("puts exact duplicates (same bytes) in the same story", () => {
    const storyOf = new Map(stories.flatMap((s) => s.articleIds.map((id) => [id, s.id] as const)));
    const byChecksum = new Map<string, ArticleRecord[]>();
    for (const r of records) byChecksum.set(r.checksum, [...(byChecksum.get(r.checksum) ?? []), r]);
    const groups = [...byChecksum.values()].filter((g) => g.length > 1);
    // The corpus README's count: 98 texts appear twice.
    expect(groups.reduce((n, g) => n + g.length - 1, 0)).toBe(98);
    for (const g of groups) {
      const ids = new Set(g.map((r) => storyOf.get(r.id)));
      expect(ids.size, g.map((r) => r.sourceFile).join(", ")).toBe(1);
      expect(ids.has(undefined)).toBe(false);
    }
  });

  it("keeps stories small: reports are undated, so only near-rewrites of one report join", () => {
    expect(Math.max(...stories.map((s) => s.articleIds.length))).toBeLessThanOrEqual(10);
  });
});
