/**
 * Timeline event ids: the anchors (`/timeline/2013/09/13/#2013-09-13-kerry-and-lavrov-met`) that
 * article pages and citations point at, so made to survive adding reports where they can.
 */
import { compareCodeUnits, groupBy } from "../util/collections.ts";
import type { TimelineEvent } from "./types.ts";

/** Characters of a text enough for SLUG_WORDS words but for texts of very long words; cut at white space. */
const SLUG_SAMPLE = 200;
const SLUG_WORDS = 6;

function slugWords(text: string): string {
  // Its first words only: long texts (whole paragraphs) are not normalised to the end. A cut at white
  // space splits no word; a sample that yields fewer words than wanted is not used.
  const cut = text.length > SLUG_SAMPLE ? text.indexOf(" ", SLUG_SAMPLE) : -1;
  if (cut > 0) {
    const sample = slugOf(text.slice(0, cut));
    if (sample.words >= SLUG_WORDS) return sample.slug;
  }
  return slugOf(text).slug;
}

function slugOf(text: string): { slug: string; words: number } {
  const words = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9\s-]/g, "")
    .split(/\s+/)
    .filter(Boolean);
  const slug = words
    .slice(0, SLUG_WORDS)
    .join("-")
    .replace(/-+/g, "-")
    .slice(0, 60)
    .replace(/-$/, "");
  return { slug, words: words.length };
}

/** An event's id before repeats are numbered: its date and the first words of `text`. */
export function eventBaseId(date: string, text: string): string {
  return `${date}-${slugWords(text) || "event"}`;
}

/**
 * Makes the events' base ids (`eventBaseId`) unique with `-2`, `-3`..., numbered in the order of the
 * events' texts (then of their first sources), not the timeline's: a source added to one of them moves
 * it up the timeline, and must not swap the ids, and so the links, of the two.
 */
export function numberRepeatedIds(events: TimelineEvent[]): void {
  for (const [base, group] of groupBy(events, (e) => e.id)) {
    if (group.length === 1) continue;
    group.sort((a, b) => compareCodeUnits(a.text, b.text) || compareCodeUnits(firstSource(a), firstSource(b)));
    group.forEach((e, i) => (e.id = i === 0 ? base : `${base}-${i + 1}`));
  }
}

const firstSource = (e: TimelineEvent) => (e.sources[0] ? `${e.sources[0].articleId}#${e.sources[0].blockIndex}` : "");
