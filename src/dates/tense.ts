/**
 * The tense of the clause that governs a date expression, from surface markers only (no POS tagger).
 * Used to pick the past or the coming weekday: "Russia announced its proposal ... on Monday" (past)
 * vs "a UN report due on Monday" (future). The nearest marker wins; a date usually attaches to the
 * verb before it ("said Friday"), except an attributive possessive ("Thursday's meeting was"), which
 * takes the verb after it.
 */

export type Tense = "past" | "future" | "present" | "unknown";

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Clause boundary (punctuation or a subordinating word that opens a new clause). */
  boundary: "none" | "comma" | "stop";
}

const TOKEN = /[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,:]\d+)*|[.;:!?,()\u2014"“”]/g;

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  "a", "p", "m", "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "col", "lt", "sgt", "jr", "sr",
  "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "u", "s", "n", "e", "w", "no", "vs",
  "inc", "corp", "co", "ltd", "prof", "rev", "mt", "ft",
]);

const FUTURE_WORDS = new Set([
  "will", "shall", "won't", "wont", "due", "scheduled", "upcoming", "next", "coming", "beyond",
  "tomorrow", "would", "may", "might", "should", "must", "ahead",
]);
/** Words that mark the future only when "to" follows: "expected to", "set to", "plans to". */
const FUTURE_BEFORE_TO = new Set([
  "expected", "expects", "expect", "set", "plans", "plan", "planned", "planning", "intends", "intend",
  "intended", "aims", "aim", "going", "hopes", "hope", "hoped", "wants", "want", "agreed", "agree", "agrees",
  "prepared", "preparing", "ready", "likely", "slated", "poised", "about",
]);
const BE_PRESENT = new Set(["is", "are", "am", "'s"]);
const BE_PAST = new Set(["was", "were"]);
const PAST_WORDS = new Set([
  "said", "told", "had", "did", "last", "earlier", "ago", "yesterday", "previously", "already", "since",
  // Common irregular past forms (regular ones end in -ed).
  "began", "broke", "brought", "bought", "came", "caught", "chose", "drew", "drove", "fell", "felt", "fled",
  "flew", "fought", "found", "gave", "got", "grew", "heard", "held", "hit", "hid", "kept", "knew", "laid",
  "led", "left", "lost", "made", "meant", "met", "paid", "put", "ran", "rang", "rose", "sat", "saw", "sent",
  "shot", "shook", "slept", "sold", "sought", "spoke", "spent", "split", "spread", "stood", "stole", "struck",
  "swore", "took", "taught", "thought", "threw", "understood", "went", "woke", "won", "wrote", "became",
  "forbade", "overtook", "withdrew", "undertook", "arose", "bore", "blew", "burst", "built", "cast", "cost",
  "dealt", "dug", "fed", "forgot", "froze", "hung", "lay", "lit", "quit", "read", "rode", "said", "sank",
  "shut", "sang", "slid", "sprang", "stuck", "stung", "swept", "swam", "tore", "wore", "wept", "wound",
]);
const PRESENT_WORDS = new Set(["says", "tells", "is", "are", "am", "remains", "continues", "has", "have"]);
/** -ed words that are not past verbs. */
const NOT_PAST_ED = new Set([
  "need", "proceed", "exceed", "succeed", "feed", "speed", "seed", "bleed", "breed", "greed", "heed", "weed",
  "indeed", "deed", "reed", "bed", "red", "shed", "led", "hundred", "united", "armed", "based", "alleged",
  "related", "limited", "so-called", "detailed", "advanced", "supposed", "concerned", "interested",
  "sophisticated", "skilled", "unprecedented", "unidentified", "unnamed", "embattled", "beleaguered",
  "wounded", "injured", "expected", "scheduled", "planned", "intended", "agreed", "prepared",
  "slated", "poised", "hoped", "proposed", "suspected", "disputed", "unarmed", "renewed",
  "ed", "ted", "fred", "ned", "mohammed", "ahmed", "mahmoud", "hamed", "saeed", "rasheed", "sayed", "zayed",
]);
/** Subordinating words that open a clause with its own verb after the date. */
const CLAUSE_OPENERS = new Set(["that", "which", "who", "when", "while", "as", "because", "but", "where", "if"]);

function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  for (const m of sentence.matchAll(TOKEN)) {
    const text = m[0];
    const start = m.index ?? 0;
    let boundary: Token["boundary"] = "none";
    if (text === ",") boundary = "comma";
    else if (/^[;:!?\u2014"“”]$/.test(text)) boundary = "stop";
    else if (text === ".") {
      const prev = tokens[tokens.length - 1];
      const abbreviation = prev && prev.end === start && ABBREVIATIONS.has(prev.lower);
      // "Birmingham, Ala., killed": a full stop before a comma or a lower-case word ends no sentence.
      const continues = /^\s*(?:[,a-z0-9]|$)/.test(sentence.slice(start + 1)) && !/^\s*$/.test(sentence.slice(start + 1));
      boundary = abbreviation || continues ? "none" : "stop";
    }
    tokens.push({ text, lower: text.toLowerCase().replace(/’/g, "'"), start, end: start + text.length, boundary });
  }
  return tokens;
}

/** A marker; "unknown" is a word that blocks the search without telling the tense ("planned to"). */
type Marker = Tense;

/** The tense a token marks by itself or with the words right after it; null when it marks none. */
function markerAt(tokens: Token[], i: number): Marker | null {
  const t = tokens[i].lower;
  const next = (k: number) => tokens.slice(i + 1, i + 1 + k).filter((x) => x.boundary === "none").map((x) => x.lower);
  const toFollows = (k: number) => next(k).includes("to");
  if (/'ll$/.test(t)) return "future";
  if (FUTURE_BEFORE_TO.has(t)) {
    // "plans to" looks ahead; "planned to", "hoped to" tell a past intention of either a past or a coming act.
    if (toFollows(1)) return t.endsWith("ed") && t !== "expected" ? "unknown" : "future";
    if (t === "set") return "past"; // "set Friday as the deadline"; "will set" meets "will" first
    return t.endsWith("ed") && !["expected", "planned", "hoped", "prepared"].includes(t) ? "past" : null;
  }
  if (t === "take" && next(1)[0] === "place" && i > 0 && tokens[i - 1].lower === "to") return "future";
  if (BE_PRESENT.has(t) || BE_PAST.has(t)) {
    // "are to hold", "were Saturday to hold", "is due", "was expected to".
    // At most one word between, and not a participle ("was found clinging to" is no future).
    const n = next(2);
    if (n[0] === "to" || (n[1] === "to" && !/(?:ed|ing)$/.test(n[0]) && !PAST_WORDS.has(n[0]))) return "future";
    // "were planning to", "is going to", "was expected to": a plan, still ahead when told.
    if (n[1] === "to" && FUTURE_BEFORE_TO.has(n[0])) return "future";
    if (BE_PAST.has(t)) return "past";
    if (t === "'s") return null; // mostly a possessive
    return "present";
  }
  if (t === "next" && next(1)[0] === "to") return null; // "next to the embassy"
  if (FUTURE_WORDS.has(t)) return "future";
  // Bare "be" follows a modal or "to": "will be held", "to be signed", "must be returned".
  // ("could be located Wednesday" is mostly a past "could not": no tense from "could").
  if (t === "be") return i > 0 && tokens[i - 1].lower === "could" ? "unknown" : "future";
  // A participle after a form of "be" ("is heard", "would be held", "was killed") takes that verb's tense.
  if (i > 0 && /^(?:be|been|being|is|are|am|was|were)$/.test(tokens[i - 1].lower) && (t.endsWith("ed") || PAST_WORDS.has(t))) return null;
  if (t === "has" || t === "have") {
    const n = next(2);
    return n.some((w) => w.endsWith("ed") || PAST_WORDS.has(w) || w === "been") ? "past" : "present";
  }
  if (PAST_WORDS.has(t)) return "past";
  if (PRESENT_WORDS.has(t)) return "present";
  if (t.length > 4 && t.endsWith("ed") && !NOT_PAST_ED.has(t) && !t.endsWith("eed")) return "past";
  return null;
}

/** The token span around the date up to the nearest boundary (a full stop; also a comma when `stopAtComma`). */
function span(tokens: Token[], at: number, after: number, stopAtComma: boolean): { lo: number; hi: number } {
  const blocks = (tk: Token) => tk.boundary === "stop" || (stopAtComma && tk.boundary === "comma");
  let lo = at;
  while (lo > 0 && !blocks(tokens[lo - 1])) lo--;
  let hi = after;
  while (hi < tokens.length && !blocks(tokens[hi])) hi++;
  return { lo, hi };
}

function nearestMarker(tokens: Token[], at: number, after: number, lo: number, hi: number, possessive: boolean): Marker | null {
  let best: { marker: Marker; score: number } | null = null;
  const consider = (i: number, distance: number, isAfter: boolean) => {
    const marker = markerAt(tokens, i);
    if (!marker) return;
    // Dates attach to the verb before them; possessives ("Thursday's meeting was") to the verb after.
    const score = distance + (isAfter !== possessive ? 0.5 : 0);
    if (!best || score < best.score) best = { marker, score };
  };
  // A possessive date names a thing ("Wednesday's ruling"); the verb governing that noun says
  // nothing of when it happened, so only a verb after it counts.
  if (!possessive) for (let i = at - 1, d = 1; i >= lo; i--, d++) consider(i, d, false);
  for (let i = after, d = 1; i < hi; i++, d++) {
    // A new clause after the date has its own subject and verb: "said on Friday that ... will".
    if (!possessive && CLAUSE_OPENERS.has(tokens[i].lower) && d > 1) break;
    consider(i, d, true);
  }
  return best ? (best as { marker: Marker }).marker : null;
}

/**
 * The tense of the clause around the date expression starting at `index` in `sentence`.
 * `length` is the expression's length; by default the word at `index` (with a possessive "'s").
 */
export function clauseTense(sentence: string, index: number, length?: number): Tense {
  const tokens = tokenize(sentence);
  let end = index + (length ?? 0);
  if (length === undefined) {
    const word = /^[A-Za-z]+(?:['’]s)?/.exec(sentence.slice(index));
    end = index + (word ? word[0].length : 1);
  }
  // The expression's tokens are [at, after).
  const at = tokens.findIndex((t) => t.end > index);
  if (at < 0) return "unknown";
  let after = at;
  while (after < tokens.length && tokens[after].start < end) after++;
  if (after === at) after = at + 1;
  const possessive = /^['’]s\b/.test(sentence.slice(end)) || /['’]s$/.test(sentence.slice(index, end));
  if (possessive && after < tokens.length && /^['’]s$/.test(tokens[after].lower)) after++;
  // "until Tuesday" is an end point still ahead ("extended its deadline until Tuesday"), except in a
  // past perfect ("Until Thursday, they had not called him a suspect").
  if (at > 0 && /^(?:until|till)$/.test(tokens[at - 1].lower)) {
    const { lo, hi } = span(tokens, at, after, false);
    return tokens.slice(lo, hi).some((t) => t.lower === "had") ? "past" : "future";
  }
  // Words the expression itself contains ("next Friday", "last week") decide at once.
  for (let i = at; i < after; i++) {
    const w = tokens[i].lower;
    if (w === "next" || w === "coming") return "future";
    if (w === "last" || w === "ago") return "past";
  }
  // The clause between commas first; then the whole sentence ("On Thursday, Lavrov said ...").
  for (const stopAtComma of [true, false]) {
    const { lo, hi } = span(tokens, at, after, stopAtComma);
    const marker = nearestMarker(tokens, at, after, lo, hi, possessive);
    if (marker) return marker;
  }
  return "unknown";
}
