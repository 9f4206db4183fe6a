/**
 * The masthead: section, headline and standfirst printed above the article. Stated fields (front
 * matter, HTML metadata) win. Otherwise a page title of the form `Headline - Site` on the first line
 * gives the headline; failing that, the title-like line just above the first line of prose is the
 * headline, a short title-like line above it the section, and a prose line set apart from the body by
 * masthead furniture (dateline, share bar, caption) the standfirst.
 */
import { claimField, type Draft } from "./draft.ts";
import { splitPageTitle } from "./detect-outlet.ts";
import type { LogicalLine } from "./logical-lines.ts";
import { isProse, isTitleLike, squash, wordCount } from "./text-shape.ts";

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
    if (isTitleLike(rest[i].text, 25) && wordCount(rest[i].text) >= 3) {
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

/** `Headline - Site` as the first line: a page title. Its headline part is the report's headline. */
function takePageTitle(d: Draft, logical: LogicalLine[]): LogicalLine[] {
  const first = logical[0];
  if (!first || first.lines.length !== 1) return logical;
  const split = splitPageTitle(first.text, d.profiles.generic.profile.titleSuffixes ?? []);
  if (!split || !d.source || d.source.line !== first.lines[0]) return logical;
  claimField(d, lineOf(d, first.lines[0]), "page title");
  d.headline ??= { text: split.title, origin: "stated", line: first.lines[0] };
  return logical.slice(1);
}

/** The headline printed again (an HTML h1, a Markdown `# Title`) is the headline, not body text. */
function claimRepeats(d: Draft, logical: LogicalLine[]): LogicalLine[] {
  const key = normal(d.headline!.text);
  const repeat = logical.find((l) => normal(l.text.replace(/^#+\s*/, "")) === key);
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
