/** Accessibility: axe-core in headless chromium finds no violations on the rendered fixture site. */
import { rm } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { checkPage, launchChromium, shouldRunBrowserTests } from "../helpers/browser.ts";
import { startStaticServer, type StaticServer } from "../helpers/static-server.ts";
import { buildFixtureSite } from "./build-fixture-site.ts";

const PAGES = [
  "/",
  "/articles/us-russia-third-day/",
  "/articles/agency-wire-third-day/",
  "/articles/undated-markup/",
  "/articles/withdrawn-report/",
  "/timeline/",
  "/search/",
];

describe.skipIf(!shouldRunBrowserTests())("accessibility (axe)", () => {
  let browser: Browser;
  let server: StaticServer;
  let rootDir: string;

  beforeAll(async () => {
    const site = await buildFixtureSite();
    rootDir = site.rootDir;
    server = await startStaticServer(site.outDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (rootDir) await rm(rootDir, { recursive: true, force: true });
  });

  // Both colour schemes (dark mode has its own palette, so its own contrast) and the narrowest phone.
  const VIEWS = [
    ["light", 1280, "desktop"],
    ["dark", 1280, "desktop"],
    ["light", 360, "phone"],
  ] as const;
  for (const [colorScheme, width, device] of VIEWS) {
    it.each(PAGES)(`%s has no violations (${colorScheme}, ${device})`, async (urlPath) => {
      await checkPage(browser, server.url + urlPath, { colorScheme, width, height: 800 });
    });
  }
});
