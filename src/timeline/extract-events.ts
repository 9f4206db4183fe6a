/**
 * Events of one report: every sentence of its prose anchored to each date it names, and every entry
 * of its embedded timelines. One source per event; merge-events.ts joins the same happening across
 * reports.
 */
import { findDates } from "../dates/resolve.ts";
import { splitSentences } from "../dates/sentences.ts";
import type { DateMention } from "../dates/types.ts";
import type { ArticleRecord, TimelineEntry } from "../record/schema.ts";
import type { ExtractedEvent } from "./types.ts";

/** Blocks whose sentences can report happenings (headings are section titles, not statements). */
const PROSE = new Set(["paragraph", "quote", "list-item"]);

/** Without a publication date only self-contained dates (with a year) can be placed. */
const UNANCHORED = "1970-01-01";
const hasYear = (m: DateMention) => /\b\d{4}\b/.test(m.text);

function mentionsOf(text: string, published: string | undefined): DateMention[] {
  const found = findDates(text, { date: published ?? UNANCHORED });
  return published ? found : found.filter(hasYear);
}

function entryEvent(record: ArticleRecord, blockIndex: number, entry: TimelineEntry, published: string | undefined): ExtractedEvent | null {
  const own = mentionsOf(entry.label, published)[0];
  // The parser resolved the label to days; keep the precision the label itself gives ("March 2011" is a month).
  const precision = own?.precision ?? "day";
  let date: string | undefined;
  let end: string | undefined;
  if (entry.start && (precision === "day" || precision === "week")) {
    date = entry.start;
    end = entry.end ?? own?.end;
  } else if (entry.start && precision === "month") {
    date = entry.start.slice(0, 7);
    end = entry.end?.slice(0, 7);
  } else if (entry.start && precision === "year") {
    date = entry.start.slice(0, 4);
  } else if (own) {
    date = own.date;
    end = own.end;
  }
  if (!date) return null;
  if (end === date) end = undefined;
  return {
    id: "",
    date,
    ...(end ? { end } : {}),
    precision,
    text: entry.text,
    sources: [{ articleId: record.id, blockIndex, quote: entry.text, expression: entry.label }],
    tense: own?.tense ?? "unknown",
    published,
  };
}

export function extractEvents(record: ArticleRecord): ExtractedEvent[] {
  const published = record.published?.date;
  const events: ExtractedEvent[] = [];
  record.body.forEach((block, blockIndex) => {
    if (block.type === "timeline") {
      for (const entry of block.entries) {
        const event = entryEvent(record, blockIndex, entry, published);
        if (event) events.push(event);
      }
      return;
    }
    if (!PROSE.has(block.type)) return;
    for (const sentence of splitSentences(block.text)) {
      const seen = new Set<string>();
      for (const m of mentionsOf(sentence.text, published)) {
        // "Friday ... on Friday" in one sentence is one event.
        const key = `${m.date}|${m.end ?? ""}|${m.precision}`;
        if (seen.has(key)) continue;
        seen.add(key);
        events.push({
          id: "",
          date: m.date,
          ...(m.end ? { end: m.end } : {}),
          precision: m.precision,
          text: sentence.text,
          sources: [{ articleId: record.id, blockIndex, quote: sentence.text, expression: m.text }],
          tense: m.tense,
          published,
        });
      }
    }
  });
  return events;
}
