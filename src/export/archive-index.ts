/**
 * The archive regrouped for publishing: by month of publication, by source, and as feeds (the whole
 * archive and one per source). Paths live here so pages, feeds and the sitemap agree.
 */
import { DateTime } from "luxon";
import type { Archive } from "../archive/types.ts";
import type { ArticleRecord, Published, Source } from "../record/schema.ts";

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
  /** Newest first, as the archive orders them. */
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

export function buildPublishIndex(archive: Pick<Archive, "records" | "sources">, siteName: string): PublishIndex {
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
    if (sourceId) bySource.set(sourceId, [...(bySource.get(sourceId) ?? []), record]);
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
        records,
      },
    };
  });
  sources.sort((a, b) => a.name.localeCompare(b.name, "en"));
  const all: FeedSpec = {
    key: "all",
    title: siteName,
    description: `Every report in the ${siteName}, newest first.`,
    pagePath: "/",
    atomPath: "/feed.xml",
    jsonPath: "/feed.json",
    records: archive.records,
  };
  return {
    months: [...months.values()].sort((a, b) => b.path.localeCompare(a.path)),
    undated,
    sources,
    feeds: [all, ...sources.map((s) => s.feed)],
  };
}

function monthLabel(year: string, month: string): string {
  const dt = DateTime.fromObject({ year: Number(year), month: Number(month) }, { locale: "en-GB", zone: "utc" });
  return dt.isValid ? dt.toFormat("LLLL yyyy") : `${year}-${month}`;
}
