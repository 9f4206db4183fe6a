/**
 * sitemap.xml (sitemaps.org protocol 0.9) listing every HTML page the build wrote, and robots.txt
 * pointing at it. Written after Eleventy finishes, from its list of written pages, so paginated pages
 * (one per article, source, month...) are all included whoever's template made them. The protocol
 * requires absolute <loc> URLs, so nothing is written when the base URL is unknown; robots.txt only
 * counts at the root of a host, so it is written only for a site served there.
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

export function sitemapXml(pages: readonly WrittenPage[], site: PublicLocation): string {
  const urls = sitemapUrls(pages, site).map((u) => `  <url><loc>${xmlText(u)}</loc></url>`);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...urls,
    `</urlset>`,
    "",
  ].join("\n");
}

export function robotsTxt(site: PublicLocation): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${publicUrl("/sitemap.xml", site)}\n`;
}

/** Writes sitemap.xml (and robots.txt at a host root) into `outDir`; returns the files written. */
export async function writeSitemap(pages: readonly WrittenPage[], site: PublicLocation, outDir: string): Promise<string[]> {
  if (!site.baseUrl) return [];
  const written = [path.join(outDir, "sitemap.xml")];
  await writeFile(written[0]!, sitemapXml(pages, site));
  if (site.pathPrefix === "/") {
    written.push(path.join(outDir, "robots.txt"));
    await writeFile(written[1]!, robotsTxt(site));
  }
  return written;
}
