/**
 * The masthead: section, headline and standfirst printed above the article. Stated fields (front
 * matter, HTML metadata) win. Otherwise the first line of a page dump, its page title (`Headline -
 * Site`, or a title-like line alone that the page prints again or that heads a whole web page), gives
 * the headline, and where the page prints it again marks the article's top; failing that, the
 * title-like line just above the first line of prose (never a dateline or byline) is the headline, a
 * short title-like line above it the section, and a prose line set apart from the body by masthead
 * furniture (dateline, share bar, caption) the standfirst.
 */
import { mayNormaliseTo } from "./classify-features.ts";
import { claimField, type Draft } from "./draft.ts";
import { splitPageTitle } from "./detect-outlet.ts";
import type { LogicalLine } from "./logical-lines.ts";
import { parseDateline } from "./parse-dateline.ts";
import { endsWithMark, isProse, isTitleLike, squash, wordCount } from "./text-shape.ts";

/** How far above the first prose line a headline may sit (nav junk further up is not a masthead). */
const HEADLINE_LOOKBACK = 3;

export function findMasthead(d: Draft, logical: LogicalLine[]): LogicalLine[] {
  const stated = d.doc.stated;
  if (stated.section) d.section = stated.section;
  if (stated.standfirst) d.standfirst = stated.standfirst;
  if (stated.url) d.url = stated.url;
  if (stated.headline) d.headline = { text: stated.headline, origin: "stated", line: stated.lines?.headline };

  let rest = takePageTitle(d, logical);
  if (d.headline) return claimRepeats(d, rest);

  const firstProse = rest.findIndex((l) => isProse(l.text));
  if (firstProse <= 0) return rest;
  let h = -1;
  for (let i = firstProse - 1; i >= Math.max(0, firstProse - HEADLINE_LOOKBACK); i--) {
    if (isTitleLike(rest[i].text, TITLE_MAX_WORDS) && wordCount(rest[i].text) >= TITLE_MIN_WORDS && !isDateOrByline(rest[i].text)) {
      h = i;
      break;
    }
  }
  if (h < 0) return rest;
  const taken = new Set<LogicalLine>();
  const take = (l: LogicalLine, field: string) => {
    taken.add(l);
    for (const n of l.lines) claimField(d, lineOf(d, n), field);
  };
  d.headline = { text: squash(rest[h].text), origin: "stated", line: rest[h].lines[0] };
  take(rest[h], "headline");
  const before = rest[h - 1];
  if (before && isTitleLike(before.text, 4) && !d.section) {
    d.section = squash(before.text);
    take(before, "section");
  }
  const after = rest[h + 1];
  if (after && !d.standfirst && wordCount(after.text) >= 6 && setApartFromBody(d, after, rest[h + 2])) {
    d.standfirst = squash(after.text);
    take(after, "standfirst");
  }
  rest = rest.filter((l) => !taken.has(l));
  return rest;
}

/**
 * The first line of a page dump is the page's title: `Headline - Site` (the site part split off, and
 * section names before it: `Headline | World | News | Site`), or a title-like line on its own that
 * the page prints again or that heads a long dump (a whole web page, not a report).
 */
function takePageTitle(d: Draft, logical: LogicalLine[]): LogicalLine[] {
  const first = logical[0];
  if (!first || first.lines.length !== 1) return logical;
  const n = first.lines[0];
  const separators = d.profiles.generic.profile.titleSuffixes ?? [];
  const split = splitPageTitle(first.text, separators);
  // A section path uses the site's separator (`Headline | World | Site`); another one is the headline's
  // own: `Lords wrong on detainees - Straw | Site` keeps "- Straw".
  let title = split ? dropSectionSegments(split.title, split.sep) : undefined;
  if (!title && isPageTitleShaped(first.text) && (printedAgain(first.text, logical) || looksLikeWholePage(d, n))) title = squash(first.text);
  if (!title) return logical;
  claimField(d, lineOf(d, n), "page title");
  d.headline ??= { text: title, origin: "stated", line: n };
  return logical.slice(1);
}

/** Short segments after the headline in a page title are its section path: `Headline | World | News`. */
function dropSectionSegments(title: string, sep: string): string {
  let t = title;
  for (let at = t.lastIndexOf(sep); at > 0; at = t.lastIndexOf(sep)) {
    const head = t.slice(0, at).trim();
    const tail = t.slice(at + sep.length).trim();
    if (wordCount(tail) > SECTION_MAX_WORDS || wordCount(head) < TITLE_MIN_WORDS) return t;
    t = head;
  }
  return t;
}

const SECTION_MAX_WORDS = 2;
/** Logical lines after a printed headline in which its article's prose is counted. */
const REPEAT_LOOKAHEAD = 30;
const TITLE_MIN_WORDS = 3;
const TITLE_MAX_WORDS = 25;
/** A dump this long (non-blank lines) is a whole web page: menus, teasers and footers round the article. */
const WHOLE_PAGE_LINES = 40;

function isPageTitleShaped(text: string): boolean {
  const n = wordCount(text);
  return n >= TITLE_MIN_WORDS && n <= TITLE_MAX_WORDS && !endsWithMark(text, ".,;:", `"'”’`, 1) && !isDateOrByline(text);
}

function printedAgain(text: string, logical: LogicalLine[]): boolean {
  const key = normal(text);
  const keyWords = wordsIn(key);
  return logical.slice(1).some((l) => mayNormaliseAs(l.text, key, keyWords) && normal(l.text) === key);
}

/**
 * Cheap tests before `normal(text) === key`: the same first character, and no more words than the
 * key has (normalising splits words at apostrophes, never joins them), so a paragraph is ruled out
 * by its word count instead of being normalised whole.
 */
function mayNormaliseAs(text: string, key: string, keyWords: number): boolean {
  return mayNormaliseTo(text, key) && wordCount(text) <= keyWords;
}

const wordsIn = (normalised: string) => (normalised ? normalised.split(" ").length : 0);

function looksLikeWholePage(d: Draft, n: number): boolean {
  const next = d.lineByNumber.get(n + 1);
  if (next && next.text.trim()) return false;
  let count = 0;
  for (const l of d.doc.lines) if (l.text.trim() && ++count >= WHOLE_PAGE_LINES) return true;
  return false;
}

/** A dateline or byline is masthead furniture, never the headline. */
function isDateOrByline(text: string): boolean {
  const t = text.trim();
  if (/^(?:by|posted by|written by)\s/i.test(t)) return true;
  const date = parseDateline(t);
  return date !== undefined && wordCount(t) - wordCount(date.text) <= DATE_LINE_EXTRA_WORDS;
}
const DATE_LINE_EXTRA_WORDS = 4;

/**
 * The headline printed again (an HTML h1, a Markdown `# Title`) is the headline, not body text. A
 * page may print it several times (a menu teaser, a share box, the article's heading): the article's
 * is the one followed by the most prose.
 */
function claimRepeats(d: Draft, logical: LogicalLine[]): LogicalLine[] {
  const key = normal(d.headline!.text);
  const keyWords = wordsIn(key);
  let repeat: LogicalLine | undefined;
  let bestProse = -1;
  for (let i = 0; i < logical.length; i++) {
    const text = logical[i].text.replace(/^#+\s*/, "");
    if (!mayNormaliseAs(text, key, keyWords) || normal(text) !== key) continue;
    let prose = 0;
    for (let j = i + 1; j < Math.min(logical.length, i + 1 + REPEAT_LOOKAHEAD); j++) if (isProse(logical[j].text)) prose += wordCount(logical[j].text);
    if (prose > bestProse) {
      repeat = logical[i];
      bestProse = prose;
    }
  }
  if (!repeat) return logical;
  for (const n of repeat.lines) claimField(d, lineOf(d, n), "headline");
  d.headline!.line ??= repeat.lines[0];
  d.headlineRepeatLine = repeat.lines[0];
  return logical.filter((l) => l !== repeat);
}

/** A standfirst is separated from the body by lines already taken as masthead furniture. */
function setApartFromBody(d: Draft, candidate: LogicalLine, next: LogicalLine | undefined): boolean {
  const from = candidate.lines.at(-1)! + 1;
  const to = next ? next.lines[0] : from;
  for (let n = from; n < to; n++) {
    if (d.claimed.has(n) && d.lineByNumber.get(n)?.text.trim()) return true;
  }
  return false;
}

function lineOf(d: Draft, n: number) {
  return d.lineByNumber.get(n)!;
}

const normal = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
