import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { pruneForArticleSearch } from "../../src/ingest/prune-for-article-search.ts";

const bodyOf = (html: string) => (parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`) as unknown as { document: Document }).document.body;

describe("pruneForArticleSearch", () => {
  it("removes the attributes Readability never reads and keeps those it does", () => {
    const body = bodyOf(
      `<div id="main" class="story" style="display:none" hidden role="main" aria-hidden="true" data-track="x" onclick="go()" title="t" aria-label="l" tabindex="0">` +
        `<a href="/next" rel="author" itemprop="author" data-wa-node="7" target="_blank">Jane Doe</a></div>`,
    );
    const counts = pruneForArticleSearch(body, { keepAttributes: ["data-wa-node"] });
    const div = body.querySelector("div")!;
    expect(div.getAttributeNames().sort()).toEqual(["aria-hidden", "class", "hidden", "id", "role", "style"]);
    expect(body.querySelector("a")!.getAttributeNames().sort()).toEqual(["data-wa-node", "href", "itemprop", "rel"]);
    // data-track, onclick, title, aria-label, tabindex on the div; target on the link.
    expect(counts.attributesRemoved).toBe(6);
    expect(body.textContent).toBe("Jane Doe");
  });

  it("leaves every attribute of images alone (Readability finds lazy images by any attribute)", () => {
    const body = bodyOf(`<p>Text <img data-src="a.jpg" data-srcset="a.jpg 1x" alt="A" class="lazy"></p>`);
    pruneForArticleSearch(body);
    expect(body.querySelector("img")!.getAttributeNames().sort()).toEqual(["alt", "class", "data-src", "data-srcset"]);
  });

  it("drops page furniture and form controls with their content, keeping forms and the article", () => {
    const body = bodyOf(
      `<header><a href="/">Site</a></header><nav><a href="/world">World</a></nav>` +
        `<form action="/x"><article><header><h1>Headline</h1></header><p>First paragraph.</p>` +
        `<aside>Read more</aside><p>Second paragraph.</p><button>Share</button><footer>Filed under world</footer></article>` +
        `<input name="q"><select><option>One</option></select><textarea>Comment</textarea></form>` +
        `<footer>© Site</footer>`,
    );
    const counts = pruneForArticleSearch(body);
    // header, nav, header, aside, button, footer, input, select, textarea, footer.
    expect(counts.elementsRemoved).toBe(10);
    expect([...body.querySelectorAll("p")].map((p) => p.textContent)).toEqual(["First paragraph.", "Second paragraph."]);
    expect(body.querySelector("form > article")).not.toBeNull();
    expect(body.textContent).toBe("First paragraph.Second paragraph.");
  });

  it("leaves attributes alone when told the source was already stripped of them", () => {
    const body = bodyOf(`<nav>Menu</nav><p data-x="1" class="a">Text</p>`);
    const counts = pruneForArticleSearch(body, { attributes: false });
    expect(body.querySelector("p")!.getAttributeNames().sort()).toEqual(["class", "data-x"]);
    expect(counts).toEqual({ elementsRemoved: 1, emptyBlocksRemoved: 0, attributesRemoved: 0 });
  });

  it("takes the elements to drop from the caller when given", () => {
    const body = bodyOf(`<nav>Menu</nav><aside>Box</aside><p>Text</p>`);
    pruneForArticleSearch(body, { dropElements: ["aside"] });
    expect(body.textContent).toBe("MenuText");
  });

  it("removes divs and sections holding nothing but blank text, bottom-up, and keeps any holding text or an element", () => {
    const body = bodyOf(
      `<div class="poll"><div class="bar"><div class="fill"></div></div><section> </section></div>` +
        `<div class="story"><p>Talks resumed.</p><div class="slot"></div><div><img src="a.jpg"></div><div>Loose text</div></div>`,
    );
    const counts = pruneForArticleSearch(body, { attributes: false, emptyBlocks: true });
    // fill, bar, the blank section, then poll (empty once they are gone), and the slot.
    expect(counts.emptyBlocksRemoved).toBe(5);
    expect(body.querySelector(".poll")).toBeNull();
    expect(body.querySelector(".slot")).toBeNull();
    expect(body.querySelectorAll("div").length).toBe(3);
    expect(body.querySelector("img")).not.toBeNull();
    expect(body.textContent).toBe("Talks resumed.Loose text");
  });

  it("leaves empty blocks alone unless asked", () => {
    const body = bodyOf(`<div class="slot"></div><p>Text</p>`);
    expect(pruneForArticleSearch(body).emptyBlocksRemoved).toBe(0);
    expect(body.querySelector(".slot")).not.toBeNull();
  });
});
