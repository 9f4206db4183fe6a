/**
 * Searches a built site's Pagefind index from Node with Pagefind's own search code (see load-bundle.ts):
 * the same ranking, filters and excerpts as the search page.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { readArticlesHead } from "../build/write-data.ts";
import { loadBundle, type PagefindBundle } from "./load-bundle.ts";

export interface SearchHit {
  headline: string;
  source: string;
  sourceId: string;
  /** ISO date ("2013-09-14"), or null when the report is undated. */
  date: string | null;
  /** The date as the site shows it ("14 September 2013, 07:13"). */
  published: string | null;
  /** Site path of the article, e.g. "/articles/some-id/". */
  url: string;
  /** The article page on disk. */
  file: string;
  /** Plain-text excerpt around the matches; `marks` are [start, end) character ranges of matched words. */
  excerpt: string;
  marks: Array<[number, number]>;
  score: number;
}

export interface SearchSiteOptions {
  /** Source id or name (case-insensitive), e.g. "afp" or "Agence France-Presse". */
  source?: string;
  /** Relevance (default) or newest first. */
  sort?: "relevance" | "date";
  limit?: number;
}

export type SearchOutcome =
  | { kind: "ok"; hits: SearchHit[]; total: number }
  | { kind: "not-built"; siteDir: string }
  | { kind: "unknown-source"; source: string; known: Array<{ id: string; name: string }> };

export async function searchSite(siteDir: string, query: string, opts: SearchSiteOptions = {}): Promise<SearchOutcome> {
  const dir = path.resolve(siteDir);
  const bundleDir = path.join(dir, "pagefind");
  if (!existsSync(path.join(bundleDir, "pagefind.js"))) return { kind: "not-built", siteDir: dir };
  // baseUrl "/": result URLs are site paths, not the file: URL the module was loaded from.
  const bundle = await loadBundle(bundleDir, { baseUrl: "/" });

  const filters: Record<string, string> = {};
  if (opts.source) {
    const known = await knownSources(dir, bundle);
    const wanted = opts.source.trim().toLowerCase();
    const match = known.find((s) => s.id.toLowerCase() === wanted || s.name.toLowerCase() === wanted);
    if (!match) return { kind: "unknown-source", source: opts.source, known };
    filters.source = match.name;
  }
  const response = await bundle.search(query, {
    filters,
    ...(opts.sort === "date" ? { sort: { date: "desc" as const } } : {}),
  });
  const results = response?.results ?? [];
  const limited = opts.limit ? results.slice(0, opts.limit) : results;
  const hits = await Promise.all(
    limited.map(async (result): Promise<SearchHit> => {
      const data = await result.data();
      const { text, marks } = parseExcerpt(data.excerpt);
      return {
        headline: data.meta.title ?? data.url,
        source: data.meta.source ?? "",
        sourceId: data.meta.source_id ?? "",
        date: data.meta.date || null,
        published: data.meta.published || null,
        url: data.url,
        file: path.join(dir, decodeURI(data.url), "index.html"),
        excerpt: text,
        marks,
        score: result.score,
      };
    }),
  );
  return { kind: "ok", hits, total: results.length };
}

/** Sources in the index (filter values) with their ids from data/articles.json when present. */
async function knownSources(siteDir: string, bundle: PagefindBundle): Promise<Array<{ id: string; name: string }>> {
  const names = Object.keys((await bundle.filters()).source ?? {});
  const listed = (await readArticlesHead(path.join(siteDir, "data", "articles.json")))?.sources ?? [];
  return names.map((name) => ({ id: listed.find((s) => s.name === name)?.id ?? name, name }));
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Pagefind excerpts are HTML with <mark> around matches: plain text plus the marked ranges. */
export function parseExcerpt(html: string): { text: string; marks: Array<[number, number]> } {
  let text = "";
  const marks: Array<[number, number]> = [];
  let open = -1;
  for (const part of html.split(/(<\/?mark>)/)) {
    if (part === "<mark>") open = text.length;
    else if (part === "</mark>") {
      if (open >= 0) marks.push([open, text.length]);
      open = -1;
    } else text += decodeEntities(part.replace(/<[^>]*>/g, ""));
  }
  return { text, marks };
}
