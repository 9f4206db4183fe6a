/**
 * Each report's extracted events kept between builds: finding and resolving date expressions in every
 * sentence is most of the timeline's cost, and a report's events change only with its text (checksum,
 * parser), its publication date (dates resolve against it), its id (events cite it) or this code.
 */
import { codeVersion, PARSER_INPUTS } from "../archive/parse-cache.ts";
import { openReportCache, type ReportCache } from "../archive/report-cache.ts";
import type { ExtractedEvent } from "./types.ts";

/**
 * What extraction depends on besides the report: the parser (its body), the date code, the extractor
 * (tests/archive/cache-versions.test.ts checks its imports are in here).
 */
export const EVENTS_INPUTS = [...PARSER_INPUTS, "dates", "timeline/extract-events.ts", "timeline/types.ts"];
const eventsVersion = () => codeVersion(EVENTS_INPUTS);

export function openEventCache(cacheDir: string): Promise<ReportCache<ExtractedEvent[]>> {
  return openReportCache({
    dir: cacheDir,
    name: "events",
    version: eventsVersion(),
    keyOf: (r) => `${r.id}\0${r.published?.date ?? ""}`,
  });
}
