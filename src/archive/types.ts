/** The whole archive as the site sees it: validated records plus archive-wide derived data. */
import type { ArticleRecord, Diagnostic } from "../record/schema.ts";
import type { Timeline } from "../timeline/types.ts";

export interface SourceSummary {
  id: string;
  name: string;
  count: number;
}

export interface Archive {
  /** Newest first (undated last), ids unique. */
  records: ArticleRecord[];
  sources: SourceSummary[];
  /** Every dated event the reports tell of, merged across reports, in date order. */
  timeline: Timeline;
  /** Every diagnostic of every report, with `file` set. */
  diagnostics: Diagnostic[];
  /** ISO timestamp of the build; the only non-deterministic field. */
  generatedAt: string;
}
