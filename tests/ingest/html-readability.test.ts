import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { classWeight, elementsWithTags, inlineStyleValue, LeanReadability, negativeWrapperShare, tagNamesBelow, unlikelyParagraphShare } from "../../src/ingest/html-readability.ts";

const docOf = (html: string) => (parseHTML(html) as unknown as { document: Document }).document;

const para = (s: string) =>
  `${s} Kerry and Lavrov met again in Geneva on Friday, with teams of experts poring over the Russian plan, ` +
  `while diplomats said the talks had reached a pivotal point, and officials spoke of progress on the stockpile.`;

describe("elementsWithTags", () => {
  it("lists descendants with any of the tags in document order, as querySelectorAll does", () => {
    const doc = docOf(`<html><body><div id="root"><h2 id="a"></h2><p id="b"><span><h1 id="c"></h1></span></p><h2 id="d"></h2></div></body></html>`);
    const root = doc.getElementById("root")!;
    expect(elementsWithTags(root, ["h1", "h2"]).map((e) => e.id)).toEqual(["a", "c", "d"]);
    expect(elementsWithTags(root, ["h1", "h2"])).toEqual([...root.querySelectorAll("h1,h2")]);
    // Not the root itself.
    expect(elementsWithTags(root, ["div"])).toEqual([]);
  });

  it("matches names in any case, like an HTML selector (createElement keeps the case it is given)", () => {
    const doc = docOf(`<html><body><div id="root"><p>x</p></div></body></html>`);
    const root = doc.getElementById("root")!;
    root.appendChild(doc.createElement("DIV"));
    expect(elementsWithTags(root, ["DIV", "P"]).map((e) => e.tagName)).toEqual(["P", "DIV"]);
    expect(elementsWithTags(root, ["div"]).length).toBe(root.querySelectorAll("div").length);
  });
});

describe("inlineStyleValue", () => {
  it("reads a property as linkedom's style object does: trimmed, last declaration wins, names exact", () => {
    expect(inlineStyleValue("color: red; display : none", "display")).toBe("none");
    expect(inlineStyleValue("display:none;display:block", "display")).toBe("block");
    expect(inlineStyleValue("visibility:hidden", "display")).toBe("");
    expect(inlineStyleValue("background:url(a:b)", "background")).toBe("url(a:b)");
    for (const style of ["display: none ;color:red", "display:none !important", "DISPLAY:none", "display:block;display:none", ";;display:"]) {
      const el = docOf(`<p style="${style}">x</p>`).querySelector("p") as HTMLElement;
      expect(inlineStyleValue(style, "display"), style).toBe(el.style.display);
    }
  });
});

describe("unlikelyParagraphShare", () => {
  const p = (n: number) => `<p>${"x".repeat(n)}</p>`;
  it("is the share of scored paragraph text (25+ characters) under elements Readability strips as unlikely", () => {
    // 100 + 300 characters under "sidebar" and role=navigation, 600 in the story; the 10-character paragraph is not scored.
    const body = docOf(`<html><body><div class="sidebar">${p(100)}</div><div role="navigation"><div>${p(300)}</div></div><div class="story">${p(600)}${p(10)}</div></body></html>`).body;
    expect(unlikelyParagraphShare(body)).toBeCloseTo(0.4, 6);
  });

  it("spares what Readability spares: classes that also say content/article, and anything in a table", () => {
    const body = docOf(`<html><body><div class="header-content">${p(100)}</div><table><tr><td><div class="menu">${p(100)}</div></td></tr></table><div class="comment">${p(200)}</div></body></html>`).body;
    expect(unlikelyParagraphShare(body)).toBeCloseTo(0.5, 6);
  });
});

describe("LeanReadability", () => {
  const page = `<html><head><title>Talks</title></head><body>
    <div class="menu"><a href="/">Home</a> <a href="/world">World</a></div>
    <div class="story"><p>${para("First.")}</p><p style="display: none">Hidden teaser text that is long enough to count as a paragraph here.</p>
    <p aria-hidden="true">${para("Screen-reader hidden.")}</p><p>${para("Second.")}</p><p>${para("Third.")}</p></div>
    <div class="related"><p>Related: other stories about something else entirely, with links.</p></div></body></html>`;

  it("finds the same article as Readability, without hidden paragraphs", () => {
    const serializer = (el: Node) => el as Element;
    const lean = new LeanReadability(docOf(page), { serializer }).parse()!.content!;
    const stock = new Readability(docOf(page), { serializer }).parse()!.content!;
    const texts = (el: Element) => [...el.querySelectorAll("p")].map((p) => p.textContent);
    expect(texts(lean)).toEqual([para("First."), para("Second."), para("Third.")]);
    expect(texts(lean)).toEqual(texts(stock));
  });

  it("cleans conditionally as Readability does when removing an inner block changes what its ancestors hold", () => {
    // Conditional cleaning judges the deepest blocks first and remembers texts while it judges (see
    // CleanUpMemo): the link blocks go, and each wrapper must be judged on what is left in it.
    const links = Array.from({ length: 8 }, (_, i) => `<a href="/s${i}">Share on network number ${i}</a>`).join(" ");
    const nested = `<html><head><title>Talks</title></head><body><div class="story">
      <p>${para("First.")}</p><div class="promo"><div class="share">${links}</div><div><a href="/x">More</a> here</div></div>
      <p>${para("Second.")}</p><div class="box"><p>${para("Boxed.")}</p><div class="tools">${links}</div></div>
      <p>${para("Third.")}</p></div></body></html>`;
    const serializer = (el: Node) => el as Element;
    const lean = new LeanReadability(docOf(nested), { serializer }).parse()!.content!;
    const stock = new Readability(docOf(nested), { serializer }).parse()!.content!;
    const text = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim();
    expect(text(lean)).toBe(text(stock));
    expect(text(lean)).toContain("Boxed.");
    expect(text(lean)).not.toContain("Share on network");
    expect(text(lean)).not.toContain("More here");
  });
});

describe("tagNamesBelow", () => {
  it("lists the lower-cased names of the elements below, not the root's own", () => {
    const doc = docOf(`<html><body><section><p>a <b>b</b></p><UL><li>c</li></UL></section></body></html>`);
    const section = doc.querySelector("section")!;
    section.appendChild(doc.createElement("DIV"));
    expect([...tagNamesBelow(section)].sort()).toEqual(["b", "div", "li", "p", "ul"]);
  });
});

describe("LeanReadability clean-up census", () => {
  it("skips the clean-up walks for element names the article lacks, and still cleans those it holds", () => {
    // The article holds a share button, an aside and a list of links, but no form, table, iframe...
    const links = Array.from({ length: 6 }, (_, i) => `<li><a href="/s${i}">Other story number ${i}</a></li>`).join("");
    const html = `<html><head><title>Talks</title></head><body><div class="story">
      <p>${para("First.")}</p><button>Share this story</button><aside>Pull quote from the aside</aside>
      <p>${para("Second.")}</p><ul>${links}</ul><p>${para("Third.")}</p></div></body></html>`;
    const serializer = (el: Node) => el as Element;
    const walked: string[] = [];
    class Spy extends LeanReadability {
      _getAllNodesWithTag(node: ParentNode, tags: string[]): Element[] {
        walked.push(tags.join(","));
        return super._getAllNodesWithTag(node, tags);
      }
    }
    const lean = new Spy(docOf(html), { serializer }).parse()!.content!;
    const stock = new Readability(docOf(html), { serializer }).parse()!.content!;
    const text = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim();
    expect(text(lean)).toBe(text(stock));
    expect(text(lean)).toContain("Third.");
    expect(text(lean)).not.toContain("Share this story");
    expect(text(lean)).not.toContain("Pull quote");
    // The list is judged (and, short of 100 items, kept) as Readability judges it.
    expect(text(lean)).toContain("Other story number 5");
    // Present: walked. Absent: never asked for (a table is still looked for by the steps after the clean-up).
    expect(walked).toContain("button");
    expect(walked).toContain("aside");
    expect(walked).toContain("ul");
    for (const absent of ["form", "fieldset", "object", "embed", "footer", "link", "iframe", "input", "select", "textarea"]) expect(walked).not.toContain(absent);
  });
});

describe("negativeWrapperShare", () => {
  const p = (n: number) => `<p>${"x".repeat(n)}</p>`;
  it("is the share of text blocks with a negatively weighted div/ul/table/form among their two nearest such wrappers", () => {
    // Counted: 100 (nearest wrapper "widget") and 200 (second nearest). Not counted: 300 (the widget is
    // third), 400 (a div of text without blocks, unwrapped), 500 ("content" weighs +25 against "widget"),
    // 600 (a section is not a wrapper the clean-up removes). The 10-character paragraph is not scored.
    const body = docOf(`<html><body><div class="widget">${p(100)}</div><div class="widget"><div class="inner">${p(200)}</div></div>
      <div class="widget"><div><div>${p(300)}</div></div></div><div>${"y".repeat(400)}</div>
      <div class="widget content">${p(500)}</div><section class="widget">${p(600)}${p(10)}</section></body></html>`).body;
    expect(negativeWrapperShare(body)).toBeCloseTo(300 / 2100, 6);
  });

  it("weighs class and id as Readability does", () => {
    const el = (attrs: string) => docOf(`<html><body><div ${attrs}></div></body></html>`).body.firstElementChild!;
    expect(classWeight(el('class="sidebar widget"'))).toBe(-25);
    expect(classWeight(el('class="widget" id="comments"'))).toBe(-50);
    expect(classWeight(el('class="article-body" id="share"'))).toBe(0);
  });
});

describe("LeanReadability options", () => {
  const serializer = (el: Node) => el as Element;
  const text = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim();
  /** Counts the passes Readability makes (each ends in _prepArticle). */
  const passes = (r: LeanReadability) => {
    let n = 0;
    const prep = r._prepArticle.bind(r);
    r._prepArticle = (a: Element) => (n++, prep(a));
    return () => n;
  };

  it("starts without class weights when told, ending where Readability's retries end", () => {
    // Every block in a "widget" wrapper (Elementor): the weighted clean-up removes them all.
    const w = (s: string) => `<div class="elementor-widget-container"><p>${para(s)}</p></div>`;
    const page = `<html><head><title>Talks</title></head><body><div class="elementor-inner">${w("First.")}${w("Second.")}${w("Third.")}</div></body></html>`;
    const stock = new Readability(docOf(page), { serializer }).parse()!.content!;
    const lean = new LeanReadability(docOf(page), { serializer }, { ignoreClassWeights: true });
    const count = passes(lean);
    const found = lean.parse()!.content!;
    expect(count()).toBe(1);
    expect(text(found)).toContain("First.");
    expect(text(found)).toContain("Third.");
    expect(text(found)).toBe(text(stock));
  });

  it("rebuilds the body for a retry instead of serialising it up front, with the same result", () => {
    // The article sits in a "replies" wrapper: the first pass strips it and Readability starts over.
    const page = `<html><head><title>Talks</title></head><body><div class="replies"><p>${para("First.")}</p><p>${para("Second.")}</p></div></body></html>`;
    let rebuilt = 0;
    const rebuild = () => (rebuilt++, docOf(page));
    // Two paragraphs pass a 200-character threshold (Readability's default, 500, would fail every pass).
    const stock = new Readability(docOf(page), { serializer, charThreshold: 200 }).parse()!.content!;
    const found = new LeanReadability(docOf(page), { serializer, charThreshold: 200 }, { rebuild }).parse()!.content!;
    expect(rebuilt).toBe(1);
    expect(text(found)).toBe(text(stock));
    expect(text(found)).toContain("Second.");
    // A page found at the first pass is never rebuilt; the article's HTML still reads in full afterwards.
    const plain = page.replace("replies", "story");
    const html = new LeanReadability(docOf(plain), { charThreshold: 200 }, { rebuild }).parse()!.content;
    expect(rebuilt).toBe(1);
    expect(html).toContain("<p>");
    expect(html).toContain("Second.");
  });
});
