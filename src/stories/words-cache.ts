/** Each report's content and name words kept between builds: reading them is most of grouping's cost. */
import { codeVersion, PARSER_INPUTS } from "../archive/parse-cache.ts";
import { openReportCache, type ReportCache } from "../archive/report-cache.ts";
import type { ReportWords } from "./tfidf.ts";

/** What a report's words depend on besides its text: the parser and the code that reads them (tests/archive/cache-versions.test.ts checks its imports are in here). */
export const STORY_WORDS_INPUTS = [...PARSER_INPUTS, "stories/content-words.ts", "stories/tfidf.ts", "util"];

export function openStoryWordsCache(cacheDir: string): Promise<ReportCache<ReportWords>> {
  return openReportCache({
    dir: cacheDir,
    name: "story-words",
    version: codeVersion(STORY_WORDS_INPUTS),
    // The headline is read too, and it can change with the archive (derived headlines do not, ids do).
    keyOf: (r) => r.headline,
  });
}
