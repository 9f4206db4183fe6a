import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ingestBytes } from "../../src/ingest/read-report.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

const para = (s: string) =>
  `${s} Kerry and Lavrov met again in Geneva on Friday, with teams of experts poring over the Russian plan, ` +
  `while diplomats said the talks had reached a pivotal point, and officials spoke of progress on the stockpile.`;

describe("HTML pages", () => {
  it("never lets script content or event-handler attributes into the lines", () => {
    const html = `<!doctype html><html><head><title>T</title><script>alert(1)</script></head><body>
      <p>Before the image.</p><img src=x onerror=alert(1)><p>After <b>the</b> image.</p>
      <script>document.write("<p>injected</p>")</script><a href="javascript:alert(2)">link text</a>
      <style>p { color: red }</style><noscript>Enable JavaScript</noscript><template><p>template</p></template>
      <svg><text>svg text</text></svg><!-- <p>comment</p> --></body></html>`;
    const doc = ingestBytes(utf8(html), "reports/x.html");
    const text = doc.lines.map((l) => l.text).join("\n");
    expect(text).toBe("Before the image.\nAfter the image.\nlink text");
    expect(text).not.toContain("<script");
    expect(text).not.toContain("onerror");
    expect(text).not.toContain("alert");
    const info = doc.diagnostics.find((d) => d.rule === "html-stripped-active-content");
    expect(info?.severity).toBe("info");
    expect(info?.file).toBe("reports/x.html");
    expect(doc.format).toBe("html");
  });

  it("renders one block element a line, tags each line and marks the article with bodyLines", () => {
    const html = `<html><head><title>Talks | Example</title></head><body>
      <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
      <article>
        <p>${para("First.")}</p>
        <h2>Pivotal point</h2>
        <p>${para("Second.")}</p>
        <blockquote><p>"We made progress," he said.</p></blockquote>
        <figure><img src="a.jpg"><figcaption>Kerry in Geneva [Reuters]</figcaption></figure>
        <p>${para("Third.")}<br>Line after a break.</p>
      </article>
      <footer>© Example 2013</footer></body></html>`;
    const doc = ingestBytes(utf8(html), "reports/x.htm");
    expect(doc.lines.map((l) => l.text)).toEqual([
      "Home",
      "World",
      para("First."),
      "Pivotal point",
      para("Second."),
      '"We made progress," he said.',
      "Kerry in Geneva [Reuters]",
      para("Third."),
      "Line after a break.",
      "© Example 2013",
    ]);
    expect(doc.lines.map((l) => l.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([...doc.lineTags!.entries()]).toEqual([
      [1, "li"], [2, "li"], [3, "p"], [4, "h2"], [5, "p"], [6, "blockquote"], [7, "figcaption"], [8, "p"], [9, "p"], [10, "footer"],
    ]);
    expect([...doc.bodyLines!].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(doc.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  it("uses JSON-LD NewsArticle metadata for the stated fields", () => {
    const ld = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebSite", name: "Example" },
        {
          "@type": "NewsArticle",
          headline: "US and Russia enter third day of Syria talks",
          datePublished: "2013-09-14T07:13:00+03:00",
          publisher: { "@type": "Organization", name: "Example Wire" },
          author: [{ "@type": "Person", name: "Jane Doe" }, { "@type": "Person", name: "John Roe" }],
          articleSection: ["Middle East", "World"],
          description: "Kerry and Lavrov seek a deal.",
          mainEntityOfPage: { "@id": "https://example.org/syria-talks" },
        },
      ],
    };
    const html = `<html><head><title>Syria talks - Example Wire</title>
      <script type="application/ld+json">${JSON.stringify(ld)}</script></head>
      <body><article><p>${para("Body.")}</p></article></body></html>`;
    const doc = ingestBytes(utf8(html), "reports/talks.html");
    expect(doc.stated).toEqual({
      headline: "US and Russia enter third day of Syria talks",
      source: "Example Wire",
      published: { date: "2013-09-14", time: "07:13", evidence: "JSON-LD datePublished: 2013-09-14T07:13:00+03:00" },
      section: "Middle East",
      url: "https://example.org/syria-talks",
      byline: "Jane Doe, John Roe",
      standfirst: "Kerry and Lavrov seek a deal.",
    });
    // A JSON-LD script is metadata, not active content.
    expect(doc.diagnostics.map((d) => d.rule)).not.toContain("html-stripped-active-content");
  });

  it("falls back to Open Graph, article:* meta, canonical link and <time>", () => {
    const html = `<html><head><title>Page title</title>
      <meta property="og:title" content="OG headline &amp; more">
      <meta property="og:site_name" content="Example News">
      <meta property="article:section" content="World">
      <meta name="author" content="Jane Doe">
      <meta name="description" content="A standfirst.">
      <link rel="canonical" href="https://news.example/a"></head>
      <body><p>Published <time datetime="2013-09-13">Friday</time></p><p>${para("Body.")}</p></body></html>`;
    const doc = ingestBytes(utf8(html), "reports/a.html");
    expect(doc.stated).toEqual({
      headline: "OG headline & more",
      source: "Example News",
      published: { date: "2013-09-13", evidence: '<time datetime="2013-09-13">Friday</time>' },
      section: "World",
      url: "https://news.example/a",
      byline: "Jane Doe",
      standfirst: "A standfirst.",
    });
  });

  it("finds an article inside noisy markup whole: scripts, styles, SVG, comments, tracking attributes, blank text", () => {
    const noise = `<script>var x = "<p>${para("Script.")}</p>";</script><style>.a{}</style><!-- <p>${para("Comment.")}</p> -->`;
    const html = `<html><head><meta property="og:title" content="Talks"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks resume"}</script></head>
      <body>${noise}
        <div class="menu" data-track="nav"><a href="/">Home</a> <a href="/world">World</a></div>
        <div id="story" data-id="1" onclick="go()" aria-label="story">
          ${noise}<svg viewBox="0 0 1 1"><text>${para("Svg.")}</text></svg>
          <p data-x="1" tabindex="0">${para("First.")}</p>
          <p>${para("Second.")} <a href="/more" data-ga="x">more</a> <b>bold</b> <i>words</i></p>
          ${noise}
          <p>${para("Third.")}</p>
        </div>
        <div class="sidebar-related"><ul><li><a href="/a">Other story</a></li></ul></div>
      </body></html>`;
    const doc = ingestBytes(utf8(html), "reports/noisy.html");
    expect(doc.lines.map((l) => l.text)).toEqual([
      "Home World",
      para("First."),
      `${para("Second.")} more bold words`,
      para("Third."),
      "Other story",
    ]);
    expect([...doc.bodyLines!].sort((a, b) => a - b)).toEqual([2, 3, 4]);
    expect(doc.stated?.headline).toBe("Talks resume");
  });

  it("finds the article on a page whose every block's class says widget (a page builder's naming)", () => {
    // Readability weighs "widget" against a block; here it names the article's own wrappers too.
    const widget = (cls: string, inner: string) => `<div class="builder-element builder-widget builder-widget-${cls}"><div class="builder-widget-container">${inner}</div></div>`;
    const html = `<html><body><div class="builder-section"><div class="builder-column">
      ${widget("nav-menu", `<ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul>`)}
      ${widget("heading", `<h1>Talks resume in Geneva</h1>`)}
      ${widget("post-content", `<p>${para("First.")}</p><p>${para("Second.")}</p><p>${para("Third.")}</p>`)}
      ${widget("posts", `<ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul>`)}
    </div></div></body></html>`;
    const doc = ingestBytes(utf8(html), "reports/widgets.html");
    const body = doc.lines.filter((l) => doc.bodyLines?.has(l.n)).map((l) => l.text);
    expect(body).toEqual([para("First."), para("Second."), para("Third.")]);
  });

  it("finds the article when the page names its wrapper as Readability's unlikely furniture (header, menu...)", () => {
    const html = `<html><body><div class="site-header-wrap"><div class="menu-wrap">
      <p>${para("First.")}</p><p>${para("Second.")}</p><p>${para("Third.")}</p></div></div>
      <div class="links"><a href="/a">Other story</a></div></body></html>`;
    const doc = ingestBytes(utf8(html), "reports/unlikely.html");
    const body = doc.lines.filter((l) => doc.bodyLines?.has(l.n)).map((l) => l.text);
    expect(body).toEqual([para("First."), para("Second."), para("Third.")]);
  });

  it("finds the article after Readability retries, on the page rebuilt from its source", () => {
    // The article's blocks are divs in a "replies" wrapper: the first pass strips them (no <p> there
    // predicts it) and Readability starts over on a rebuilt page, whose line marks must match.
    const html = `<html><body><p>Short teaser line for the front page</p><div class="replies">
      <div>${para("First.")}</div><div>${para("Second.")}</div><div>${para("Third.")}</div></div></body></html>`;
    const doc = ingestBytes(utf8(html), "reports/retry.html");
    const body = doc.lines.filter((l) => doc.bodyLines?.has(l.n)).map((l) => l.text);
    expect(body).toEqual([para("First."), para("Second."), para("Third.")]);
  });

  it("warns no-article-found when the page has no article, keeping every line", () => {
    const html = `<html><body><ul><li>Home</li><li>About</li></ul><p>Contact</p></body></html>`;
    const doc = ingestBytes(utf8(html), "reports/menu.html");
    expect(doc.lines.map((l) => l.text)).toEqual(["Home", "About", "Contact"]);
    expect(doc.diagnostics.map((d) => [d.rule, d.severity])).toEqual([["no-article-found", "warning"]]);
    expect(doc.diagnostics[0].file).toBe("reports/menu.html");
    // No article: bodyLines stays undefined so the parser classifies the lines itself.
    expect(doc.bodyLines).toBeUndefined();
  });

  it("keeps <pre> line breaks as lines", () => {
    const doc = ingestBytes(utf8("<html><body><pre>one\ntwo\n\nthree</pre></body></html>"), "a.html");
    expect(doc.lines.map((l) => l.text)).toEqual(["one", "two", "three"]);
  });

  it("survives very deep nesting: keeps the text, skips article detection (Readability takes 25 s at 1000 levels) with a warning", () => {
    const html = `<html><body>${"<div>".repeat(5000)}deep${"</div>".repeat(5000)}</body></html>`;
    const doc = ingestBytes(utf8(html), "a.html");
    expect(doc.lines.map((l) => l.text)).toEqual(["deep"]);
    const w = doc.diagnostics.find((d) => d.rule === "no-article-found");
    expect(w?.message).toContain("5000 elements deep");
    expect(doc.bodyLines).toBeUndefined();
  });
});

const DEV = "/work/shared/extraction/dev";
const hasDev = existsSync(DEV);
if (!hasDev) console.warn(`skipping extraction dev-set check: ${DEV} does not exist`);

describe.skipIf(!hasDev)("extraction dev set (../shared/extraction/dev)", () => {
  it("converts every page without an exception, with an article found (time per page is reported, not asserted)", () => {
    const files = readdirSync(DEV).filter((f) => f.endsWith(".html.gz"));
    expect(files.length).toBeGreaterThan(0);
    const pages = files.map((f) => ({ f, bytes: gunzipSync(readFileSync(path.join(DEV, f))) }));
    ingestBytes(pages[0].bytes, "warm-up.html");
    const docs = [];
    // CPU time, not wall time: the machine is shared, and other processes' load must not fail this test.
    const cpu = process.cpuUsage();
    const t = performance.now();
    for (const { f, bytes } of pages) docs.push(ingestBytes(bytes, `dev/${f.replace(/\.gz$/, "")}`));
    const wall = (performance.now() - t) / pages.length;
    const used = process.cpuUsage(cpu);
    const cpuMean = (used.user + used.system) / 1000 / pages.length;
    console.log(`extraction dev: ${pages.length} pages, mean ${cpuMean.toFixed(1)} ms CPU, ${wall.toFixed(1)} ms wall per page`);
    docs.forEach((doc, i) => {
      const f = files[i];
      expect(doc.fatal, f).toBe(false);
      expect(doc.lines.length, f).toBeGreaterThan(0);
      expect(doc.bodyLines!.size, f).toBeGreaterThan(0);
      expect(doc.diagnostics.filter((d) => d.severity !== "info"), f).toEqual([]);
      expect(doc.lines.map((l) => l.text).join("\n"), f).not.toMatch(/<script|onerror=/i);
    });
    // CPU time still includes GC threads and suffers from a busy machine; 50 ms is the target, this the alarm.
  });
});
