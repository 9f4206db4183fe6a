/**
 * The archive regrouped for publishing: by month of publication, by source, and as feeds (the whole
 * archive and one per source). Paths live here so pages, feeds and the sitemap agree.
 */
import { DateTime } from "luxon";
import type { Archive } from "../archive/types.ts";
import type { ArticleRecord, Published, Source } from "../record/schema.ts";
import type { Story } from "../stories/types.ts";
import { LIST_PAGE_SIZE, paginate, type ListPage } from "./paginate.ts";

export interface MonthGroup {
  year: string;
  month: string;
  /** "September 2013" */
  label: string;
  path: string;
  records: ArticleRecord[];
}

export interface SourceGroup {
  id: string;
  name: string;
  path: string;
  records: ArticleRecord[];
  feed: FeedSpec;
}

export interface FeedSpec {
  /** "all" or the source id. */
  key: string;
  title: string;
  description: string;
  /** The HTML page the feed mirrors. */
  pagePath: string;
  atomPath: string;
  jsonPath: string;
  /** The newest FEED_SIZE, newest first as the archive orders them. */
  records: ArticleRecord[];
}

export interface PublishIndex {
  /** Newest month first. */
  months: MonthGroup[];
  /** Records without a date: they have no month, and are listed on the archive index instead. */
  undated: ArticleRecord[];
  sources: SourceGroup[];
  /** The whole-archive feed first, then one per source. */
  feeds: FeedSpec[];
  /** The home page's report list, page by page (at least one page, even for an empty archive). */
  homePages: Array<ListPage<ArticleRecord>>;
  /** Every page of every source's list, sources in `sources` order; one Eleventy page each. */
  sourcePages: Array<ListPage<ArticleRecord> & { source: SourceGroup }>;
  /** Every page of every month's list, months in `months` order. */
  monthPages: Array<ListPage<ArticleRecord> & { month: MonthGroup }>;
  /** The stories index (/stories/), page by page, in the archive's order of stories (latest first). */
  storyPages: Array<ListPage<Story>>;
  /** Reports removed since they were published: a notice at each one's URL (layouts/pages/removed.njk). */
  removed: NonNullable<Archive["removed"]>;
}

/**
 * Entries per feed: the newest. A feed is polled again and again, so a 10,000-entry feed (each with its
 * full text) would be megabytes per poll; the pages and the sitemap list everything.
 */
export const FEED_SIZE = 100;

export interface PublishIndexOptions {
  /** Teasers per list page (home, source and month pages); default LIST_PAGE_SIZE. */
  pageSize?: number;
  /** Entries per feed; default FEED_SIZE. */
  feedSize?: number;
}

export const ARCHIVE_INDEX_PATH = "/archive/";
export const SOURCES_INDEX_PATH = "/sources/";

/** "/archive/2013/09/" for a dated record; null when there is no date to file it under. */
export function monthPath(published: Published | null | undefined): string | null {
  const match = published?.date.match(/^(\d{4})-(\d{2})-\d{2}$/);
  return match ? `/archive/${match[1]}/${match[2]}/` : null;
}

export function sourcePath(source: Pick<Source, "id">): string {
  return `/sources/${source.id}/`;
}

export function buildPublishIndex(
  archive: Pick<Archive, "records" | "sources" | "removed"> & Partial<Pick<Archive, "stories">>,
  siteName: string,
  options: PublishIndexOptions = {},
): PublishIndex {
  const pageSize = options.pageSize ?? LIST_PAGE_SIZE;
  const feedSize = Math.max(0, options.feedSize ?? FEED_SIZE);
  const months = new Map<string, MonthGroup>();
  const undated: ArticleRecord[] = [];
  const bySource = new Map<string, ArticleRecord[]>();
  for (const record of archive.records) {
    const path = monthPath(record.published);
    if (path && record.published) {
      const [year, month] = record.published.date.split("-") as [string, string];
      const group = months.get(path) ?? { year, month, label: monthLabel(year, month), path, records: [] };
      group.records.push(record);
      months.set(path, group);
    } else undated.push(record);
    // Records are validated before they get here; a malformed one is left for the templates to report
    // (renderSite wraps their errors with the template's name) rather than failing here unexplained.
    const sourceId = record.source?.id;
    if (sourceId) {
      const list = bySource.get(sourceId);
      if (list) list.push(record);
      else bySource.set(sourceId, [record]);
    }
  }
  const names = new Map(archive.sources.map((s) => [s.id, s.name]));
  const sources = [...bySource].map(([id, records]): SourceGroup => {
    const name = names.get(id) ?? records[0]!.source.name;
    const path = sourcePath({ id });
    return {
      id,
      name,
      path,
      records,
      feed: {
        key: id,
        title: `${siteName}: ${name}`,
        description: `Reports from ${name} in the ${siteName}.`,
        pagePath: path,
        atomPath: `${path}feed.xml`,
        jsonPath: `${path}feed.json`,
        records: records.slice(0, feedSize),
      },
    };
  });
  sources.sort((a, b) => a.name.localeCompare(b.name, "en"));
  const all: FeedSpec = {
    key: "all",
    title: siteName,
    description: `The latest reports in the ${siteName}, newest first.`,
    pagePath: "/",
    atomPath: "/feed.xml",
    jsonPath: "/feed.json",
    records: archive.records.slice(0, feedSize),
  };
  const monthList = [...months.values()].sort((a, b) => b.path.localeCompare(a.path));
  return {
    months: monthList,
    undated,
    sources,
    feeds: [all, ...sources.map((s) => s.feed)],
    homePages: paginate(archive.records, "/", pageSize),
    sourcePages: sources.flatMap((source) => paginate(source.records, source.path, pageSize).map((p) => ({ ...p, source }))),
    monthPages: monthList.flatMap((month) => paginate(month.records, month.path, pageSize).map((p) => ({ ...p, month }))),
    storyPages: paginate(archive.stories ?? [], "/stories/", pageSize),
    removed: archive.removed ?? [],
  };
}

function monthLabel(year: string, month: string): string {
  const dt = DateTime.fromObject({ year: Number(year), month: Number(month) }, { locale: "en-GB", zone: "utc" });
  return dt.isValid ? dt.toFormat("LLLL yyyy") : `${year}-${month}`;
}
