/** Copies the site's own static assets (stylesheets, search scripts, icon) to /assets/. Nothing is loaded from elsewhere. */
import { cp } from "node:fs/promises";
import path from "node:path";
import { CODE_DIR } from "../code-dir.ts";
import { listFiles } from "../search/bundle-size.ts";

export const ASSETS_DIR = path.join(CODE_DIR, "layouts", "assets");

/**
 * Copied by the render step itself, after Eleventy's runs, not as Eleventy passthrough copy: a failing
 * template ends a run while its passthrough copy is still writing, and that copy's failure (its folder
 * gone with the failed build's) surfaced as an unhandled rejection that crashed the process.
 */
export async function copyAssets(outDir: string): Promise<void> {
  await cp(ASSETS_DIR, path.join(outDir, "assets"), { recursive: true });
}

/** The files `copyAssets` puts in a site, relative to it ("assets/site.css"). */
export function assetFiles(): string[] {
  return listFiles(ASSETS_DIR).map((file) => `assets/${file}`);
}
