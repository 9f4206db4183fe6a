/**
 * The archive stage's per-report steps by cache name: what each computes from one record alone. The
 * caches compute a miss with these in the build's thread; the report-steps worker computes the same
 * functions in other threads, so a build with many new reports uses every core.
 */
import { entityFacts } from "../entities/build-entities.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { reportWords } from "../stories/tfidf.ts";
import { extractEvents } from "../timeline/extract-events.ts";

export const REPORT_STEPS: Readonly<Record<string, (record: ArticleRecord) => unknown>> = {
  events: extractEvents,
  entities: (record) => entityFacts(record),
  "story-words": reportWords,
};
