/**
 * `wire-archive dev` as a real process on a temp copy of the repository: it serves the site with the
 * live-reload script (never in the built files), rebuilds when a report is dropped into seeds/ or a
 * source file changes, tells the browser to reload, and keeps serving the previous site when a
 * rebuild fails.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempRoot, removeTempRoot, spawnCliIn } from "../build/temp-root.ts";

let root: string;
let dev: ReturnType<typeof spawnCliIn>;
let url: string;
let events = "";
let stream: ReadableStreamDefaultReader<Uint8Array> | undefined;

async function until(what: string, check: () => boolean, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; dev output:\n${dev.output()}`);
    if (dev.exitCode !== null) throw new Error(`dev exited (${dev.exitCode}) while waiting for ${what}:\n${dev.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

beforeAll(async () => {
  root = makeTempRoot("wa-dev-");
  dev = spawnCliIn(root, ["dev", "--port", "0"]);
  await until("the URL", () => /Serving http:\/\/localhost:\d+\//.test(dev.output()));
  url = /Serving (http:\/\/localhost:\d+\/)/.exec(dev.output())![1];
  await until("the first build", () => dev.output().includes("Rebuilt in"));
  const res = await fetch(`${url}__dev/events`);
  stream = res.body!.getReader();
  void (async () => {
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await stream!.read().catch(() => ({ value: undefined, done: true }));
      if (done) break;
      events += decoder.decode(value, { stream: true });
    }
  })();
  await until("the event stream", () => events.includes(": connected"));
}, 200_000);

afterAll(async () => {
  await stream?.cancel().catch(() => {});
  if (dev && dev.exitCode === null) {
    dev.kill("SIGTERM");
    await dev.exited;
  }
  removeTempRoot(root);
});

describe("wire-archive dev", () => {
  it("serves pages with the reload script, which the built files never contain", async () => {
    const home = await (await fetch(url)).text();
    expect(home).toContain('<script src="/__dev/reload.js" defer></script></body>');
    expect(readFileSync(path.join(root, "_site/index.html"), "utf8")).not.toContain("__dev");
    const script = await fetch(`${url}__dev/reload.js`);
    expect(script.headers.get("content-type")).toContain("javascript");
    expect(await script.text()).toContain('new EventSource("/__dev/events")');
  });

  it("a report dropped into seeds/ is built and the browser told to reload", async () => {
    const reloads = count(events, "event: reload");
    writeFileSync(
      path.join(root, "seeds/harbour-bridge.txt"),
      "Harbour bridge reopens after repairs\n\nPublished: 3 June 2014\n\nThe harbour bridge reopened to traffic on Tuesday after six weeks of repairs to its deck, the city council said.\n",
    );
    await until("a reload event", () => count(events, "event: reload") > reloads);
    expect(await (await fetch(url)).text()).toContain("Harbour bridge reopens after repairs");
  }, 150_000);

  it("a failing rebuild is reported, in the terminal and the browser, and the previous site stays", async () => {
    const layout = path.join(root, "layouts/pages/index.njk");
    const good = readFileSync(layout, "utf8");
    writeFileSync(layout, `${good}\n{% if %}\n`);
    await until("a build-failed event", () => events.includes("event: build-failed"));
    expect(dev.output()).toContain("Rebuild failed");
    expect(events).toContain("index.njk");
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Harbour bridge reopens after repairs");

    const reloads = count(events, "event: reload");
    writeFileSync(layout, good);
    await until("a reload after the fix", () => count(events, "event: reload") > reloads);
  }, 150_000);

  it("an edit to src/ takes effect on the next rebuild, without a restart", async () => {
    const file = path.join(root, "src/site/render-site.ts");
    const code = readFileSync(file, "utf8");
    if (!code.includes('name: "Wire Archive"')) return void console.warn('skipped: src/site/render-site.ts no longer sets name: "Wire Archive"');
    const reloads = count(events, "event: reload");
    writeFileSync(file, code.replace('name: "Wire Archive"', 'name: "Wire Archive (edited live)"'));
    await until("a reload after the code edit", () => count(events, "event: reload") > reloads);
    expect(await (await fetch(url)).text()).toContain("Wire Archive (edited live)");
  }, 150_000);

  it("stops on SIGTERM", async () => {
    dev.kill("SIGTERM");
    expect(await dev.exited).toBe(0);
  }, 30_000);
});
