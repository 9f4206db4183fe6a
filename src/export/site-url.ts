/**
 * Where the site is published, and the public URL of any site path. One place, so feeds, sitemaps,
 * JSON-LD and ninjs agree with the pages. HTML links stay root-relative and Eleventy's HTML <base>
 * plugin adds the path prefix; everything else (XML, JSON, JSON-LD inside <script>) is built here.
 */
import type { Diagnostic } from "../record/schema.ts";

export interface PublicLocation {
  /** Full URL of the site root, always ending in "/", e.g. "https://example.org/wire/"; null when unknown. */
  baseUrl: string | null;
  /** Path the site is served under, "/" or e.g. "/wire/" (Eleventy's pathPrefix). */
  pathPrefix: string;
}

export type LocationResult = { ok: true; location: PublicLocation } | { ok: false; diagnostic: Diagnostic };

/**
 * Accepts a full http(s) URL ("https://example.org/wire") or a bare path ("/wire/") when only the
 * sub-path is known. Query and fragment are meaningless for a site root and are refused.
 */
export function parseBaseUrl(input: string | null | undefined): LocationResult {
  const raw = input?.trim();
  if (!raw) return { ok: true, location: { baseUrl: null, pathPrefix: "/" } };
  if (raw.startsWith("/") && !raw.startsWith("//")) {
    if (/[?#\s]/.test(raw)) return invalid(raw);
    return { ok: true, location: { baseUrl: null, pathPrefix: withSlashes(raw) } };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return invalid(raw);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) return invalid(raw);
  const pathPrefix = withSlashes(url.pathname);
  return { ok: true, location: { baseUrl: `${url.origin}${pathPrefix}`, pathPrefix } };
}

function invalid(raw: string): LocationResult {
  return {
    ok: false,
    diagnostic: {
      severity: "error",
      rule: "bad-base-url",
      message: `Unexpected base URL "${raw}", expected an http(s) URL such as https://example.org/archive/ or a path such as /archive/`,
      hint: "Pass the address the site will be served from, without query or fragment, e.g. --base-url https://example.org/archive/.",
    },
  };
}

function withSlashes(pathname: string): string {
  const trimmed = pathname.replace(/\/{2,}/g, "/").replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/**
 * Public URL of a site path ("/articles/x/"): absolute when the base URL is known, otherwise the path
 * under the prefix. Paths are site-relative, so a leading "/" means the site root, not the host root.
 */
export function publicUrl(sitePath: string, location: PublicLocation): string {
  const relative = sitePath.replace(/^\/+/, "");
  if (location.baseUrl) return new URL(relative, location.baseUrl).href;
  return `${location.pathPrefix}${relative}`;
}
