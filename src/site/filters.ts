/** Template filters: every computation a template needs, so templates only read data. */
import type { UserConfig } from "@11ty/eleventy";
import { formatIsoDate, formatPublished, publishedDatetime } from "./dates.ts";
import { groupBlocks, summaryOf } from "./blocks.ts";
import { absoluteUrl, articlePath, blockAnchor, rawReportPath, safeHref } from "./links.ts";
import { formatCount } from "../util/format-count.ts";

export default function filtersPlugin(config: UserConfig): void {
  config.addFilter("humanDate", formatPublished);
  config.addFilter("datetime", publishedDatetime);
  config.addFilter("isoDateHuman", formatIsoDate);
  config.addFilter("groupBlocks", groupBlocks);
  config.addFilter("summary", summaryOf);
  config.addFilter("articlePath", articlePath);
  config.addFilter("rawPath", rawReportPath);
  config.addFilter("anchor", blockAnchor);
  config.addFilter("absoluteUrl", absoluteUrl);
  config.addFilter("safeHref", safeHref);
  config.addFilter("count", formatCount);
}
