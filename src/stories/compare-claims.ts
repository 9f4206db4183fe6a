/**
 * Numeric and time claims in a story's reports, and where reports disagree on them. A claim is a
 * number with the noun it counts ("about 1,400 people", "hundreds of people", "1,000 metric tonnes")
 * or a clock time ("around 2:00 am", "after the midnight"), hedge words included so each source's exact
 * wording is kept. Claims from different reports are about the same thing when they count the same
 * noun (or are both times) and their sentences share enough content words; a matter on which the
 * reports give different values is a discrepancy.
 */
import { contentSet, contentTokens, dice } from "./content-words.ts";
import { groupBy } from "../util/collections.ts";
import { findAttribution } from "./find-attribution.ts";
import type { Claim, Discrepancy, StorySentence } from "./types.ts";

const HEDGE = String.raw`(?:(?:about|around|some|nearly|almost|approximately|roughly|more than|less than|fewer than|at least|at most|over|under|up to|as many as|an estimated|estimated|just over|just under|close to)\s+)?`;
const NUMBER_WORDS = "hundreds of thousands|tens of thousands|hundreds|thousands|millions|dozens|scores";
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(?:million|billion|bn|m)\b)?|${NUMBER_WORDS}`;
// The counted noun: lower-case, after an optional "of" and measure adjective ("metric tonnes").
const UNIT = String.raw`(?:\s+of)?(?:\s+(?:metric|square|more|other|extra|additional))?\s+(\p{Ll}[\p{Ll}-]{2,})`;
const COUNT = new RegExp(String.raw`\b(${HEDGE})(${NUMBER})${UNIT}`, "gu");

const CLOCK = String.raw`\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}(?:\s?(?:GMT|UTC|local time))?|midnight|midday|noon|dawn|daybreak|dusk`;
const TIME_HEDGE = String.raw`(?:(?:around|about|at|after|before|until|till|by|shortly after|shortly before|just after|just before|soon after|well after|past)\s+)?(?:the\s+)?`;
const TIME = new RegExp(String.raw`\b(${TIME_HEDGE})(${CLOCK})(?![\p{L}\d])`, "giu");

/** Nouns that follow numbers without being what is counted. */
const NOT_UNITS = new Set(["per", "percent", "and", "the", "for", "from", "was", "were", "are", "had", "has", "have", "who", "which", "that", "with", "since", "after", "before", "ago"]);

export function findClaims(sentence: StorySentence): Claim[] {
  const claims: Claim[] = [];
  const attribution = findAttribution(sentence.text);
  for (const m of sentence.text.matchAll(COUNT)) {
    const unit = m[3].toLowerCase();
    if (NOT_UNITS.has(unit)) continue;
    // A bare four-digit year is a date, not a count.
    if (/^(1[89]|20)\d\d$/.test(m[2]) && !m[1]) continue;
    claims.push({
      kind: "count",
      wording: m[0].trim(),
      unit: unitKey(unit),
      value: countValue(m[2]),
      ...(attribution ? { attribution } : {}),
      sentence: sentence.text,
      articleId: sentence.articleId,
      blockIndex: sentence.blockIndex,
    });
  }
  for (const m of sentence.text.matchAll(TIME)) {
    claims.push({
      kind: "time",
      wording: m[0].trim(),
      unit: "time",
      value: timeValue(m[2]),
      ...(attribution ? { attribution } : {}),
      sentence: sentence.text,
      articleId: sentence.articleId,
      blockIndex: sentence.blockIndex,
    });
  }
  return claims;
}

/** Singular and plural of a unit are one unit ("person"/"people" aside). */
function unitKey(unit: string): string {
  if (unit === "person") return "people";
  return unit.replace(/(?<=[^s])s$/, "");
}

function countValue(number: string): string {
  const words = number.toLowerCase();
  if (/^[a-z ]+$/.test(words)) return words;
  const scale = /(million|m)$/.test(words) ? 1e6 : /(billion|bn)$/.test(words) ? 1e9 : 1;
  return String(Number(words.replace(/[^\d.]/g, "")) * scale);
}

function timeValue(clock: string): string {
  const c = clock.toLowerCase().replace(/\./g, "");
  const m = /^(\d{1,2})(?::(\d{2}))?\s?(am|pm)?/.exec(c);
  if (!m) return c;
  let hour = Number(m[1]) % 12;
  if (m[3] === "pm") hour += 12;
  if (!m[3]) hour = Number(m[1]);
  return `${String(hour).padStart(2, "0")}:${m[2] ?? "00"}`;
}

/** Sentences this alike (Dice of content words, numbers and the unit aside) speak of the same matter. */
export const SAME_MATTER = 0.3;

interface Placed {
  claim: Claim;
  report: number;
  words: Set<string>;
}

/**
 * Discrepancies among the claims of a story's reports. `reports` is the story's article ids in order;
 * claims of the same kind and unit from different reports join when their sentences are alike enough.
 */
export function findDiscrepancies(reports: string[], sentences: StorySentence[]): Discrepancy[] {
  const placed: Placed[] = [];
  for (const s of sentences) {
    for (const claim of findClaims(s)) {
      const words = contentSet(s.text);
      words.delete(claim.unit);
      placed.push({ claim, report: reports.indexOf(s.articleId), words });
    }
  }
  // Union claims about the same matter (different reports, same unit, alike sentences).
  const parent = placed.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const a = placed[i];
      const b = placed[j];
      if (a.report === b.report || a.claim.kind !== b.claim.kind || a.claim.unit !== b.claim.unit) continue;
      if (dice(a.words, b.words) >= SAME_MATTER) parent[find(i)] = find(j);
    }
  }
  const groups = groupBy(placed, (_, i) => find(i));
  const out: Discrepancy[] = [];
  for (const group of groups.values()) {
    // One claim per report: its first on the matter.
    const byReport = new Map<number, Placed>();
    for (const p of group) if (!byReport.has(p.report)) byReport.set(p.report, p);
    if (byReport.size < 2) continue;
    const chosen = [...byReport.values()].sort((a, b) => a.report - b.report);
    if (new Set(chosen.map((p) => p.claim.value)).size < 2) continue;
    out.push({
      kind: chosen[0].claim.kind,
      unit: chosen[0].claim.unit,
      about: commonWords(chosen.map((p) => p.words), chosen[0].claim.sentence),
      claims: chosen.map((p) => p.claim),
    });
  }
  return out;
}

/** Words the sentences share (all of them if any, else at least two), as the first sentence prints them. */
function commonWords(sets: Set<string>[], firstSentence: string): string[] {
  const counts = new Map<string, number>();
  for (const s of sets) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const inAll = [...counts].filter(([, c]) => c === sets.length).map(([w]) => w);
  const shared = new Set(inAll.length ? inAll : [...counts].filter(([, c]) => c >= 2).map(([w]) => w));
  const words: string[] = [];
  for (const t of contentTokens(firstSentence)) {
    if (shared.delete(t.stem)) words.push(t.word);
    if (words.length === 10) break;
  }
  return words;
}
