/**
 * The timeline page and a per-source page in headless chromium: no axe violations (light and dark,
 * desktop and phone), nothing overflowing sideways, and on a phone the events keep a readable column.
 * Screenshots at 1280 and 390 wide are written to a temp dir (path logged) for a human to look at.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPage, launchChromium, shouldRunBrowserTests } from "../helpers/browser.ts";
import { startStaticServer, type StaticServer } from "../helpers/static-server.ts";
import { buildSeedSite, type SeedSite } from "./page-site.ts";

describe.skipIf(!shouldRunBrowserTests())("timeline pages in a browser", () => {
  let browser: Browser;
  let server: StaticServer;
  let site: SeedSite;
  let shotsDir: string;
  let pages: string[];

  beforeAll(async () => {
    site = await buildSeedSite();
    server = await startStaticServer(site.outDir);
    browser = await launchChromium();
    shotsDir = await mkdtemp(path.join(os.tmpdir(), "wire-timeline-shots-"));
    const bbc = site.archive.records.find((r) => r.source.name === "BBC")!;
    pages = ["/timeline/", `/timeline/source/${bbc.source.id}/`];
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site) await rm(site.tmpDir, { recursive: true, force: true });
    if (shotsDir) console.info(`timeline screenshots kept in ${shotsDir}`);
  });

  const VIEWS = [
    ["light", 1280, "desktop"],
    ["dark", 1280, "desktop"],
    ["light", 390, "phone"],
    ["dark", 360, "phone"],
  ] as const;

  for (const [colorScheme, width, device] of VIEWS) {
    // The per-source page shares every template with /timeline/: light mode is enough for it.
    for (const which of colorScheme === "dark" ? [0] : [0, 1]) {
      it(`${which ? "a per-source page" : "/timeline/"} passes axe and fits (${colorScheme}, ${device} ${width}px)`, async () => {
        await checkPage(browser, server.url + pages[which], { colorScheme, width, height: 900 }, async (page) => {
          // Readable on a phone: the event text gets (nearly) the whole width, not a squeezed column.
          const textWidth = await page.evaluate(() => document.querySelector(".tl-event__text")!.getBoundingClientRect().width);
          expect(textWidth).toBeGreaterThan(width === 1280 ? 450 : width - 90);
          if (colorScheme === "light") {
            await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = false)));
            await page.screenshot({ path: path.join(shotsDir, `${which ? "source" : "timeline"}-${width}.png`), fullPage: true });
          }
        });
      });
    }
  }

  it("an article page with timeline marks passes axe", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
    try {
      const page = await context.newPage();
      const record = site.archive.records.find((r) => r.source.name === "BBC")!;
      await page.goto(`${server.url}/articles/${record.id}/`);
      expect(await page.locator("a.tl-ref").count()).toBeGreaterThan(0);
      const results = await new AxeBuilder({ page }).include(".report__body").analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
