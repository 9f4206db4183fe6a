/**
 * Eleventy 3 configuration. Loaded by `renderSite` (src/site/render-site.ts), which passes this path
 * explicitly and injects the archive as global data; each concern is its own plugin in src/site/.
 */
import type { UserConfig } from "@11ty/eleventy";
import feedsPlugin from "./src/site/feeds-plugin.ts";
import structuredDataPlugin from "./src/site/structured-data.ts";
import filtersPlugin from "./src/site/filters.ts";
import timelinePlugin from "./src/site/timeline-plugin.ts";
import storiesPlugin from "./src/site/stories-plugin.ts";
import nunjucksCompileCachePlugin from "./src/site/nunjucks-compile-cache.ts";

export default function (eleventyConfig: UserConfig): void {
  // Before filtersPlugin: the RSS plugin inside feedsPlugin defines its own `absoluteUrl` filter, and
  // the project's (added later) must be the one templates get.
  eleventyConfig.addPlugin(feedsPlugin);
  eleventyConfig.addPlugin(structuredDataPlugin);
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPlugin(timelinePlugin);
  eleventyConfig.addPlugin(storiesPlugin);
  eleventyConfig.addPlugin(nunjucksCompileCachePlugin);
}

// Input (layouts/) and output come from renderSite's constructor arguments: a `dir` export here would
// override them. Page templates live in layouts/pages/, base layouts and partials in layouts/_includes/.
export const config = {
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
