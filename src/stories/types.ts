/** Stories: reports about the same happening, grouped; and what their reports agree and disagree on. */

/** Where a piece of text sits in the archive: an article's body block (anchor `#b<blockIndex>`). */
export interface TextLocation {
  articleId: string;
  blockIndex: number;
}

/** A sentence of a report, as printed. */
export interface StorySentence extends TextLocation {
  text: string;
}

/** A number or time a report states, with the words it is stated in. */
export interface Claim extends TextLocation {
  kind: "count" | "time";
  /** The exact wording, hedge included: "about 1,400 people", "around 2:00 am", "after the midnight". */
  wording: string;
  /** What is counted ("people", "tonnes") or, for times, "time". */
  unit: string;
  /** Comparable value: "1400", "hundreds", "02:00", "midnight". */
  value: string;
  /** Who the report says states it ("Washington", "a senior US administration official"), when it says. */
  attribution?: string;
  /** The sentence the claim is read from. */
  sentence: string;
}

/** The same thing stated differently by different reports. */
export interface Discrepancy {
  kind: Claim["kind"];
  unit: string;
  /** Words every claim's sentence shares (as the first prints them): what the claims are about. */
  about: string[];
  /** One claim per report (the first it makes on the matter), ordered as the story's reports. */
  claims: Claim[];
}

/** A quotation carried by one or more reports, shown once. */
export interface SharedQuote {
  /** The quotation as the first report prints it, without its quote marks. */
  text: string;
  sources: Array<TextLocation & { speaker?: string; sentence: string }>;
}

/** A matter several reports state, or only one does: aligned sentences, one per report. */
export interface AlignedSentences {
  sentences: StorySentence[];
}

export interface StoryComparison {
  /** Matters every report of the story states (one sentence from each). */
  allSay: AlignedSentences[];
  /** Per report: sentences no other report of the story matches. */
  onlyOne: Array<{ articleId: string; sentences: StorySentence[] }>;
  discrepancies: Discrepancy[];
  /** Quotations in at least two reports. */
  sharedQuotes: SharedQuote[];
}

export interface Story {
  /** Stable, URL-safe: the id of the story's earliest report (ties: smallest id). */
  id: string;
  title: string;
  /** First and last publication date of its reports (`YYYY-MM-DD`), null when none is dated. */
  start: string | null;
  end: string | null;
  /** Oldest first (undated last, then by id). */
  articleIds: string[];
  comparison: StoryComparison;
}
