/**
 * Each build cache is named by a hash of the code its entries come from (codeVersion over a list of
 * folders and files of src/). A module that code imports but the list leaves out could change without
 * the cache noticing, and a build would then serve entries the new code would not make. So: every
 * module reachable by (non-type) imports from a cache's step must be in the cache's list.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATES_INPUTS } from "../../src/archive/dates-cache.ts";
import { PARSER_INPUTS } from "../../src/archive/parse-cache.ts";
import { ENTITY_FACTS_INPUTS } from "../../src/entities/facts-cache.ts";
import { TAGGER_INPUTS } from "../../src/entities/tag-cache.ts";
import { COMPARISON_INPUTS } from "../../src/stories/comparison-cache.ts";
import { STORY_WORDS_INPUTS } from "../../src/stories/words-cache.ts";
import { EVENTS_INPUTS } from "../../src/timeline/event-cache.ts";
import { REPO_ROOT } from "../helpers/seeds.ts";

const SRC = path.join(REPO_ROOT, "src");

/** Relative imports and re-exports that exist at run time (`import type` and `export type` do not). */
const RUNTIME_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^;]*?\s+from\s+)?["'](\.{1,2}\/[^"']+)["']/gm;

/** Every src/ file reachable from `entries` (paths relative to src/). */
function reachable(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const text = readFileSync(path.join(SRC, rel), "utf8");
    for (const m of text.matchAll(RUNTIME_IMPORT)) visit(path.relative(SRC, path.resolve(path.dirname(path.join(SRC, rel)), m[1]!)).split(path.sep).join("/"));
  };
  entries.forEach(visit);
  return seen;
}

const covered = (file: string, inputs: readonly string[]) => inputs.some((i) => file === i || file.startsWith(`${i}/`));

// Each cache: the module whose functions make its entries, and the list its version hashes.
const CACHES: Array<[name: string, entries: string[], inputs: readonly string[]]> = [
  ["parse", ["parse/parse-document.ts", "ingest/read-report.ts"], PARSER_INPUTS],
  ["story words", ["stories/tfidf.ts"], STORY_WORDS_INPUTS],
  ["story comparisons", ["stories/compare-story.ts"], COMPARISON_INPUTS],
  ["inferred dates", ["archive/infer-published.ts"], DATES_INPUTS],
  ["entity facts", ["entities/build-entities.ts"], ENTITY_FACTS_INPUTS],
  ["timeline events", ["timeline/extract-events.ts"], EVENTS_INPUTS],
  ["tagger answers", ["entities/find-mentions.ts"], TAGGER_INPUTS],
];

describe("cache versions cover the code their entries come from", () => {
  it("follows run-time imports and re-exports, not type-only ones", () => {
    const found = reachable(["stories/tfidf.ts"]);
    expect(found).toContain("util/vocabulary.ts"); // import { countTerms, vocabulary, type TermCounts }
    expect(found).toContain("stories/content-words.ts");
    expect(found).not.toContain("record/schema.ts"); // import type { ArticleRecord }
  });

  it.each(CACHES)("%s", (_name, entries, inputs) => {
    const missing = [...reachable(entries)].filter((file) => !covered(file, inputs)).sort();
    expect(missing, `imported but not in the cache's version: add them to its list`).toEqual([]);
  });
});
