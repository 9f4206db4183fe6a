/**
 * A source profile: what we know about one outlet, as data (JSON files in ./data). Code never names an
 * outlet; it reads these. The generic profile (data/generic.json) holds knowledge common to many
 * outlets and is always applied; an outlet's profile adds to it.
 * All patterns are JavaScript regular-expression sources, matched case-insensitively against a
 * trimmed line unless stated otherwise.
 */
export interface LinePattern {
  pattern: string;
  /** Why a matching line is removed or classified, shown in `removed[].reason`. */
  reason: string;
}

export interface SourceProfile {
  id: string;
  name: string;
  /** Names that identify the outlet in credits, signatures and "SOURCE:" lines (matched case-insensitively, whole name). */
  aliases: string[];
  /** Whole-line patterns that, when present anywhere in a report, mark it as this outlet's. */
  signatures?: string[];
  /** Whole-line patterns of boilerplate to drop (share bars, feedback links, footers). */
  boilerplate?: LinePattern[];
  /**
   * Lines that open a run of teasers/recommendations: the marker and every following line up to the
   * end of the report are boilerplate, unless article text resumes (a later blank-line-separated run
   * that the classifier deems content).
   */
  teaserMarkers?: LinePattern[];
  /** Whole-line patterns of related-article links kept in `related`. */
  related?: string[];
  /** Patterns with named groups `date` (and optionally `time`) for stated publication-date lines. */
  datelines?: string[];
  /** Patterns with named groups `caption` and/or `credit` for photo caption / credit lines. */
  captions?: string[];
  /** Patterns with a named group `name` for lines that state the outlet, e.g. `SOURCE: BBC`. */
  sourceLines?: string[];
  /** Patterns with a named group `name` for bylines, e.g. `By Jane Doe`. */
  bylines?: string[];
  /** Patterns with a named group `name` for the agency in a wire dateline, e.g. `NAIROBI, Kenya (AP) _`. */
  wireDatelines?: string[];
  /** Separators between a page title and the outlet name, e.g. ` - ` in `Headline - WSJ`. */
  titleSuffixes?: string[];
}
