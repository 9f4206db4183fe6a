import { describe, expect, it } from "vitest";
import { stripHtmlSource } from "../../src/ingest/html-strip-source.ts";

const KEEP = new Set(["class", "id", "href", "style", "name", "content", "property", "type", "datetime", "pubdate"]);
const strip = (html: string) => stripHtmlSource(html, KEEP);

describe("stripHtmlSource", () => {
  it("cuts comments, scripts, styles, templates, noscript, svg and textarea whole", () => {
    expect(
      strip(
        `<p>a</p><!-- <p>hidden</p> --><script>if (a < b) document.write("<p>x</p>")</script><style>p{color:red}</style>` +
          `<template><p>t</p></template><noscript>Enable JS</noscript><svg><text>s</text></svg><textarea>c</textarea><p>b</p>`,
      ),
    ).toBe("<p>a</p><p>b</p>");
  });

  it("keeps JSON-LD scripts and <title> as written, even with tag-like text inside", () => {
    const ld = `<script type="application/ld+json">{"articleBody":"<p class=\\"x\\" data-a=\\"1\\">Hi</p>"}</script>`;
    const title = `<title>Use <b data-x="1"> in HTML</title>`;
    expect(strip(ld + title)).toBe(ld + title);
  });

  it("drops unread attributes and keeps the read ones in order, whatever the quoting", () => {
    expect(strip(`<div data-track="x" class="story" onclick='go("a>b")' id=main tabindex=0 hidden>Text</div>`)).toBe(
      `<div class="story" id=main>Text</div>`,
    );
    expect(strip(`<a HREF="/x" Title="t > u" target=_blank>link</a>`)).toBe(`<a HREF="/x">link</a>`);
    expect(strip(`<time datetime="2013-09-14" pubdate data-x>Sat</time>`)).toBe(`<time datetime="2013-09-14" pubdate>Sat</time>`);
    expect(strip(`<br data-x="1"/>`)).toBe(`<br />`);
  });

  it("leaves media elements' attributes alone (lazy images, video embeds) and tags with only kept attributes untouched", () => {
    const img = `<img data-src="a.jpg" alt="A" loading="lazy">`;
    const iframe = `<iframe src="https://www.youtube.com/embed/x" allowfullscreen></iframe>`;
    const p = `<p class="lead"   id="p1">`;
    expect(strip(img + iframe + p)).toBe(img + iframe + p);
  });

  it("cuts whitespace between tags next to a block element, keeps it between inline ones and inside <pre>", () => {
    expect(strip(`<div>\n  <p>One <b>two</b> <i>three</i></p>\n  <p>Four</p>\n</div>\n<span>a</span>\n<span>b</span>`)).toBe(
      `<div><p>One <b>two</b> <i>three</i></p><p>Four</p></div><span>a</span>\n<span>b</span>`,
    );
    const pre = `<pre>\n  <b>x</b>\n  <div>y</div>\n</pre>`;
    // Cut before <pre> (both blocks); inside it nothing changes.
    expect(strip(`<div>\n${pre}\n</div>`)).toBe(`<div>${pre}\n</div>`);
  });

  it("never touches text, end tags or a start tag it cannot read", () => {
    const html = `<p>1 < 2 and 3 > 2</p></div><a/b data-x="1">odd</a>`;
    expect(strip(html)).toBe(html);
  });
});
