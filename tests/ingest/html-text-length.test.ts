import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { isJsSpace, linkDensity, normalizedTextLength } from "../../src/ingest/html-text-length.ts";

const docOf = (html: string) => (parseHTML(html) as unknown as { document: Document }).document;
const el = (html: string) => docOf(`<html><body><div id="x">${html}</div></body></html>`).getElementById("x")!;

/** Readability's own `_getInnerText(node).length` and `_getLinkDensity(node)`, the figures to match. */
const stock = new Readability(docOf("<html><body></body></html>")) as unknown as {
  _getInnerText(n: Node): string;
  _getLinkDensity(n: Element): number;
};

describe("isJsSpace", () => {
  it("agrees with \\s on every code unit", () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isJsSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c.toString(16));
    expect(wrong).toEqual([]);
  });
});

describe("normalizedTextLength", () => {
  it("counts the text trimmed, with each whitespace run across text nodes made one space", () => {
    // "Talks  in <b> Geneva</b>\n\n<i>resume</i> " -> "Talks in Geneva resume" (22)
    expect(normalizedTextLength(el(`  Talks  in <b> Geneva</b>\n\n<i>resume</i> `))).toBe(22);
    // Adjacent text without space stays joined: "ab" + "cd" -> "abcd"; blank nodes in between make one space.
    expect(normalizedTextLength(el(`<b>ab</b><i>cd</i>`))).toBe(4);
    expect(normalizedTextLength(el(`<b>ab</b><span> </span><span>\n</span><i>cd</i>`))).toBe(5);
    expect(normalizedTextLength(el(`<span>  </span>`))).toBe(0);
    expect(normalizedTextLength(el(``))).toBe(0);
  });

  it("matches Readability's _getInnerText(...).length, non-breaking spaces included", () => {
    for (const html of [`a\u00a0\u00a0b <p> c </p>`, `<p>x</p>\n<p>y</p>`, `\u3000z\ufeff`, `<ul><li>one</li> <li> two  three</li></ul>`]) {
      const node = el(html);
      expect(normalizedTextLength(node), html).toBe(stock._getInnerText(node).length);
    }
  });
});

describe("linkDensity", () => {
  it("is the links' share of the text, #fragment links weighing 0.3, nested links counted at each level", () => {
    // Text "Read the full story here now" (28); link "full story" (10).
    expect(linkDensity(el(`Read the <a href="/s">full story</a> here now`))).toBeCloseTo(10 / 28, 10);
    // "Jump to top" (11) of "Jump to top" -> 0.3 weight.
    expect(linkDensity(el(`<a href="#top">Jump to top</a>`))).toBeCloseTo(0.3, 10);
    // Outer link "ab cd" (5) and inner link "cd" (2) over "ab cd" (5).
    expect(linkDensity(el(`<a href="/o">ab <a href="/i">cd</a></a>`))).toBeCloseTo(stock._getLinkDensity(el(`<a href="/o">ab <a href="/i">cd</a></a>`)), 10);
    expect(linkDensity(el(``))).toBe(0);
  });

  it("gives Readability's figure on a page with menus, teasers and an article", () => {
    const doc = docOf(`<html><body>
      <div id="nav"><a href="/">Home</a> | <a href="/world">World</a>\n<a href="#search">Search</a></div>
      <div id="story"><p>Kerry and Lavrov met  in Geneva, <a href="/kerry">said</a> officials.</p>
      <p>  Talks resumed on <b>Friday</b>\n\n<a href="/friday"> with experts </a> </p></div></body></html>`);
    for (const node of [doc.getElementById("nav")!, doc.getElementById("story")!, doc.body]) {
      expect(linkDensity(node)).toBeCloseTo(stock._getLinkDensity(node), 12);
    }
  });

  it("reads a text node again when its value changed", () => {
    const node = el(`<a href="/a">abc</a> def`);
    expect(linkDensity(node)).toBeCloseTo(3 / 7, 10);
    node.querySelector("a")!.firstChild!.nodeValue = "abcdefg";
    expect(linkDensity(node)).toBeCloseTo(7 / 11, 10);
  });
});
