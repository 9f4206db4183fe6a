/**
 * Headless Debian chromium for browser tests (playwright-core ships no browser). When chromium is
 * missing, tests skip with a loud message, except on CI (CI=true) where they must fail instead.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface ChromiumStatus {
  available: boolean;
  /** True on CI: a missing browser is a failure, not a skip. */
  mustRun: boolean;
  message: string;
}

export function chromiumStatus(): ChromiumStatus {
  const available = existsSync(CHROMIUM_PATH);
  const mustRun = process.env.CI === "true";
  const message = available
    ? `chromium found at ${CHROMIUM_PATH}`
    : `\n${"!".repeat(72)}\n!! chromium not found at ${CHROMIUM_PATH}: browser tests ${mustRun ? "FAIL (CI=true)" : "are SKIPPED"}.\n!! Install it: apt-get install -y chromium (or set CHROMIUM_PATH).\n${"!".repeat(72)}\n`;
  return { available, mustRun, message };
}

/** Announces a missing browser once; returns whether the browser suite should be declared at all. */
export function shouldRunBrowserTests(): boolean {
  const status = chromiumStatus();
  if (!status.available) console.warn(status.message);
  return status.available || status.mustRun;
}

export async function launchChromium(): Promise<Browser> {
  const status = chromiumStatus();
  if (!status.available) throw new Error(status.message);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

/** axe's violations on the page, as readable lines (empty when clean); collapsed panels are opened first. */
export async function axeViolations(page: import("playwright-core").Page): Promise<string[]> {
  const { AxeBuilder } = await import("@axe-core/playwright");
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
}

/**
 * Opens `url` in a fresh context (colour scheme, viewport), expects it served with 200, passes axe
 * and fits the width (no sideways scroll); runs `more` on the page, then expects no console errors.
 */
export async function checkPage(
  browser: Browser,
  url: string,
  view: { colorScheme: "light" | "dark"; width: number; height: number },
  more?: (page: import("playwright-core").Page) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ colorScheme: view.colorScheme, viewport: { width: view.width, height: view.height } });
  try {
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    // Nothing overflows sideways on a narrow screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await more?.(page);
    expect(consoleErrors).toEqual([]);
  } finally {
    await context.close();
  }
}

/**
 * Waits for Pagefind's results for `term`. The summary's count is printed before the hits, and each
 * hit's fragment is fetched on its own (only once it scrolls into view): this waits for the first
 * hit; callers poll for lists of several.
 */
export async function waitForSearchResults(page: Page, term: string): Promise<void> {
  const summary = page.locator("pagefind-summary").filter({ hasText: new RegExp(`\\d+ results? for ${term}`) });
  await summary.waitFor();
  const count = Number(/(\d+) results? for/.exec((await summary.textContent()) ?? "")?.[1] ?? 0);
  await page.waitForFunction(
    (n) => !document.querySelector("pagefind-results ul[aria-busy='true']") && document.querySelectorAll(".search-hit").length >= Math.min(n, 1),
    count,
  );
}

/**
 * Opens a group of the search page's filter pane (a closed `<details>`, by its filter name) if it is
 * closed, as a reader taps it. Pagefind draws the pane again when a shard brings new values, closing
 * the groups: pollers call this again each time.
 */
export async function openFilterGroup(page: Page, name: string): Promise<void> {
  const closed = page.locator(`pagefind-filter-pane details[data-filter-name="${name}"]:not([open]) > summary`);
  if ((await closed.count()) > 0) await closed.first().click();
}
