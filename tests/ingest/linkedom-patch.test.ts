/**
 * patches/linkedom+*.patch (applied by `npm install`'s postinstall, patch-package): linkedom's
 * EventTarget makes its listener map on the first addEventListener instead of in every node's
 * constructor. A WeakMap entry per node (elements, text, attributes) was a fifth of the HTML path's
 * time in garbage collection. These tests check the patch is in effect and that events still work.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";

// The parser loads linkedom's CommonJS build (src/ingest/html-to-lines.ts); the patch covers both.
const commonJsParseHTML = (createRequire(import.meta.url)("linkedom") as typeof import("linkedom")).parseHTML;

describe("linkedom with lazy listener maps", () => {
  it.each([
    ["ES module", parseHTML],
    ["CommonJS", commonJsParseHTML],
  ])("builds a document without a WeakMap entry per node (patch-package applied the patch): %s build", (_build, parseHTML) => {
    const html = `<html><body>${'<p class="a">x <b>y</b></p>'.repeat(100)}</body></html>`;
    const original = WeakMap.prototype.set;
    let sets = 0;
    WeakMap.prototype.set = function (this: WeakMap<object, unknown>, key: object, value: unknown) {
      sets++;
      return original.call(this, key, value);
    };
    let elements = 0;
    try {
      const { document } = parseHTML(html);
      elements = document.querySelectorAll("*").length;
    } finally {
      WeakMap.prototype.set = original;
    }
    expect(elements).toBeGreaterThan(200);
    // Unpatched, each of the ~700 nodes (elements, texts, attributes) adds one; run `npx patch-package` if this fails.
    expect(sets).toBeLessThan(10);
  });

  it("still calls listeners, bubbles, and stops calling a removed listener", () => {
    const { document, Event } = parseHTML("<html><body><div id=outer><p id=inner>text</p></div></body></html>");
    const outer = document.getElementById("outer")!;
    const inner = document.getElementById("inner")!;
    const calls: string[] = [];
    const onInner = () => calls.push("inner");
    inner.addEventListener("ping", onInner);
    outer.addEventListener("ping", (e: Event) => calls.push(`outer:${(e.target as Element).id}`));
    inner.dispatchEvent(new Event("ping", { bubbles: true }));
    expect(calls).toEqual(["inner", "outer:inner"]);
    inner.removeEventListener("ping", onInner);
    inner.dispatchEvent(new Event("ping", { bubbles: false }));
    expect(calls).toEqual(["inner", "outer:inner"]);
  });

  it("lets a node that never had a listener dispatch events and remove listeners", () => {
    const { document, Event } = parseHTML("<html><body><span>x</span></body></html>");
    const span = document.querySelector("span")!;
    expect(() => span.removeEventListener("ping", () => {})).not.toThrow();
    expect(span.dispatchEvent(new Event("ping"))).toBe(true);
  });
});
