/**
 * Eleventy 3 configuration. Loaded by `renderSite` (src/site/render-site.ts), which passes this path
 * explicitly and injects the archive as global data; each concern is its own plugin in src/site/.
 */
import type { UserConfig } from "@11ty/eleventy";
import filtersPlugin from "./src/site/filters.ts";
import assetsPlugin from "./src/site/assets.ts";

export default function (eleventyConfig: UserConfig): void {
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPlugin(assetsPlugin);
}

// Input (layouts/) and output come from renderSite's constructor arguments: a `dir` export here would
// override them. Page templates live in layouts/pages/, base layouts and partials in layouts/_includes/.
export const config = {
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
