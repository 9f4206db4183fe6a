/**
 * The timeline pages as the templates read them: the archive's events in date order, grouped by month
 * and day, each with its sources resolved to outlet, article and paragraph link.
 *
 * One page while the timeline is small; past `maxPerPage` events a year/month index at /timeline/
 * and one page per year, a year too big split by month, a month too big by day (timeline-parts.ts).
 * The same for each source (/timeline/source/<id>/), which is how the page filters by source without
 * script.
 */
import type { Archive } from "../archive/types.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { storyPath } from "../stories/story-view.ts";
import type { Story } from "../stories/types.ts";
import { byPublication } from "../timeline/publication-order.ts";
import type { TimelineEvent } from "../timeline/types.ts";
import { formatIsoDate } from "./dates.ts";
import { articlePath, blockAnchor } from "./links.ts";
import { monthKey, monthKeyLabel, monthKeyShort, spanDatetime, spanLabel } from "./timeline-dates.ts";
import { groupBy } from "../util/collections.ts";
import { MAX_EVENTS_PER_PAGE, partLabel, splitIntoParts, type PageBudget, type Part, type PartKind } from "./timeline-parts.ts";

export const TIMELINE_PATH = "/timeline/";
/**
 * Quotes shown per event. Some events are cited by hundreds of reports; writing out every one made a
 * single timeline page over a megabyte. The rest are counted by outlet, and linked through their story.
 */
export const MAX_QUOTES_PER_EVENT = 5;
/** Quotes on one page: a page of 100 events each showing five would still be heavy on a phone. */
export const MAX_QUOTES_PER_PAGE = 200;
/**
 * Years a page of one year lists in full; past that, the years near its own. Reports name years
 * centuries back: every year on every page was 18 KB of a 32 KB day's page at 10,000 reports (and the
 * render's largest cost), and a new year anywhere changed every page.
 */
export const MAX_YEARS_LISTED = 12;
export const NEAR_YEARS = 5;


export interface Outlet {
  id: string;
  name: string;
}

export interface SourceView {
  outlet: Outlet;
  articleId: string;
  headline: string;
  /** The report's publication date in words, which relative dates ("on Monday") were read against. */
  published: string | null;
  href: string;
  blockIndex: number;
  quote: string;
  expression: string;
}

export interface EventView {
  id: string;
  text: string;
  /** "Friday 13 September 2013", "Week of 16–22 September 2013", "September 2013". */
  label: string;
  datetime: string;
  precision: TimelineEvent["precision"];
  /** One link per outlet (its first source), in name order: "Agence France-Presse · Al Jazeera · BBC". */
  outlets: Array<Outlet & { href: string }>;
  /** The sources whose quotes are shown (at most MAX_QUOTES_PER_EVENT), in outlet name order. */
  sources: SourceView[];
  /** How many sources the event has in all (`sources.length` when none are left out). */
  sourceCount: number;
  /** What is left out: reports not shown, counted per outlet (most first), and their shared story if any. */
  more: MoreSources | null;
}

export interface MoreSources {
  /** Sources not shown. */
  sources: number;
  /** Distinct reports among them that no shown quote comes from. */
  reports: number;
  /** "Capital Gazette" with its count of left-out sources, most first (then by name). */
  outlets: Array<{ name: string; count: number }>;
  /** The story every one of the event's reports belongs to, when there is one: it lists them all. */
  story: { href: string; title: string } | null;
}

export interface DayGroup {
  label: string;
  datetime: string;
  events: EventView[];
}

export interface MonthGroup {
  /** Fragment id on the page: `m-2013-09`, or `y-2011` for events dated only by year. */
  anchor: string;
  label: string;
  days: DayGroup[];
}

export interface PageLink {
  href: string;
  label: string;
  /** Events behind the link, on the pages that print it (see `withoutCounts`). */
  count?: number;
  current?: boolean;
  /** For index entries: the month or year page they stand for (compare with the page's `indexKey`). */
  indexKey?: string;
  /** The label in full for screen readers when `label` is abbreviated ("Sep" -> "September 2013"). */
  long?: string;
}


export interface DayIndex {
  /** The month: "September 2013". */
  label: string;
  links: PageLink[];
}

export interface YearIndex {
  year: string;
  href: string;
  count?: number;
  months: PageLink[];
}

export interface TimelinePageView {
  url: string;
  /** `<title>`: "Timeline", "Timeline: BBC, September 2013". */
  title: string;
  description: string;
  /** The outlet this page is filtered to, or null for every source. */
  source: Outlet | null;
  /** The stretch of time this page holds ("September 2013"), null when it holds the whole timeline. */
  part: string | null;
  /** What the part holds of its stretch of time; null on the whole timeline and on index pages. */
  partKind: PartKind | null;
  /** `part` without its number: the day, month or year itself ("Tuesday 10 September 2013"). */
  span: string | null;
  /** "part 1 of 2" when a single date's events take several pages, else null. */
  piece: string | null;
  /** True for the year/month index of a split timeline: it lists no events itself. */
  isIndex: boolean;
  /**
   * Events on this page; `total` in the whole (filtered) timeline, null on the parts of a split one.
   * A part prints no figure of the whole timeline (its total, each outlet's, each month's): adding a
   * report would change every part, and a rebuild re-renders only the pages whose view changed.
   */
  count: number;
  total: number | null;
  /** The events this page shows, in date order (none on an index page). */
  events: readonly TimelineEvent[];
  /**
   * `events` grouped by month and day, as the page prints them. Worked out when first read (it is
   * not enumerable, so neither JSON nor a spread of the view reads it): a rebuild keys the pages by
   * their events (page-keys.ts) and reads this only on the pages it renders again.
   */
  readonly months: MonthGroup[];
  /** "All sources" and one chip per outlet, each with its event count. */
  chips: PageLink[];
  /**
   * Year/month index of the (filtered) timeline: every year on the whole timeline and its index page;
   * on a page of one year, when there are more than MAX_YEARS_LISTED, that year and the NEAR_YEARS on
   * either side, with `allYears` linking to the rest.
   */
  index: YearIndex[];
  /** "All years", to the index page, when `index` holds only the years near this page's (no count: see `total`). */
  allYears: PageLink | null;
  /** On a split timeline, the index entry (month or year) this page belongs under, else null. */
  indexKey: string | null;
  /** On the pages of a month cut by day: that month's days, each linking to its page. */
  days: DayIndex | null;
  /** The year of this part, whose months the index spells out; null when every year's are shown. */
  year: string | null;
  prev: PageLink | null;
  next: PageLink | null;
}

/** A mark beside a dated sentence on an article page, linking to its event. */
export interface TimelineRef {
  eventId: string;
  href: string;
  /** Short date: "13 Sep 2013", "week of 16–22 Sep 2013". */
  label: string;
  quote: string;
}

export interface TimelineModel {
  pages: TimelinePageView[];
  /** Where each event lives on the unfiltered timeline: `/timeline/2013/#<id>`. */
  eventHref: Map<string, string>;
  /** articleId -> blockIndex -> the events that block's sentences are sources of. */
  refs: Map<string, Map<number, TimelineRef[]>>;
}


const RANK = { year: 0, month: 1, week: 2, day: 3 } as const;
/** The timeline's own order (src/timeline/build-timeline.ts): date, then a month before its days. */
function byDate(a: TimelineEvent, b: TimelineEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return (RANK[a.precision] ?? 0) - (RANK[b.precision] ?? 0);
}

function dayLabel(e: TimelineEvent): string {
  if (e.precision === "year" || (e.precision === "month" && (!e.end || e.end.slice(0, 7) === e.date.slice(0, 7)))) {
    return `In ${spanLabel(e)}`;
  }
  return spanLabel(e, { weekday: true, noYear: e.precision !== "month" });
}

/** Month and day groups of one page; `raw[i]` is the event `views[i]` shows. */
function monthGroups(views: readonly EventView[], raw: readonly TimelineEvent[]): MonthGroup[] {
  const months: MonthGroup[] = [];
  let monthKeyNow = "";
  let dayKeyNow = "";
  raw.forEach((e, i) => {
    const key = monthKey(e);
    if (key !== monthKeyNow || !months.length) {
      months.push({ anchor: `${key.length === 4 ? "y" : "m"}-${key}`, label: monthKeyLabel(key), days: [] });
      monthKeyNow = key;
      dayKeyNow = "";
    }
    const days = months.at(-1)!.days;
    const dayKey = `${e.precision}|${e.date}|${e.end ?? ""}`;
    if (dayKey !== dayKeyNow || !days.length) {
      days.push({ label: dayLabel(e), datetime: spanDatetime(e), events: [] });
      dayKeyNow = dayKey;
    }
    days.at(-1)!.events.push(views[i]);
  });
  return months;
}

/** The outlet of a source; a record that is missing or has no source still gets shown, as "unknown". */
function outletOf(record: ArticleRecord | undefined, articleId: string): Outlet {
  const source = record?.source;
  return source?.id ? { id: source.id, name: source.name || source.id } : { id: "unknown", name: record ? "Unknown source" : articleId };
}

const publishedLabels = new Map<string, string>();
/** The report's date in words (luxon is slow and the same few dates recur across thousands of sources). */
function publishedLabel(date: string): string {
  let label = publishedLabels.get(date);
  if (label === undefined) {
    label = formatIsoDate(date);
    publishedLabels.set(date, label);
  }
  return label;
}

/** A report's publication date as `YYYY-MM-DD`, "" when undated (sorted last). */
function publishedKey(record: ArticleRecord | undefined): string {
  return record?.published?.date ?? "";
}

/**
 * Which sources an event shows when it has more than `max`: one per outlet first (so the outlets' own
 * words are seen side by side), then the rest; each pass earliest report first, undated last.
 * Returns indexes into `sources`, in the order chosen.
 */
export function chooseSources(
  sources: ReadonlyArray<{ articleId: string; blockIndex: number; outletId: string; published: string }>,
  max = MAX_QUOTES_PER_EVENT,
): number[] {
  const order = sources
    .map((_, i) => i)
    .sort((a, b) => byPublication(sources[a], sources[b]));
  const chosen: number[] = [];
  const outletsSeen = new Set<string>();
  const reportsSeen = new Set<string>();
  // Passes: a new outlet; a new report; anything left.
  const passes: Array<(i: number) => boolean> = [
    (i) => !outletsSeen.has(sources[i].outletId),
    (i) => !reportsSeen.has(sources[i].articleId),
    () => true,
  ];
  const taken = new Set<number>();
  for (const fits of passes) {
    for (const i of order) {
      if (chosen.length >= max) return chosen;
      if (taken.has(i) || !fits(i)) continue;
      taken.add(i);
      chosen.push(i);
      outletsSeen.add(sources[i].outletId);
      reportsSeen.add(sources[i].articleId);
    }
  }
  return chosen;
}

/** The one story all these reports belong to, or null. */
function sharedStory(articleIds: Iterable<string>, storiesByArticle: Map<string, Story[]>): Story | null {
  let shared: Story | null = null;
  for (const id of articleIds) {
    const stories = storiesByArticle.get(id);
    if (!stories?.length) return null;
    const story: Story | undefined = shared ? stories.find((s) => s.id === shared!.id) : stories[0];
    if (!story) return null;
    shared = story;
  }
  return shared;
}

function eventView(e: TimelineEvent, records: Map<string, ArticleRecord>, storiesByArticle: Map<string, Story[]>, maxQuotes: number): EventView {
  const all: SourceView[] = e.sources.map((s) => {
    const record = records.get(s.articleId);
    return {
      outlet: outletOf(record, s.articleId),
      articleId: s.articleId,
      headline: record?.headline ?? s.articleId,
      published: record?.published ? publishedLabel(record.published.date) : null,
      href: `${articlePath({ id: s.articleId })}#${blockAnchor(s.blockIndex)}`,
      blockIndex: s.blockIndex,
      quote: s.quote,
      expression: s.expression,
    };
  });
  const byName = (a: SourceView, b: SourceView) =>
    a.outlet.name.localeCompare(b.outlet.name) || a.articleId.localeCompare(b.articleId) || a.blockIndex - b.blockIndex;
  const outlets = [...groupBy([...all].sort(byName), (s) => s.outlet.id).values()].map(([first]) => ({
    ...first.outlet,
    href: first.href,
  }));
  let shown = all;
  let more: MoreSources | null = null;
  if (all.length > maxQuotes) {
    const picked = new Set(
      chooseSources(
        e.sources.map((s, i) => ({ ...s, outletId: all[i].outlet.id, published: publishedKey(records.get(s.articleId)) })),
        maxQuotes,
      ),
    );
    shown = all.filter((_, i) => picked.has(i));
    const rest = all.filter((_, i) => !picked.has(i));
    const shownReports = new Set(shown.map((s) => s.articleId));
    const perOutlet = new Map<string, { name: string; count: number }>();
    for (const s of rest) {
      const entry = perOutlet.get(s.outlet.id) ?? { name: s.outlet.name, count: 0 };
      entry.count++;
      perOutlet.set(s.outlet.id, entry);
    }
    const story = sharedStory(new Set(all.map((s) => s.articleId)), storiesByArticle);
    more = {
      sources: rest.length,
      reports: new Set(rest.map((s) => s.articleId).filter((id) => !shownReports.has(id))).size,
      outlets: [...perOutlet.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      story: story ? { href: storyPath(story), title: story.title } : null,
    };
  }
  shown = [...shown].sort(byName);
  return {
    id: e.id,
    text: e.text,
    label: spanLabel(e, { weekday: true }),
    datetime: spanDatetime(e),
    precision: e.precision,
    outlets,
    sources: shown,
    sourceCount: all.length,
    more,
  };
}

/** A link or index entry as a part of a split timeline prints it: without the whole timeline's figures. */
function withoutCount<T extends { count?: number }>(link: T): Omit<T, "count"> {
  const { count: _count, ...rest } = link;
  return rest;
}

/** The year/month index of a scope, computed once and shared by its pages. */
interface CountedMonth extends PageLink {
  count: number;
}
interface CountedYear extends YearIndex {
  count: number;
  months: CountedMonth[];
}

function yearIndex(parts: readonly Part[], base: string): CountedYear[] {
  const years = new Map<string, CountedYear>();
  for (const part of parts) {
    const { indexKey } = part;
    for (const [key, events] of groupBy(part.events, monthKey)) {
      const year = key.slice(0, 4);
      // A month cut by day is entered at its own page (its month-only events, or the list of its days).
      const href = indexKey === part.key ? `${base}${part.key}#${key.length === 4 ? "y" : "m"}-${key}` : `${base}${indexKey}`;
      let entry = years.get(year);
      if (!entry) {
        // The year links to its first group: its year-only events, else its first month.
        entry = { year, href, count: 0, months: [] };
        years.set(year, entry);
      }
      entry.count += events.length;
      if (key.length === 4) continue;
      const label = monthKeyShort(key);
      const last = entry.months.at(-1);
      // A month split into pages is one entry.
      if (last?.label === label) last.count += events.length;
      else entry.months.push({ href, label, long: monthKeyLabel(key), count: events.length, indexKey });
    }
  }
  return [...years.values()];
}

/** "September 2013" for the month key `2013/09/`. */
const monthLabelOf = (key: string) => monthKeyLabel(`${key.slice(0, 4)}-${key.slice(5, 7)}`);

/** The days of each month cut by day, keyed by the month's index key: one link a day, to its first page. */
function dayLinks(parts: readonly Part[], base: string): Map<string, PageLink[]> {
  const months = new Map<string, PageLink[]>();
  for (const part of parts) {
    if (part.kind !== "day") continue;
    const links = months.get(part.indexKey) ?? [];
    months.set(part.indexKey, links);
    const last = links.at(-1);
    if (last?.indexKey === part.groupKey) last.count! += part.events.length;
    else {
      const label = String(Number(part.groupKey.slice(8, 10)));
      links.push({ href: base + part.groupKey, label, long: part.span!, count: part.events.length, indexKey: part.groupKey });
    }
  }
  return months;
}

interface Scope {
  source: Outlet | null;
  base: string;
  events: TimelineEvent[];
}

function scopePages(
  scope: Scope,
  viewOf: (e: TimelineEvent) => EventView,
  chipsFor: (source: Outlet | null) => PageLink[],
  max: number,
  budget: PageBudget,
): TimelinePageView[] {
  const parts = splitIntoParts(scope.events, max, budget);
  const split = parts.length > 1 || parts[0].key !== "";
  const who = scope.source ? `: ${scope.source.name}` : "";
  const what = scope.source ? `reported by ${scope.source.name}` : "the reports tell of";
  const description = `Every dated event ${what}, in date order, each linked to the paragraphs it was read from.`;
  const chips = chipsFor(scope.source);
  const index = yearIndex(parts, scope.base);
  const partChips = split ? chips.map(withoutCount) : chips;
  const partIndex = split ? index.map((y) => ({ ...withoutCount(y), months: y.months.map(withoutCount) })) : index;
  const days = dayLinks(parts, scope.base);
  const yearAt = new Map(index.map((y, i) => [y.year, i]));
  const allYears: PageLink | null = index.length > MAX_YEARS_LISTED ? { href: scope.base, label: "All years" } : null;
  // The years listed on a page of `year`: all of them while they are few, else its neighbours, one list
  // per year shared by that year's pages (a rebuild's page keys write each shared list out once).
  const nearYearsOf = <T>(years: T[]) => {
    const lists = new Map<string, T[]>();
    return (year: string | null): T[] => {
      const at = year === null || !allYears ? undefined : yearAt.get(year);
      if (year === null || at === undefined) return years;
      let list = lists.get(year);
      if (!list) lists.set(year, (list = years.slice(Math.max(0, at - NEAR_YEARS), at + NEAR_YEARS + 1)));
      return list;
    };
  };
  const nearIndex = nearYearsOf(index);
  const nearPartIndex = nearYearsOf(partIndex);
  // A page in a month cut by day lists the month's days, its own marked.
  const daysOf = (indexKey: string, key: string, counted: boolean): DayIndex | null => {
    const links = days.get(indexKey);
    if (!links) return null;
    return {
      label: monthLabelOf(indexKey),
      links: links.map((l) => ({ ...(counted ? l : withoutCount(l)), current: key.startsWith(l.indexKey!) })),
    };
  };
  const pages: Array<Omit<TimelinePageView, "months">> = [];
  if (split) {
    const indexPage = (key: string, label: string | null, first: Part): Omit<TimelinePageView, "months"> => ({
      url: scope.base + key,
      title: `Timeline${who}${label ? `, ${label}` : ""}`,
      description,
      source: scope.source,
      part: label,
      partKind: null,
      span: label,
      piece: null,
      isIndex: true,
      count: 0,
      total: scope.events.length,
      events: [],
      chips,
      index: nearIndex(key ? key.slice(0, 4) : null),
      allYears: key ? allYears : null,
      indexKey: key || null,
      days: daysOf(key, key, true),
      year: key ? key.slice(0, 4) : null,
      prev: null,
      next: { href: scope.base + first.key, label: partLabel(first) ?? "" },
    });
    pages.push(indexPage("", null, parts[0]));
    // A year or month that is cut up has a page of its own at its URL even when it holds no events
    // of its own (none dated only by year, or by month): /timeline/2013/ always answers.
    const keys = new Set(parts.map((p) => p.key));
    for (const part of parts) {
      const year = part.key.slice(0, 5);
      for (const key of [year, part.indexKey]) {
        if (keys.has(key)) continue;
        keys.add(key);
        pages.push(indexPage(key, key === year ? year.slice(0, 4) : monthLabelOf(key), part));
      }
    }
  }
  parts.forEach((part, i) => {
    const link = (p: Part | undefined): PageLink | null => (p ? { href: scope.base + p.key, label: partLabel(p) ?? "" } : null);
    const label = partLabel(part);
    pages.push({
      url: scope.base + part.key,
      title: `Timeline${who}${label ? `, ${label}` : ""}`,
      description,
      source: scope.source,
      part: label,
      partKind: split ? part.kind : null,
      span: part.span,
      piece: part.piece,
      isIndex: false,
      count: part.events.length,
      total: split ? null : scope.events.length,
      events: part.events,
      chips: partChips,
      // A single page still gets the index: it jumps within the page ("#m-2013-09").
      index: nearPartIndex(split ? part.key.slice(0, 4) : null),
      allYears: split ? allYears : null,
      indexKey: split ? part.indexKey : null,
      days: daysOf(part.indexKey, part.key, false),
      year: split ? part.key.slice(0, 4) : null,
      prev: link(parts[i - 1]),
      next: link(parts[i + 1]),
    });
  });
  return pages.map((page) => withMonths(page, viewOf));
}

/** The page with `months` worked out from its events when first read, then kept. */
function withMonths(page: Omit<TimelinePageView, "months">, viewOf: (e: TimelineEvent) => EventView): TimelinePageView {
  let months: MonthGroup[] | undefined;
  return Object.defineProperty(page, "months", {
    get: () => (months ??= monthGroups(page.events.map(viewOf), page.events)),
    enumerable: false,
  }) as TimelinePageView;
}

/** Every timeline page (unfiltered, then one set per outlet), the events' homes and the article marks. */
export function buildTimelineModel(
  archive: Pick<Archive, "records" | "timeline"> & Partial<Pick<Archive, "stories">>,
  max = MAX_EVENTS_PER_PAGE,
  maxQuotes = MAX_QUOTES_PER_EVENT,
  maxQuotesPerPage = MAX_QUOTES_PER_PAGE,
): TimelineModel {
  const records = new Map(archive.records.map((r) => [r.id, r]));
  const storiesByArticle = new Map<string, Story[]>();
  for (const story of archive.stories ?? []) {
    for (const id of story.articleIds) {
      const list = storiesByArticle.get(id);
      if (list) list.push(story);
      else storiesByArticle.set(id, [story]);
    }
  }
  // The contract says date order; sorting again (stable, cheap) keeps headings unique if it is broken.
  const events = [...(archive.timeline?.events ?? [])].sort(byDate);
  const outletsOf = (e: TimelineEvent) => new Set(e.sources.map((s) => outletOf(records.get(s.articleId), s.articleId).id));

  // Outlets in name order, each with the events it is a source of.
  const outlets = new Map<string, { outlet: Outlet; events: TimelineEvent[] }>();
  for (const e of events) {
    for (const s of e.sources) {
      const outlet = outletOf(records.get(s.articleId), s.articleId);
      if (!outlets.has(outlet.id)) outlets.set(outlet.id, { outlet, events: [] });
    }
    for (const id of outletsOf(e)) outlets.get(id)!.events.push(e);
  }
  const scopes: Scope[] = [
    { source: null, base: TIMELINE_PATH, events: [...events] },
    ...[...outlets.values()]
      .sort((a, b) => a.outlet.name.localeCompare(b.outlet.name))
      .map(({ outlet, events: own }) => ({ source: outlet, base: `${TIMELINE_PATH}source/${outlet.id}/`, events: own })),
  ];
  const chipsFor = (current: Outlet | null): PageLink[] =>
    scopes.map((s) => ({
      href: s.base,
      label: s.source ? s.source.name : "All sources",
      count: s.events.length,
      current: (s.source?.id ?? null) === (current?.id ?? null),
    }));
  // One view per event, shared by the unfiltered page and each of its outlets' pages.
  const views = new Map<string, EventView>();
  const viewOf = (e: TimelineEvent): EventView => {
    let view = views.get(e.id);
    if (!view) {
      view = eventView(e, records, storiesByArticle, maxQuotes);
      views.set(e.id, view);
    }
    return view;
  };
  const budget: PageBudget = { max: maxQuotesPerPage, weigh: (e) => Math.min(e.sources.length, maxQuotes) };
  const pages = scopes.flatMap((scope) => scopePages(scope, viewOf, chipsFor, max, budget));

  const eventHref = new Map<string, string>();
  for (const page of pages) {
    if (page.source) continue;
    for (const e of page.events) eventHref.set(e.id, `${page.url}#${e.id}`);
  }
  const refs = new Map<string, Map<number, TimelineRef[]>>();
  for (const e of events) {
    const label = spanLabel(e, { short: true });
    for (const s of e.sources) {
      const byBlock = refs.get(s.articleId) ?? new Map<number, TimelineRef[]>();
      refs.set(s.articleId, byBlock);
      const list = byBlock.get(s.blockIndex) ?? [];
      byBlock.set(s.blockIndex, list);
      // One mark per event and sentence, even when the event cites the sentence for two date words.
      if (!list.some((r) => r.eventId === e.id && r.quote === s.quote)) {
        list.push({ eventId: e.id, href: eventHref.get(e.id) ?? TIMELINE_PATH, label, quote: s.quote });
      }
    }
  }
  return { pages, eventHref, refs };
}

/** A run of a block's text, followed by the marks of the dated sentence it ends. */
export interface TextSegment {
  text: string;
  refs: TimelineRef[];
}

/**
 * Cuts a block's text after each sentence that is an event's quote, so the page can put a mark there.
 * A quote not found verbatim (the text was normalised since) gets its mark at the end: never dropped.
 */
export function segmentText(text: string, refs: readonly TimelineRef[] | null | undefined): TextSegment[] {
  if (!refs?.length) return [{ text, refs: [] }];
  const cuts = new Map<number, TimelineRef[]>();
  for (const ref of refs) {
    const at = ref.quote ? text.indexOf(ref.quote) : -1;
    const cut = at >= 0 ? at + ref.quote.length : text.length;
    const list = cuts.get(cut) ?? [];
    if (!list.some((r) => r.eventId === ref.eventId)) list.push(ref);
    cuts.set(cut, list);
  }
  const segments: TextSegment[] = [];
  let from = 0;
  for (const cut of [...cuts.keys()].sort((a, b) => a - b)) {
    segments.push({ text: text.slice(from, cut), refs: cuts.get(cut)! });
    from = cut;
  }
  if (from < text.length) segments.push({ text: text.slice(from), refs: [] });
  return segments;
}
