/** The slice of @11ty/eleventy-plugin-rss 3 this project uses (the package ships no declarations). */
declare module "@11ty/eleventy-plugin-rss" {
  import type { UserConfig } from "@11ty/eleventy";
  /** Registers the feed date/URL filters and Eleventy's HTML <base> plugin (pathPrefix rewriting). */
  export function rssPlugin(config: UserConfig, options?: Record<string, unknown>): void;
  /** RFC 3339 without milliseconds, UTC: "2013-09-14T07:13:00Z". */
  export function dateToRfc3339(date: Date): string;
  export function dateToRfc822(date: Date): string;
}
