/**
 * Finds date expressions in one sentence. chrono-node finds calendar dates and weekdays; the small,
 * closed set of relative phrases ("next week", "later this month", "two months ago") and bare years
 * ("in 2011") are matched here, because chrono turns them into days and loses their precision.
 * Nothing is placed in time here (see resolve.ts).
 */
import { chrono } from "./chrono.ts";
import type { Candidate } from "./types.ts";
import { ANY_HOLIDAY, HOLIDAY_MENTIONS } from "./holidays.ts";
import { weekdayNumber } from "./weekday.ts";

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, several: NaN, few: NaN, many: NaN,
};

const WEEKDAY_NAME = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;
/** Month names that are also common words or names ("troops march", "Gen. March"): need a date-like context. */
const AMBIGUOUS_MONTHS = /^(?:March|May)$/;
const MONTH_CONTEXT_BEFORE = /\b(?:in|since|until|till|by|from|through|to|of|during|before|after|between|and|or|early|late|mid|last|next|this|since|throughout)[\s-]+$/i;

/** Parts of a day; the day they belong to is the date. */
const TIME_OF_DAY = /\b(?:the\s+)?(?:morning|afternoon|evening|night)(?:\s+of\b)?/gi;
/** "for the last week" is a span up to now, not a date; a leading "the" rules the phrase out. */
const UNIT_PHRASE = /(?<!\bthe\s+)\b(?:(later|earlier|early|late|mid-?)\s+)?(this|next|last|coming)\s+(week|month|year)\b(?!['’]s\s+\w+\s+(?:of|in))/gi;
const AGO_PHRASE = /\b(?:(?:almost|nearly|about|some|more than|over|just|only)\s+)?(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?\s+ago\b/gi;
const DAY_WORDS = /\b(today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening))\b/gi;
/** A four-digit year not part of a larger number, an amount or a count ("1,400 people"). */
const YEAR = /(?<![\d,.$£€#]|\d[,.]|\d-)\b(1[6-9]\d\d|20\d\d)\b(?![,.]\d|\d|\s*(?:%|per\s?cent|people|persons|troops|soldiers|men|women|children|dead|killed|tonnes|tons|metric|km|kilometers|kilometres|miles|meters|metres|feet|dollars|euros|pounds|gmt|utc|est|edt|cst|cdt|pst|pdt|hours|hrs|local time)\b)/gi;
/** Words after which a four-digit number is a label, not a year ("Resolution 1973", "Flight 1549"). */
const NUMBER_LABEL = /\b(?:resolution|resolutions|flight|route|highway|interstate|no|number|nos|room|model|code|section|article|chapter|page|pp|vol|volume|bus|apartment|suite|box|line|channel|unit|battalion|division|regiment|squad|platoon|paragraph|item|lot|bill)\.?\s*$|#\s*$/i;

function modifierBefore(text: string, index: number): "last" | "next" | "this" | undefined {
  const m = /\b(last|next|this|coming)\s+$/i.exec(text.slice(Math.max(0, index - 12), index));
  if (!m) return undefined;
  const w = m[1].toLowerCase();
  return w === "coming" ? "next" : (w as "last" | "next" | "this");
}

/** Strips "on"/"in" and trailing punctuation that chrono includes in the matched text. */
function tidy(text: string, index: number): { text: string; index: number } {
  const lead = /^(?:(?:on|in|at|by|of|from|since)\s+)/i.exec(text)?.[0].length ?? 0;
  const body = text.slice(lead).replace(/[\s,;:]+$/, "");
  return { text: body, index: index + lead };
}

function overlaps(a: { index: number; text: string }, b: { index: number; text: string }): boolean {
  return a.index < b.index + b.text.length && b.index < a.index + a.text.length;
}

/**
 * A month's name or abbreviation as a word of its own, or a weekday's full name: what a kept chrono
 * result names. A month's first three letters alone let through twice the sentences ("market",
 * "decision", "mayor"), each costing a chrono parse.
 */
const MAY_NAME_A_DATE =
  /\b(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day)/i;

/** Date expressions chrono-node finds: calendar dates, months, weekdays. */
function chronoCandidates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  // Only month and weekday results are kept below: a sentence naming neither needs no chrono (most don't).
  if (!MAY_NAME_A_DATE.test(sentence)) return out;
  // A fixed reference: chrono's guesses of missing fields are discarded, only what the text states is kept.
  const ref = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };
  // chrono merges "night of Oct. 23" into a time result with no certain date: hide times of day from it.
  const masked = sentence.replace(TIME_OF_DAY, (m) => " ".repeat(m.length));
  for (const r of chrono().casual.parse(masked, ref)) {
    const tags = r.tags();
    if ([...tags].some((t) => t.startsWith("casualReference") || t === "result/relativeDate")) continue;
    const { text, index } = tidy(r.text, r.index);
    if (!/[A-Za-z]/.test(text)) continue; // "5 1/2" is a fraction, "10/12" too ambiguous to date
    if (/\b(?:week|month|year|weekend|weekday)s?\b/i.test(text)) continue; // relative phrases: see below
    const s = r.start;
    if (s.isCertain("month")) {
      const month = s.get("month")!;
      const monthWord = /[A-Za-z]+/.exec(text)?.[0] ?? "";
      if (!s.isCertain("day") && !s.isCertain("year")) {
        // A bare month name: "March" and "May" only with a date-like word before them.
        if (AMBIGUOUS_MONTHS.test(monthWord) && !MONTH_CONTEXT_BEFORE.test(sentence.slice(0, index))) continue;
        if (!/^[A-Z]/.test(monthWord)) continue;
      }
      const e = r.end;
      // "in February this year", "March of last year": the year is given relative to the report's.
      const rel = s.isCertain("year") ? null : /^,?\s+(?:of\s+)?(this|last|next)\s+year\b/i.exec(sentence.slice(index + text.length));
      out.push({
        kind: "calendar",
        text: rel ? text + rel[0] : text,
        index,
        yearOffset: rel ? { this: 0, last: -1, next: 1 }[rel[1].toLowerCase() as "this"] : undefined,
        month,
        day: s.isCertain("day") ? s.get("day")! : undefined,
        year: s.isCertain("year") ? s.get("year")! : undefined,
        end: e && e.isCertain("month")
          ? { month: e.get("month")!, day: e.isCertain("day") ? e.get("day")! : undefined, year: e.isCertain("year") ? e.get("year")! : undefined }
          : undefined,
        modifier: modifierBefore(sentence, index),
      });
    } else if (s.isCertain("weekday") && !s.isCertain("day")) {
      // Only full weekday names: "Sun" and "Wed" are too often something else.
      const name = WEEKDAY_NAME.exec(text);
      if (!name) continue;
      const weekday = weekdayNumber(name[0])!;
      const mod = /^(last|next|this|coming)\s/i.exec(text)?.[1]?.toLowerCase();
      out.push({ kind: "weekday", text, index, weekday, modifier: mod === "coming" ? "next" : (mod as "last" | "next" | "this" | undefined) });
    }
    // Anything else (a time alone such as "2:00 am") is not a date.
  }
  return out;
}

function phraseCandidates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of sentence.matchAll(UNIT_PHRASE)) {
    const which = m[2].toLowerCase();
    const offset = which === "last" ? -1 : which === "this" ? 0 : 1;
    out.push({ kind: "unit", text: m[0], index: m.index!, unit: m[3].toLowerCase() as "week" | "month" | "year", offset });
  }
  for (const m of sentence.matchAll(AGO_PHRASE)) {
    const word = m[1].toLowerCase();
    const amount = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    if (!Number.isFinite(amount)) continue;
    out.push({ kind: "ago", text: m[0], index: m.index!, unit: m[2].toLowerCase() as "day" | "week" | "month" | "year", amount });
  }
  for (const m of sentence.matchAll(DAY_WORDS)) {
    const w = m[1].toLowerCase();
    const days = w === "yesterday" ? -1 : w === "tomorrow" ? 1 : 0;
    out.push({ kind: "day-offset", text: m[0], index: m.index!, days });
  }
  if (ANY_HOLIDAY.test(sentence)) HOLIDAY_MENTIONS.forEach((pattern, holiday) => {
    for (const m of sentence.matchAll(pattern)) {
      const mod = /\b(last|next|this|coming)\s+$/i.exec(sentence.slice(Math.max(0, m.index! - 8), m.index!));
      const modifier = mod ? (mod[1].toLowerCase() === "coming" ? "next" : (mod[1].toLowerCase() as "last" | "next" | "this")) : undefined;
      const start = mod ? m.index! - mod[0].length : m.index!;
      out.push({ kind: "holiday", text: sentence.slice(start, m.index! + m[0].length), index: start, holiday, modifier });
    }
  });
  for (const m of sentence.matchAll(YEAR)) {
    if (NUMBER_LABEL.test(sentence.slice(Math.max(0, m.index! - 14), m.index!))) continue;
    out.push({ kind: "year", text: m[1], index: m.index!, year: Number(m[1]) });
  }
  return out;
}

/** Every date expression in `sentence`, in text order, without overlaps (the longer one wins). */
export function findCandidates(sentence: string): Candidate[] {
  const all = [...chronoCandidates(sentence), ...phraseCandidates(sentence)];
  all.sort((a, b) => b.text.length - a.text.length || a.index - b.index);
  const kept: Candidate[] = [];
  for (const c of all) if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  return kept.sort((a, b) => a.index - b.index);
}
