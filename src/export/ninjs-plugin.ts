/** Registers the ninjs filters used by layouts/pages/ninjs.njk (one JSON file per report). */
import type { UserConfig } from "@11ty/eleventy";
import { ninjsJson, ninjsPath } from "./ninjs.ts";

export default function ninjsPlugin(config: UserConfig): void {
  config.addFilter("ninjsJson", ninjsJson);
  config.addFilter("ninjsPath", ninjsPath);
}
