/**
 * In a real browser: the new listing pages pass axe, and the print stylesheet leaves a citable page
 * (headline, source, date, body, citation with URL) without site chrome.
 */
import { rm } from "node:fs/promises";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, shouldRunBrowserTests } from "../helpers/browser.ts";
import { startStaticServer, type StaticServer } from "../helpers/static-server.ts";
import { buildPublishSite, type BuiltSite } from "./build-publish-site.ts";

describe.skipIf(!shouldRunBrowserTests())("publishing pages in a browser", () => {
  let browser: Browser;
  let server: StaticServer;
  let site: BuiltSite;

  beforeAll(async () => {
    site = await buildPublishSite(undefined);
    server = await startStaticServer(site.outDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site) await rm(site.rootDir, { recursive: true, force: true });
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it.each(["/sources/", "/sources/afp/", "/archive/", "/archive/2013/09/"])(`%s has no axe violations (${colorScheme})`, async (urlPath) => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        expect((await page.goto(server.url + urlPath))?.status()).toBe(200);
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("prints an article as headline, source, date, body and citation, without site chrome", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/articles/us-russia-third-day/`);
      await page.emulateMedia({ media: "print" });
      const shown = (selector: string) =>
        page.evaluate((s) => {
          const el = document.querySelector(s);
          return !!el && getComputedStyle(el).display !== "none" && (el as HTMLElement).offsetParent !== null;
        }, selector);
      for (const hidden of [".site-header", ".site-footer", ".skip-link", ".report__footer .audit", "details.provenance"]) {
        expect(await shown(hidden), hidden).toBe(false);
      }
      for (const visible of [".report__headline", ".report__header .meta__source", ".report__header time", "#b0", ".citation"]) {
        expect(await shown(visible), visible).toBe(true);
      }
      const citation = await page.textContent(".citation");
      expect(citation).toContain("US and Russia enter third day of Syria talks");
      expect(citation).toContain("/articles/us-russia-third-day/");
      // Printed in black on white whatever the screen's colour scheme.
      expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe("rgb(0, 0, 0)");
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    } finally {
      await context.close();
    }
  });
});
