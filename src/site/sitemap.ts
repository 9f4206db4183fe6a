/**
 * sitemap.xml (sitemaps.org protocol 0.9) listing every HTML page the build wrote, and robots.txt
 * pointing at it. Written after Eleventy finishes, from its list of written pages, so paginated pages
 * (one per article, source, month...) are all included whoever's template made them. The protocol
 * requires absolute <loc> URLs, so nothing is written when the base URL is unknown; robots.txt only
 * counts at the root of a host, so it is written only for a site served there. A file may list at most
 * 50,000 URLs (a 50,000-report site has some 120,000 pages): past that, sitemap.xml is a sitemap index
 * of sitemap-1.xml, sitemap-2.xml, ..., each within the limit.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { publicUrl, type PublicLocation } from "../export/site-url.ts";
import { xmlText } from "../export/xml-text.ts";

/** What the sitemap reads of each page Eleventy wrote. */
export interface WrittenPage {
  url: string | false;
  outputPath: string | false;
}

/** Public URLs of the HTML pages, sorted and without duplicates. */
export function sitemapUrls(pages: readonly WrittenPage[], site: PublicLocation): string[] {
  const paths = pages
    .filter((p) => typeof p.url === "string" && typeof p.outputPath === "string" && p.outputPath.endsWith(".html"))
    .map((p) => p.url as string);
  return [...new Set(paths)].sort().map((p) => publicUrl(p, site));
}

/** URLs a sitemap file may list (sitemaps.org). Ours are about 100 bytes each: far under its 50 MB. */
export const MAX_SITEMAP_URLS = 50_000;

/** The sitemap files of the site, by file name: sitemap.xml alone, or an index of numbered parts. */
export function sitemapFiles(pages: readonly WrittenPage[], site: PublicLocation, maxUrls = MAX_SITEMAP_URLS): Array<{ name: string; xml: string }> {
  const urls = sitemapUrls(pages, site);
  if (urls.length <= maxUrls) return [{ name: "sitemap.xml", xml: urlSet(urls) }];
  const parts: Array<{ name: string; xml: string }> = [];
  for (let from = 0; from < urls.length; from += maxUrls) parts.push({ name: `sitemap-${parts.length + 1}.xml`, xml: urlSet(urls.slice(from, from + maxUrls)) });
  const index = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...parts.map((p) => `  <sitemap><loc>${xmlText(publicUrl(`/${p.name}`, site))}</loc></sitemap>`),
    `</sitemapindex>`,
    "",
  ].join("\n");
  return [{ name: "sitemap.xml", xml: index }, ...parts];
}

function urlSet(urls: readonly string[]): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...urls.map((u) => `  <url><loc>${xmlText(u)}</loc></url>`),
    `</urlset>`,
    "",
  ].join("\n");
}

export function robotsTxt(site: PublicLocation): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${publicUrl("/sitemap.xml", site)}\n`;
}

/** Writes the sitemap files (and robots.txt at a host root) into `outDir`; returns the files written. */
export async function writeSitemap(pages: readonly WrittenPage[], site: PublicLocation, outDir: string): Promise<string[]> {
  if (!site.baseUrl) return [];
  const written: string[] = [];
  for (const { name, xml } of sitemapFiles(pages, site)) {
    written.push(path.join(outDir, name));
    await writeFile(written.at(-1)!, xml);
  }
  if (site.pathPrefix === "/") {
    written.push(path.join(outDir, "robots.txt"));
    await writeFile(written.at(-1)!, robotsTxt(site));
  }
  return written;
}
