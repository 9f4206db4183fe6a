/**
 * Internal link check over a built site: every href/src/action in every HTML page, resolved against
 * the page's own URL, must name a file that exists (a path, or a directory with index.html), and a
 * #fragment must name an element id in the target page. Links to the site's own absolute base URL
 * count as internal; other absolute URLs (http, mailto...) are external and not checked.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";

export interface BrokenLink {
  page: string;
  attribute: string;
  value: string;
  reason: string;
}

export interface LinkCheckResult {
  pages: number;
  links: number;
  broken: BrokenLink[];
}

const ORIGIN = "http://site.invalid";
const ATTRIBUTES: Array<[string, string]> = [
  ["a[href]", "href"],
  ["link[href]", "href"],
  ["script[src]", "src"],
  ["img[src]", "src"],
  ["source[src]", "src"],
  ["iframe[src]", "src"],
  ["form[action]", "action"],
];

export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(full));
    else if (entry.name.endsWith(".html")) out.push(full);
  }
  return out;
}

export function checkLinks(outDir: string, options: { pathPrefix?: string; baseUrl?: string | null } = {}): LinkCheckResult {
  const prefix = options.pathPrefix ?? "/";
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idsCache.get(file);
    if (!ids) {
      const { document } = parseHTML(readFileSync(file, "utf8"));
      ids = new Set([...document.querySelectorAll("[id]")].map((el) => el.getAttribute("id")!));
      for (const el of document.querySelectorAll("a[name]")) ids.add(el.getAttribute("name")!);
      idsCache.set(file, ids);
    }
    return ids;
  };
  const pages = htmlFiles(outDir);
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const file of pages) {
    const rel = path.relative(outDir, file).split(path.sep).join("/");
    const pageUrl = prefix + (rel.endsWith("index.html") ? rel.slice(0, -"index.html".length) : rel);
    const { document } = parseHTML(readFileSync(file, "utf8"));
    for (const [selector, attribute] of ATTRIBUTES) {
      for (const el of document.querySelectorAll(selector)) {
        const value = el.getAttribute(attribute)!.trim();
        links++;
        const fail = (reason: string) => broken.push({ page: pageUrl, attribute: `${selector.split("[")[0]}[${attribute}]`, value, reason });
        let target = value;
        if (options.baseUrl && value.startsWith(options.baseUrl)) target = prefix + value.slice(options.baseUrl.length);
        else if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) {
          if (/^javascript:/i.test(value)) fail("javascript: URL");
          else if (options.baseUrl && new URL(value).origin === new URL(options.baseUrl).origin) fail("same host, outside the site's base URL");
          continue;
        }
        const url = new URL(target, ORIGIN + pageUrl);
        let pathname = decodeURIComponent(url.pathname);
        if (!pathname.startsWith(prefix)) {
          fail(`outside the path prefix ${prefix}`);
          continue;
        }
        pathname = pathname.slice(prefix.length);
        const onDisk = path.join(outDir, pathname);
        let resolved: string | null = null;
        if (pathname === "" || pathname.endsWith("/")) resolved = existsSync(path.join(onDisk, "index.html")) ? path.join(onDisk, "index.html") : null;
        else if (existsSync(onDisk) && statSync(onDisk).isFile()) resolved = onDisk;
        else if (existsSync(path.join(onDisk, "index.html"))) resolved = path.join(onDisk, "index.html");
        if (!resolved) {
          fail(`no file for ${url.pathname}`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && resolved.endsWith(".html") && !idsOf(resolved).has(fragment)) fail(`no element #${fragment} in ${url.pathname}`);
      }
    }
  }
  return { pages: pages.length, links, broken };
}
