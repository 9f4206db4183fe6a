/** Copies the site's own static assets (one stylesheet) to /assets/. Nothing is loaded from elsewhere. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { UserConfig } from "@11ty/eleventy";

export const ASSETS_DIR = fileURLToPath(new URL("../../layouts/assets/", import.meta.url));

export default function assetsPlugin(config: UserConfig): void {
  // Eleventy resolves passthrough sources from the working directory; relative keeps it portable.
  config.addPassthroughCopy({ [path.relative(process.cwd(), ASSETS_DIR) || "."]: "assets" });
}
