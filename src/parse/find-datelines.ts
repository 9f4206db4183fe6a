/**
 * Stated publication dates and bylines. The first dateline that carries a full date becomes
 * `published` (origin "stated"); later ones (an "Updated" after a "Published") are kept as fields.
 * A dateline with only a relative time is removed with the reason why it cannot be a date.
 */
import { claimField, diag, firstGroup, openLines, patterns, removeLine, type Draft } from "./draft.ts";
import { publicationDate } from "./find-published.ts";
import { datesIn } from "./parse-dateline.ts";

/** Datelines sit in the masthead; a "Published" line deep in the page is more likely a teaser's. */
const MAX_DATELINE_LINE = 60;

export function findDatelines(d: Draft): void {
  const stated = d.doc.stated.published;
  if (stated) d.published = { date: stated.date, time: stated.time, origin: "stated", evidence: stated.evidence, line: stated.line };
  const datelines = patterns(d, "datelines").flat();
  for (const line of openLines(d)) {
    // Lines come in order: none after the masthead's reach can be a dateline.
    if (line.n > MAX_DATELINE_LINE) break;
    const text = line.text.trim();
    if (!text) continue;
    const value = firstGroup(datelines, text, "date");
    if (!value) continue;
    const dates = datesIn(value);
    const parsed = dates.length ? publicationDate(text, dates) : undefined;
    if (!parsed) {
      removeLine(d, line, "dateline without a calendar date (relative to an unknown moment)");
      diag(d, {
        line: line.n,
        severity: "info",
        rule: "relative-dateline",
        message: `Unexpected relative dateline "${text}", expected a calendar date.`,
        hint: "The date cannot be known from this line alone; state `published:` in front matter if you know it.",
      });
      continue;
    }
    claimField(d, line, d.published ? "dateline" : "published");
    d.published ??= { date: parsed.date, time: parsed.time, origin: "stated", evidence: text, line: line.n };
  }
}

export function findBylines(d: Draft): void {
  const bylines = patterns(d, "bylines").flat();
  for (const line of openLines(d)) {
    if (line.n > MAX_DATELINE_LINE) break;
    const text = line.text.trim();
    if (!text) continue;
    const name = firstGroup(bylines, text, "name");
    if (!name) continue;
    claimField(d, line, "byline");
    d.byline ??= d.doc.stated.byline ?? name.trim();
  }
}
