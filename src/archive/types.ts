/** The whole archive as the site sees it: validated records plus archive-wide derived data. */
import type { ArticleRecord, Diagnostic } from "../record/schema.ts";
import type { Timeline } from "../timeline/types.ts";
import type { Story } from "../stories/types.ts";
import type { Entity } from "../entities/types.ts";

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
  /** Reports about the same happening, grouped, with what they agree and disagree on (src/stories). */
  stories?: Story[];
  /** People, organisations and places the reports name, aliases merged (src/entities). */
  entities?: Entity[];
  /**
   * Reports published once and since removed (the permalink ledger's entries for gone files): their
   * URLs stay reserved and show a notice instead of another report or nothing.
   */
  removed?: Array<{ id: string; file: string }>;
  /** Every diagnostic of every report, with `file` set. */
  diagnostics: Diagnostic[];
  /** ISO timestamp of the build; the only non-deterministic field. */
  generatedAt: string;
}
