/**
 * The archive stage's per-report steps by cache name: what each computes from one record alone. Each
 * step's cache computes a miss with its function here in the build's thread, and the report-steps
 * worker computes the same function in other threads: one table, so the two cannot disagree.
 */
import { entityFacts } from "../entities/build-entities.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { reportWords } from "../stories/tfidf.ts";
import { extractEvents } from "../timeline/extract-events.ts";

export const REPORT_STEPS = {
  events: extractEvents,
  entities: (record: ArticleRecord) => entityFacts(record),
  "story-words": reportWords,
} satisfies Record<string, (record: ArticleRecord) => unknown>;

export type ReportStepName = keyof typeof REPORT_STEPS;
export type StepResult<N extends ReportStepName> = ReturnType<(typeof REPORT_STEPS)[N]>;
