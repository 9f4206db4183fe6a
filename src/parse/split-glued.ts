/**
 * Layout repairs inside one logical line: sentences glued without a space (`beyond Friday.The BBC's`)
 * were separate paragraphs in the page; a short quoted subheading glued to the paragraph after it
 * (`'Not a game' While UN chief...`) was a heading. Words stay exactly as printed.
 */
import { wordCount } from "./text-shape.ts";

/** Two lower-case letters or digits, closing punctuation, then a capitalised word with no space. */
const GLUED_SENTENCE = /(?<=[\p{Ll}\d]{2}[.!?]["'”’)]?)(?=\p{Lu}[\p{Ll}'’])/u;
/** What every GLUED_SENTENCE boundary has around it, as a plain forward pattern. */
const MAY_BE_GLUED = /[.!?]["'”’)]?\p{Lu}/u;
const GLUED_HEADING = /^(?<heading>['‘"“][^'’"”.!?]{1,60}['’"”])\s+(?<rest>\p{Lu}.*)$/u;

export interface Piece {
  text: string;
  /** Offset of the piece in the logical line's text. */
  offset: number;
}

/** Splits at glued sentence boundaries; returns pieces with their offsets. */
export function splitGluedSentences(text: string): Piece[] {
  // Forward pre-check (the look-behind split tries every position): no closing mark then capital, no split.
  if (!MAY_BE_GLUED.test(text)) return [{ text, offset: 0 }];
  const pieces: Piece[] = [];
  let offset = 0;
  for (const part of text.split(GLUED_SENTENCE)) {
    pieces.push({ text: part, offset });
    offset += part.length;
  }
  return pieces;
}

/** `'Heading' Paragraph...` -> heading and paragraph, when the quoted part is short and the rest is prose. */
export function splitGluedHeading(text: string): { heading: string; rest: string; restOffset: number } | undefined {
  const m = GLUED_HEADING.exec(text);
  if (!m?.groups) return undefined;
  const { heading, rest } = m.groups;
  if (wordCount(heading) > 8 || wordCount(rest) < 8) return undefined;
  return { heading, rest, restOffset: text.length - rest.length };
}
