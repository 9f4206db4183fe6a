/** People, organisations and places named in the reports. */

export type EntityKind = "person" | "organisation" | "place";

export interface EntityMention {
  articleId: string;
  /** Index of the body block (anchor `#b<blockIndex>`). */
  blockIndex: number;
  /** The words as printed ("Mr Kerry", "Bashar Assad"). */
  text: string;
}

export interface EntityQuote {
  articleId: string;
  blockIndex: number;
  /** The quotation, without its marks. */
  text: string;
  /** The speaker as the report names them. */
  speaker: string;
}

export interface Entity {
  /** URL-safe slug of the canonical name. */
  id: string;
  name: string;
  kind: EntityKind;
  /** Reports naming it, in archive order. */
  articleIds: string[];
  mentions: EntityMention[];
  /** Quotations the reports attribute to it (people and organisations). */
  quotes: EntityQuote[];
}
