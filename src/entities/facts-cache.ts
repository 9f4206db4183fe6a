/**
 * Each report's names and attributed quotes kept between builds (tagging and quote finding cost
 * milliseconds a report); they depend on the report's text and this code only, not on other reports.
 */
import { codeVersion, PARSER_INPUTS } from "../archive/parse-cache.ts";
import { openReportCache, type ReportCache } from "../archive/report-cache.ts";
import type { EntityFacts } from "./build-entities.ts";
import { TAGGER_VERSION } from "./find-mentions.ts";

/** The code a report's names and quotes depend on (tests/archive/cache-versions.test.ts checks its imports are in here). */
export const ENTITY_FACTS_INPUTS = [...PARSER_INPUTS, "entities", "stories", "dates", "util"];

export function openEntityFactsCache(cacheDir: string): Promise<ReportCache<EntityFacts>> {
  return openReportCache({
    dir: cacheDir,
    name: "entities",
    version: `${codeVersion(ENTITY_FACTS_INPUTS)}-${TAGGER_VERSION}`,
  });
}
