/**
 * The timeline in Knight Lab TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html):
 * { title, events: [{ start_date: {year, month?, day?}, end_date?, text: {headline, text}, group,
 * display_date, unique_id }] }. Text fields are HTML, so quotes are escaped.
 */
import type { ArticleRecord } from "../record/schema.ts";
import type { Timeline, TimelineEvent } from "./types.ts";

export interface TimelineJsDate {
  year: string;
  month?: string;
  day?: string;
}

export interface TimelineJsSlide {
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  text: { headline: string; text: string };
  group?: string;
  display_date?: string;
  unique_id: string;
}

export interface TimelineJs {
  title: { text: { headline: string; text: string } };
  events: TimelineJsSlide[];
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function jsDate(iso: string): TimelineJsDate {
  const [year, month, day] = iso.split("-");
  // TimelineJS reads "09" fine, but plain numbers are what its docs show.
  return { year: String(Number(year)), ...(month ? { month: String(Number(month)) } : {}), ...(day ? { day: String(Number(day)) } : {}) };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "13 September 2013", "week of 16 September 2013", "September 2013", "2011"; ranges "5–6 September 2013". */
export function displayDate(e: Pick<TimelineEvent, "date" | "end" | "precision">): string {
  const show = (iso: string) => {
    const [y, m, d] = iso.split("-");
    return [d ? String(Number(d)) : "", m ? MONTHS[Number(m) - 1] : "", y].filter(Boolean).join(" ");
  };
  if (e.precision === "week") return `week of ${show(e.date)}`;
  if (e.end && e.end !== e.date) return `${show(e.date)} – ${show(e.end)}`;
  return show(e.date);
}

function headline(text: string): string {
  const words = text.split(/\s+/);
  return words.length <= 14 ? text : `${words.slice(0, 14).join(" ")}…`;
}

export function toTimelineJs(timeline: Timeline, records: readonly ArticleRecord[], title = "Timeline"): TimelineJs {
  const { head, slides } = timelineJsParts(timeline, records, title);
  return { ...head, events: [...slides] };
}

/** `toTimelineJs` in parts: all but the events, and the events one at a time (a big timeline is written a piece at a time). */
export function timelineJsParts(
  timeline: Timeline,
  records: readonly ArticleRecord[],
  title = "Timeline",
): { head: Pick<TimelineJs, "title">; slides: Iterable<TimelineJsSlide> } {
  const byId = new Map(records.map((r) => [r.id, r]));
  const slide = (e: TimelineEvent): TimelineJsSlide => {
    const outlets = [...new Set(e.sources.map((s) => byId.get(s.articleId)?.source.name ?? s.articleId))];
    const cited = e.sources
      .map((s) => `<blockquote>${escapeHtml(s.quote)}</blockquote><p>— ${escapeHtml(byId.get(s.articleId)?.source.name ?? s.articleId)}, “${escapeHtml(byId.get(s.articleId)?.headline ?? s.articleId)}”</p>`)
      .join("");
    // The week's Sunday ends it; a day-precision event carries its range end.
    const end = e.end ?? undefined;
    return {
      start_date: jsDate(e.date),
      ...(end ? { end_date: jsDate(end) } : {}),
      text: { headline: escapeHtml(headline(e.text)), text: cited },
      group: outlets.join(", "),
      display_date: displayDate(e),
      unique_id: e.id,
    };
  };
  return {
    head: { title: { text: { headline: escapeHtml(title), text: `${timeline.events.length} dated events from ${records.length} reports` } } },
    slides: {
      *[Symbol.iterator]() {
        for (const e of timeline.events) yield slide(e);
      },
    },
  };
}
