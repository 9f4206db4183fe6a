/**
 * Which lines of a page dump are the article? A line classifier in the manner of jusText, adapted to
 * plain text (no markup, so no link density):
 *  1. each line gets a class from its own shape — furniture (share bars, cookie notes, bylines...),
 *     short, near-good or good by length and stop-word density;
 *  2. short and near-good lines are re-classified from their neighbours, so headings and short lines
 *     inside the article survive and lone prose inside menus does not;
 *  3. the article is the densest region of good text (a maximum-sum run, where good lines count by
 *     their words and everything else costs), starting at the headline when it is known and cut
 *     hard at headers that open teaser lists or comment threads.
 * Every non-blank line gets a verdict; non-content verdicts carry a short reason naming the signal.
 */
import type { Line } from "../ingest/types.ts";
import { measureLines, type LineFeatures } from "./classify-features.ts";
import { locateHeadline } from "./classify-headline.ts";
import { END_MARKERS, FURNITURE, looksLikeCredit, matchSignal } from "./classify-signals.ts";

export type Verdict = { content: boolean; reason?: string };

export interface ClassifyContext {
  /** Line number of the headline; lines above it are the page header. */
  headlineLine?: number;
  /** The headline's text: where the page prints it (again) marks the top of the article. */
  headline?: string;
  /**
   * Lines already taken by earlier stages (line number -> reason). They are not article text and get
   * no say in it, but they count as what they are: furniture between prose, or a teaser header.
   */
  settled?: Map<number, string>;
}

type Cls = "good" | "neargood" | "short" | "bad";

interface Item {
  f: LineFeatures;
  initial: Cls;
  cls: Cls;
  reason?: string;
  /** Furniture or an end marker: never content, whatever its neighbours. */
  hard: boolean;
  endMarker: boolean;
}

/** Tunables (chars, words, shares). Named so the reasons and the tests can refer to them. */
const SHORT_CHARS = 50;
const SHORT_WORDS = 6;
const GOOD_STOP = 0.27;
const NEAR_STOP = 0.18;
const GOOD_CHARS = 140;
const HEADING_REACH_CHARS = 300;
const NAV_RUN = 3;
const TABLE_ROW_NUMBERS = 3;
const TABLE_MIN_ROWS = 3;
const HEADLINE_LIST_RUN = 4;
/** A teaser (headline plus a sentence of summary) is shorter than this; an article paragraph may not be. */
const TEASER_MAX_WORDS = 40;
const TITLE_CASE_SHARE = 0.65;
const TITLE_LINE_CHARS = 100;
const MENU_ITEM_WORDS = 4;
const TITLE_ENTRY_MIN_WORDS = 4;
const TITLE_ENTRY_MAX_WORDS = 16;
const TITLE_RUN_TITLE_CASE = 3;
const TITLE_RUN_ANY = 4;
// Patterns of the per-line predicates, out here: a literal in a function body is a new RegExp per call.
const LIST_PUNCTUATION = /[,;:]/;
const LABEL_PUNCTUATION = /[:;]/;
const ENDS_IN_COMMA = /[,;]$/;
const TITLE_ENTRY_START = /^[\p{Lu}\p{N}"'‘“]/u;
const HEADING_START = /^[\p{Lu}\p{N}"'‘“¿¡]|^\p{Lo}/u;

export function classifyLines(lines: Line[], ctx: ClassifyContext = {}): Map<number, Verdict> {
  const page = measureLines(lines, ctx.settled);
  const items: Item[] = page.lines.map((f) => initialItem(f, page.hasStopList, ctx.settled?.get(f.n)));
  const out = new Map<number, Verdict>();
  if (items.length === 0) return out;

  markTableRows(items);
  markGalleryCaptions(items);
  markNavigationRuns(items);
  markMarkedLists(items);
  markHeadlineLists(items);
  markTitleRuns(items);
  reviseByContext(items);
  if (!items.some((it) => it.cls === "good")) keepNearGoodProse(items);
  markCaptions(items);
  const { start, weight } = headlineStart(items, ctx);
  const [from, to] = densestRegion(items, start, weight);

  let marker: string | undefined;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (k > to && it.endMarker) marker ??= it.reason;
    if (k >= from && k <= to && it.cls === "good" && !it.hard) {
      out.set(it.f.n, { content: true });
      continue;
    }
    let reason: string;
    if (it.hard) reason = it.reason!;
    else if (k < start && k < from) reason = "before the headline: page header or navigation";
    else if (k < from) reason = "before the article's main text: page header or navigation";
    else if (k > to) reason = marker ?? "after the article: teasers, comments or footer";
    else reason = it.reason ?? "not article text";
    out.set(it.f.n, { content: false, reason });
  }
  return out;
}

function initialItem(f: LineFeatures, hasStopList: boolean, settled?: string): Item {
  if (settled !== undefined) return { f, initial: "bad", cls: "bad", reason: settled, hard: true, endMarker: false };
  const end = matchSignal(f.text, END_MARKERS);
  if (end) return { f, initial: "bad", cls: "bad", reason: end.reason, hard: true, endMarker: true };
  const furniture = matchSignal(f.text, FURNITURE);
  if (furniture) return { f, initial: "bad", cls: "bad", reason: furniture.reason, hard: true, endMarker: false };
  const cls = lengthClass(f, hasStopList);
  const reason =
    cls === "bad"
      ? "few function words: a list, menu or name line, not prose"
      : cls === "short"
        ? "short line outside the article text"
        : "prose outside the article text";
  return { f, initial: cls, cls, reason, hard: false, endMarker: false };
}

function lengthClass(f: LineFeatures, hasStopList: boolean): Cls {
  if (f.chars < SHORT_CHARS || f.words < SHORT_WORDS) return "short";
  // Title Case throughout: headlines, menus, teaser lists — not running prose.
  if (f.capShare >= TITLE_CASE_SHARE && f.words >= SHORT_WORDS) return f.chars < TITLE_LINE_CHARS ? "short" : "bad";
  if (f.stopDensity !== undefined && hasStopList) {
    const sd = f.stopDensity;
    if (sd >= GOOD_STOP && (f.chars >= GOOD_CHARS || f.endsSentence)) return "good";
    if (sd >= NEAR_STOP) return "neargood";
    if (sd >= 0.1 && f.endsSentence && f.words >= 12) return "neargood";
    return "bad";
  }
  // No stop-word list for this language: sentence shape and length only.
  if (f.endsSentence && f.words >= 10) return "good";
  if (f.words >= 20) return "neargood";
  return "short";
}

const NUMBER = /\d+(?:[.,:]\d+)*/g;
/** A run of digits: "1,200" is two of them (one NUMBER). */
const DIGIT_RUN = /\d+/g;

/** Whether `text` holds at least `enough` numbers ("3", "1,200", "2.5", "10:30"). */
function hasNumbers(text: string, enough: number): boolean {
  return matchesAtLeast(NUMBER, text, enough);
}

/** Whether the global `pattern` matches `text` at least `enough` times: counted up to that many, not all. */
function matchesAtLeast(pattern: RegExp, text: string, enough: number): boolean {
  pattern.lastIndex = 0;
  let found = 0;
  while (found < enough && pattern.exec(text)) found++;
  return found >= enough;
}

/**
 * A table printed as text: lines set line under line, each with several figures (standings, results,
 * prices). Inside an article it is content, so its rows count as near-good rather than short. A
 * line already good by its own shape stays good: prose paragraphs full of figures (an economy report)
 * set line under line are not a table.
 */
function markTableRows(items: Item[]): void {
  let k = 0;
  while (k < items.length) {
    let j = k;
    while (j < items.length && !items[j].hard && hasNumbers(items[j].f.text, TABLE_ROW_NUMBERS) && (j === k || !items[j].f.blankBefore)) j++;
    if (j - k >= TABLE_MIN_ROWS) {
      for (let m = k; m < j; m++) {
        if (items[m].cls !== "good") Object.assign(items[m], { initial: "neargood", cls: "neargood", reason: "table outside the article text" });
      }
    }
    k = Math.max(j, k + 1);
  }
}

const GALLERY_CAPTION = /^(\d{1,3}) of (\d{1,3})\s+\S/;

/** Photo-gallery captions are numbered against the gallery's size: "1 of 4 ...", "2 of 4 ...". */
function markGalleryCaptions(items: Item[]): void {
  const sizes = new Map<string, number>();
  const total = (it: Item) => GALLERY_CAPTION.exec(it.f.text)?.[2];
  for (const it of items) {
    const m = total(it);
    if (m) sizes.set(m, (sizes.get(m) ?? 0) + 1);
  }
  for (const it of items) {
    const m = total(it);
    if (m && (sizes.get(m) ?? 0) >= 2) Object.assign(it, { initial: "bad", cls: "bad", hard: true, reason: "photo caption or credit" });
  }
}

/** A menu item: a few words, no sentence punctuation, no comma or digits-with-words list shape. */
function isMenuItem(f: LineFeatures): boolean {
  return f.words <= MENU_ITEM_WORDS && !f.endsSentence && !LIST_PUNCTUATION.test(f.text);
}

/**
 * Runs of menu items set line under line (no blank lines between) are navigation, tag lists or
 * link bars. Lists inside articles differ: their items are longer or punctuated.
 */
function markNavigationRuns(items: Item[]): void {
  let k = 0;
  while (k < items.length) {
    let j = k;
    while (j < items.length && isMenuItem(items[j].f) && (j === k || !items[j].f.blankBefore)) j++;
    if (j - k >= NAV_RUN) {
      for (let m = k; m < j; m++) {
        if (items[m].hard) continue;
        Object.assign(items[m], { initial: "bad", cls: "bad", hard: true, reason: "navigation: run of short link-like lines" });
      }
    }
    k = Math.max(j, k + 1);
  }
}

/** A link-list entry: a short line that is not a sentence, a labelled item ("Label: value"), a table row or a repeated heading. */
function isListEntry(it: Item): boolean {
  const f = it.f;
  // Repeated short lines are the headings of a structured page (a meal plan's "Meal 2"), not links.
  if (it.hard || it.initial !== "short" || f.endsSentence || f.repeats > 1 || LABEL_PUNCTUATION.test(f.text)) return false;
  return !matchesAtLeast(DIGIT_RUN, f.text, 2);
}

/**
 * Four or more such entries in a row, blank lines or not, are a list of links (a video playlist,
 * "more stories", a menu): an article's headings come one at a time, between paragraphs.
 */
function markHeadlineLists(items: Item[]): void {
  let k = 0;
  while (k < items.length) {
    let j = k;
    while (j < items.length && isListEntry(items[j])) j++;
    if (j - k >= HEADLINE_LIST_RUN) {
      for (let m = k; m < j; m++) Object.assign(items[m], { initial: "bad", cls: "bad", hard: true, reason: "navigation: run of short link-like lines" });
    }
    k = Math.max(j, k + 1);
  }
}

/** A story title as teaser lists print it: a capitalised phrase of a few words, not a sentence, no label. */
function isTitleEntry(it: Item): boolean {
  const f = it.f;
  if (it.hard || it.endMarker || f.endsSentence || f.words < TITLE_ENTRY_MIN_WORDS || f.words > TITLE_ENTRY_MAX_WORDS) return false;
  // Labelled items ("Spain (Group F): 11th appearance") and table rows are lists of facts, not titles.
  if (LIST_PUNCTUATION.test(f.text) || f.chars > TITLE_LINE_CHARS || hasNumbers(f.text, 2)) return false;
  return TITLE_ENTRY_START.test(f.text);
}

/**
 * Story titles one after another are a teaser list (a video playlist, "more stories"): set line under
 * line, three are enough; blank-separated, four. An article's own subheadings come one at a time,
 * between paragraphs, so any run of them is short.
 */
function markTitleRuns(items: Item[]): void {
  let k = 0;
  while (k < items.length) {
    let j = k;
    let titleCase = true;
    while (j < items.length && isTitleEntry(items[j])) {
      if (items[j].f.capShare < TITLE_CASE_SHARE) titleCase = false;
      j++;
    }
    if (j - k >= (titleCase ? TITLE_RUN_TITLE_CASE : TITLE_RUN_ANY)) {
      for (let m = k; m < j; m++) Object.assign(items[m], { initial: "bad", cls: "bad", hard: true, reason: "teaser list: run of story titles" });
    }
    k = Math.max(j, k + 1);
  }
}

/** The lines set directly under a teaser or comment header (no blank line between) are its list. */
function markMarkedLists(items: Item[]): void {
  for (let k = 0; k < items.length; k++) {
    if (!items[k].endMarker) continue;
    // A header set apart by a blank line heads the block after it, when that block is titles (no full stops), not sentences.
    const first = k + 1;
    const apart = items[first]?.f.blankBefore;
    for (let j = first; j < items.length && (j === first || !items[j].f.blankBefore) && !items[j].endMarker && items[j].f.words <= TEASER_MAX_WORDS; j++) {
      if (apart && /(?<!\.)\.["'”’)\]]*$/.test(items[j].f.text)) break;
      if (items[j].hard) continue;
      Object.assign(items[j], { initial: "bad", cls: "bad", hard: true, reason: items[k].reason });
    }
  }
}

/** jusText's context-sensitive pass: headings near good text, short lines between good ones. */
function reviseByContext(items: Item[]): void {
  // A heading-like short line followed closely by good text becomes near-good.
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.cls !== "short" || !isHeadingLike(it.f)) continue;
    let reach = 0;
    for (let j = k + 1; j < items.length && reach <= HEADING_REACH_CHARS; j++) {
      if (items[j].cls === "good") {
        it.cls = "neargood";
        break;
      }
      if (items[j].hard) break;
      reach += items[j].f.chars;
    }
  }
  const next: Cls[] = items.map((it) => it.cls);
  // Neighbours for every line in two passes (asking line by line is quadratic in a long menu).
  let around = neighbours(items, true);
  const aroundAll = neighbours(items, false);
  for (let k = 0; k < items.length; k++) {
    if (items[k].cls !== "short") continue;
    const prev = around.before[k];
    const nxt = around.after[k];
    if (prev === "good" && nxt === "good") next[k] = "good";
    else if (prev === "bad" && nxt === "bad") next[k] = "bad";
    else if ((prev === "bad" && aroundAll.before[k] === "neargood") || (nxt === "bad" && aroundAll.after[k] === "neargood")) next[k] = "good";
    else next[k] = "bad";
  }
  for (let k = 0; k < items.length; k++) items[k].cls = next[k];
  around = neighbours(items, true);
  for (let k = 0; k < items.length; k++) {
    if (items[k].cls !== "neargood") continue;
    const prev = around.before[k];
    const nxt = around.after[k];
    next[k] = prev === "bad" && nxt === "bad" ? "bad" : "good";
  }
  const shortRuns = shortRunLengths(items);
  for (let k = 0; k < items.length; k++) {
    if (items[k].hard) next[k] = "bad";
    items[k].cls = next[k];
    if (next[k] === "bad" && items[k].initial === "short" && !items[k].hard) items[k].reason = shortReason(shortRuns[k]);
  }
}

/**
 * A page with no good line at all (a short report whose paragraphs fall just under the stop-word
 * bar) would lose its article to the near-good rule, whose page edges count as bad. Its near-good
 * sentences are then the best text it has: they become good and the region search decides.
 */
function keepNearGoodProse(items: Item[]): void {
  for (const it of items) {
    if (it.initial === "neargood" && !it.hard && it.f.endsSentence) it.cls = "good";
  }
}

/**
 * For every line, the class of the nearest line before / after it, skipping short lines (and
 * near-good ones when asked); edges count as bad. One pass each way.
 */
function neighbours(items: Item[], ignoreNear: boolean): { before: Cls[]; after: Cls[] } {
  const skip = (c: Cls) => c === "short" || (ignoreNear && c === "neargood");
  const before: Cls[] = new Array(items.length);
  const after: Cls[] = new Array(items.length);
  let last: Cls = "bad";
  for (let k = 0; k < items.length; k++) {
    before[k] = last;
    if (!skip(items[k].cls)) last = items[k].cls;
  }
  last = "bad";
  for (let k = items.length - 1; k >= 0; k--) {
    after[k] = last;
    if (!skip(items[k].cls)) last = items[k].cls;
  }
  return { before, after };
}

/** For each line, the length of the run of initially short lines it is in (0 outside one). */
function shortRunLengths(items: Item[]): number[] {
  const runs = new Array<number>(items.length).fill(0);
  for (let k = 0; k < items.length; ) {
    if (items[k].initial !== "short") {
      k++;
      continue;
    }
    let j = k;
    while (j < items.length && items[j].initial === "short") j++;
    for (let m = k; m < j; m++) runs[m] = j - k;
    k = j;
  }
  return runs;
}

function isHeadingLike(f: LineFeatures): boolean {
  return f.words >= 1 && f.words <= 15 && !ENDS_IN_COMMA.test(f.text) && HEADING_START.test(f.text);
}

/** Why a short line was dropped: in a run of short lines (a menu) or alone between non-article lines. */
function shortReason(run: number): string {
  if (run >= NAV_RUN) return "navigation: run of short link-like lines";
  return "short line between non-article lines";
}

/**
 * A photo caption is a line glued (no blank line) to a following credit line ("Name/Getty Images"),
 * on pages that otherwise set paragraphs apart with blank lines.
 */
function markCaptions(items: Item[]): void {
  const spaced = items.filter((it) => it.initial === "good" && it.f.blankAfter).length;
  const glued = items.filter((it) => it.initial === "good" && !it.f.blankAfter).length;
  if (spaced <= glued) return;
  for (let k = 0; k + 1 < items.length; k++) {
    const cap = items[k];
    const credit = items[k + 1];
    if (cap.f.blankAfter || credit.f.i !== cap.f.i + 1 || !credit.f.blankAfter) continue;
    if (credit.f.endsSentence || credit.f.words > 8 || !looksLikeCredit(credit.f.text)) continue;
    for (const it of [cap, credit]) {
      it.cls = "bad";
      it.hard = true;
      it.reason = "photo caption or credit";
    }
  }
}

/**
 * Index of the first line at or after the headline; lines above it are the page header. A headline
 * line number before all our lines (a page title on line 1) says nothing; then the printed headline
 * is looked for by its text. A printed repeat of the headline is itself not body text.
 */
function headlineStart(items: Item[], ctx: ClassifyContext): { start: number; weight: number } {
  let k = -1;
  let exact = true;
  if (ctx.headlineLine !== undefined && ctx.headlineLine > items[0].f.n) k = items.findIndex((it) => it.f.n >= ctx.headlineLine!);
  if (k < 0 && ctx.headline) {
    const at = locateHeadline(items.map((it) => it.f), ctx.headline, (j) => items[j].initial === "good");
    if (at !== undefined) {
      exact = at.exact;
      Object.assign(items[at.index], { cls: "bad", hard: true, reason: "headline printed again" });
      k = at.index;
    }
  }
  if (k < 0) return { start: 0, weight: 1 };
  // Only trust the headline if article text follows it.
  const after = items.slice(k).some((it) => it.cls === "good");
  return after ? { start: k, weight: exact ? 0 : BEFORE_HEADLINE_WEIGHT } : { start: 0, weight: 1 };
}

function value(it: Item): number {
  if (it.endMarker) return it.reason?.startsWith("comment") ? -150 : -40;
  if (it.cls === "good") return Math.min(Math.max(it.f.words, 3), 80);
  // A dateline or byline below the article's start opens another story (a teaser with its date).
  if (it.hard) return it.reason === "dateline" || it.reason === "byline" ? -25 : -8;
  return -(5 + Math.min(it.f.words, 40) / 4);
}

/** Weight of good text above a headline found only approximately: possible (a mis-placed headline), but unlikely. */
const BEFORE_HEADLINE_WEIGHT = 0.3;
/** Weight of good text after a header that opens comments (they read like prose) or teasers. */
const AFTER_COMMENTS_WEIGHT = 0.05;
const AFTER_TEASERS_WEIGHT = 0.7;
/** Good words needed before an end marker counts as closing the article (not a menu item on top). */
const ARTICLE_BEFORE_MARKER_WORDS = 50;

/**
 * Maximum-sum run of lines: the article's core. Good lines add their words, other lines cost; text
 * above the headline and below comment/teaser headers is discounted. Returns [from, to] inclusive.
 */
function densestRegion(items: Item[], start: number, beforeWeight: number): [number, number] {
  let best = -Infinity;
  let bestFrom = start;
  let bestTo = start - 1;
  let sum = 0;
  let from = 0;
  let weight = 1;
  let goodWords = 0;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (k >= start && it.endMarker && goodWords >= ARTICLE_BEFORE_MARKER_WORDS)
      weight *= it.reason?.startsWith("comment") ? AFTER_COMMENTS_WEIGHT : AFTER_TEASERS_WEIGHT;
    let v = value(it);
    if (v > 0) {
      if (k >= start) goodWords += it.f.words;
      v *= k < start ? beforeWeight : weight;
    }
    if (sum <= 0) {
      sum = 0;
      from = k;
    }
    sum += v;
    if (sum > best) {
      best = sum;
      bestFrom = from;
      bestTo = k;
    }
  }
  return best > 0 ? [bestFrom, bestTo] : [start, start - 1];
}
