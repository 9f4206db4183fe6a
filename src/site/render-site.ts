/**
 * Renders the archive to a static site with Eleventy 3, configured by `.eleventy.ts`.
 * The archive reaches templates as the global `archive`; site settings as the global `site`; the
 * archive regrouped for publishing (months, sources, feeds) as the global `publish`.
 * A base URL with a path ("https://example.org/wire/") becomes Eleventy's pathPrefix, which the HTML
 * <base> plugin applies to every root-relative link in HTML output.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { Archive } from "../archive/types.ts";
import { buildPublishIndex, type PublishIndex } from "../export/archive-index.ts";
import { parseBaseUrl } from "../export/site-url.ts";
import { writeNinjsFiles } from "../export/write-ninjs.ts";
import rawReportsPlugin from "./raw-reports.ts";
import sitemapPlugin from "./sitemap.ts";
import { ensureTypeScriptImports } from "./typescript-imports.ts";

const REPO_DIR = fileURLToPath(new URL("../../", import.meta.url));
export const CONFIG_PATH = path.join(REPO_DIR, ".eleventy.ts");
export const TEMPLATES_DIR = path.join(REPO_DIR, "layouts");

export interface RenderSiteOptions {
  archive: Archive;
  outDir: string;
  /** Directory the records' `sourceFile` paths are relative to. */
  rootDir: string;
  /**
   * Where the site is published, e.g. "https://archive.example.org/" or "https://example.org/wire/";
   * used for canonical URLs, feeds, sitemap and citations. A bare path ("/wire/") sets only the prefix.
   */
  baseUrl?: string;
  /** Silence Eleventy's own console output (default true: the caller reports). */
  quiet?: boolean;
  /** Called with each HTML page as it is written (its site URL and final HTML): the search indexer. */
  onPage?: (url: string, html: string) => void;
}

type PageInfo = { url: string | false; outputPath: string | false };

/** Site-wide values templates read as `site.*`. */
export interface SiteData {
  name: string;
  /** Normalised: absolute, ending in "/"; null when not given (pages then use root-relative URLs). */
  baseUrl: string | null;
  /** "/" or the sub-path the site is served under, e.g. "/wire/". */
  pathPrefix: string;
  generatedAt: string;
}

export async function renderSite(options: RenderSiteOptions): Promise<{ pages: number }> {
  // Eleventy imports its config with Node's own loader; make sure that loader understands .ts.
  ensureTypeScriptImports();
  const location = parseBaseUrl(options.baseUrl);
  // A base URL the site cannot be published under is a usage error: stop before writing anything.
  if (!location.ok) throw new Error(`${location.diagnostic.message}\n  ${location.diagnostic.hint}`);
  const site: SiteData = {
    name: "Wire Archive",
    ...location.location,
    generatedAt: options.archive.generatedAt,
  };
  const publish: PublishIndex = buildPublishIndex(options.archive, site.name);
  const eleventy = new Eleventy(TEMPLATES_DIR, path.resolve(options.outDir), {
    configPath: CONFIG_PATH,
    quietMode: options.quiet ?? true,
    pathPrefix: site.pathPrefix,
    config(eleventyConfig) {
      eleventyConfig.addGlobalData("archive", options.archive);
      eleventyConfig.addGlobalData("site", site);
      eleventyConfig.addGlobalData("publish", publish);
      eleventyConfig.addPlugin(rawReportsPlugin, {
        records: options.archive.records,
        rootDir: path.resolve(options.rootDir),
      });
      eleventyConfig.addPlugin(sitemapPlugin, { site });
      const onPage = options.onPage;
      if (onPage) {
        // Registered last, so it sees each page as written (after the other transforms).
        eleventyConfig.addTransform("wire-archive:on-page", function (this: { page: PageInfo }, content: string) {
          const { url, outputPath } = this.page;
          if (typeof url === "string" && typeof outputPath === "string" && outputPath.endsWith(".html")) onPage(url, content);
          return content;
        });
      }
    },
  });
  // Eleventy prints its summary line even in quiet mode; the caller does its own reporting.
  if (options.quiet ?? true) eleventy.disableLogger();
  try {
    const [, templates] = await eleventy.write();
    const pages = templates.filter((t) => typeof t.outputPath === "string" && t.outputPath.endsWith(".html"));
    await writeNinjsFiles(path.resolve(options.outDir), options.archive.records, site);
    return { pages: pages.length };
  } catch (error) {
    throw new Error(`Site rendering failed: ${describeError(error)}`, { cause: error });
  }
}

/** Eleventy wraps the template engine's error (file, line, column) in its own; show the whole chain. */
export function describeError(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    if (message && !messages.includes(message)) messages.push(message.trim());
    const next = current as { originalError?: unknown; cause?: unknown };
    current = next.originalError ?? next.cause;
  }
  return messages.join("\n  caused by: ");
}
