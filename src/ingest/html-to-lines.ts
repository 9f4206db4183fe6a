/**
 * A saved HTML page -> text lines, the fields its metadata states, and which lines are the article.
 * Lines are rendered from the whole body (so nothing is lost); Readability then marks the article.
 * To know which rendered lines Readability kept, each text node's parent element gets an id attribute
 * before Readability runs: attributes survive its restructuring and re-parsing, node identity does not.
 */
import type * as Linkedom from "linkedom";
import type { Diagnostic } from "../record/schema.ts";
import { loadOnFirstUse } from "../util/load-on-first-use.ts";
import { readHtmlMetadata } from "./html-metadata.ts";
import { LeanReadability, negativeWrapperShare, unlikelyParagraphShare, type LeanOptions } from "./html-readability.ts";
import { renderHtmlLines, type RenderedLines } from "./render-html-lines.ts";
import type { Line, StatedFields } from "./types.ts";
import { pruneForArticleSearch, READ_ATTRIBUTES } from "./prune-for-article-search.ts";
import { stripHtmlSource } from "./html-strip-source.ts";

export interface HtmlLines {
  lines: Line[];
  /** Lines inside the article Readability found; undefined when none was found (a no-article-found
   *  warning says why), so the parser falls back to classifying the lines itself. */
  bodyLines?: Set<number>;
  /** Element name per line (p, h2, li, blockquote, figcaption, td...). */
  lineTags: Map<number, string>;
  stated: StatedFields;
  diagnostics: Diagnostic[];
}

/** linkedom and the DOM libraries under it: some 190 modules, 0.2 s of every start-up, for HTML reports alone. */
const linkedom = loadOnFirstUse<typeof Linkedom>("linkedom");

const NODE_ATTR = "data-wa-node";
/**
 * Readability re-runs its whole search (re-parsing the body from HTML) up to four times, relaxing its
 * rules each time, while the article it found is shorter than this; its default, 500 characters, is
 * more than a short news item has. On the dev set 200 keeps F1 and spares those pages the re-runs;
 * 100 started accepting wrong first guesses (F1 -0.008).
 */
const ARTICLE_CHAR_THRESHOLD = 200;
/** Below this much text (Readability's own minContentLength), a result on a page without running text is not an article. */
const MIN_ARTICLE_CHARS = 140;
/**
 * When Readability's first pass would strip (as "unlikely" by class, id or role) at least this share of
 * the page's paragraph text, it finds no article and starts over without stripping: start there. On the
 * dev set the pages whose first pass fails are at 0.98 and above, every other page at 0.61 or below.
 */
const DOOMED_FIRST_PASS_SHARE = 0.9;
/**
 * When at least this share of the page's text blocks sits in wrappers Readability's clean-up removes for
 * their class names (negativeWrapperShare), its passes with class weights end empty: start without. On
 * the dev set the one page whose weighted pass fails is at 0.93, every other page at 0.57 or below.
 */
const DOOMED_WEIGHTED_PASS_SHARE = 0.8;

/**
 * Readability's isProbablyReaderable, computed on the rendered lines rather than the (by then
 * rearranged) DOM: paragraphs of 140+ characters, each scoring sqrt(length - 140), must pass 20.
 */
function hasRunningText(lines: Line[], tags: Map<number, string>): boolean {
  let score = 0;
  for (const l of lines) {
    const tag = tags.get(l.n);
    if ((tag === "p" || tag === "pre" || tag === "article") && l.text.length >= 140) score += Math.sqrt(l.text.length - 140);
    if (score > 20) return true;
  }
  return false;
}

export interface HtmlOptions {
  /** Skip article detection on pages nested deeper than this (Readability slows badly with depth; real pages stay under 40). Default 150. */
  maxDepth?: number;
  /** Skip article detection on pages with more elements than this (real pages: a few thousand). Default 30000. */
  maxElements?: number;
}

/** Attributes some step reads: Readability's, and <time pubdate> for the metadata. */
const SOURCE_ATTRIBUTES: ReadonlySet<string> = new Set([...READ_ATTRIBUTES, "pubdate"]);

export function htmlToLines(html: string, file: string, opts: HtmlOptions = {}): HtmlLines {
  const diagnostics: Diagnostic[] = [];
  let document: Document;
  const source = stripHtmlSource(html, SOURCE_ATTRIBUTES);
  try {
    ({ document } = linkedom().parseHTML(source) as unknown as { document: Document });
  } catch (err) {
    diagnostics.push({
      file,
      severity: "error",
      rule: "bad-html",
      message: `Unexpected HTML the parser could not read (${(err as Error).message}), expected a web page`,
      hint: "Re-save the page from the browser (File > Save Page As, HTML only).",
    });
    return { lines: [], lineTags: new Map(), stated: {}, diagnostics };
  }

  const { stated } = readHtmlMetadata(document, file, diagnostics);
  const root: Node = document.body ?? document.documentElement ?? document;
  const rendered = renderHtmlLines(root);

  // Neither these elements nor attributes reach the text (only text nodes are read); counted on the source, cheaper than the DOM.
  const scripts = html.match(/<(?:script(?![^>]*application\/(?:ld\+)?json)|iframe|object|embed)\b/gi)?.length ?? 0;
  const handlers = html.match(/<[a-z][^>]*?\s(?:on[a-z]+\s*=|(?:href|src|action)\s*=\s*["']?\s*javascript:)/gi)?.length ?? 0;
  if (scripts || handlers) {
    const parts = [scripts ? `${scripts} script/embedded object${scripts > 1 ? "s" : ""}` : "", handlers ? `${handlers} event-handler/javascript: attribute${handlers > 1 ? "s" : ""}` : ""].filter(Boolean);
    diagnostics.push({
      file,
      severity: "info",
      rule: "html-stripped-active-content",
      message: `Unexpected active content in the page (${parts.join(", ")}), expected plain content; it was dropped`,
      hint: "Nothing to do; only the page's visible text is used.",
    });
  }

  if (rendered.lines.length === 0) {
    diagnostics.push({
      file,
      severity: "error",
      rule: "empty-report",
      message: "Unexpected HTML page with no visible text, expected a news article",
      hint: "Check the page was saved complete (some sites load the article by script; save the rendered page instead).",
    });
    return { lines: [], lineTags: rendered.tags, stated, diagnostics };
  }

  const maxDepth = opts.maxDepth ?? 150;
  const maxElements = opts.maxElements ?? 30000;
  if (rendered.maxDepth > maxDepth || rendered.elements > maxElements) {
    const what = rendered.maxDepth > maxDepth ? `nested ${rendered.maxDepth} elements deep` : `with ${rendered.elements} elements`;
    diagnostics.push({
      file,
      severity: "warning",
      rule: "no-article-found",
      message: `Unexpected page ${what}, expected an ordinary web page (at most ${maxDepth} deep, ${maxElements} elements); the article was not looked for`,
      hint: "All of the page's text was kept; the parser will pick the article from it. If this is a real article, save it as plain text instead.",
    });
    return { lines: rendered.lines, lineTags: rendered.tags, stated, diagnostics };
  }

  const byTag = prepareForArticleSearch(document, rendered);
  // Should Readability retry, it gets the page as it is now from the source again (the same steps give
  // the same ids), rather than a copy of the body serialised up front on every page.
  const rebuild = () => {
    const fresh = linkedom().parseHTML(source).document as unknown as Document;
    prepareForArticleSearch(fresh, renderHtmlLines(fresh.body ?? fresh.documentElement ?? fresh));
    return fresh;
  };
  const body = document.body;
  const lean: LeanOptions = {
    keepUnlikely: body ? unlikelyParagraphShare(body) >= DOOMED_FIRST_PASS_SHARE : false,
    ignoreClassWeights: body ? negativeWrapperShare(body) >= DOOMED_WEIGHTED_PASS_SHARE : false,
    rebuild,
  };
  const bodyLines = articleLines(document, byTag, rendered.lineChars, lean, file, diagnostics);
  // Readability always returns its best guess, even on a page of links. A paragraph check (Readability's
  // isProbablyReaderable) misses real articles laid out without <p>s, so only a short guess on a page
  // that fails it counts as no article.
  if (!bodyLines) return { lines: rendered.lines, lineTags: rendered.tags, stated, diagnostics };
  const bodyChars = rendered.lines.reduce((n, l) => n + (bodyLines.has(l.n) ? l.text.length : 0), 0);
  if (bodyChars < MIN_ARTICLE_CHARS && !hasRunningText(rendered.lines, rendered.tags)) {
    diagnostics.push({
      file,
      severity: "warning",
      rule: "no-article-found",
      message: `Unexpected page without a recognisable article (the best candidate has ${bodyChars} characters), expected one main block of text`,
      hint: "All of the page's text was kept and the article will be picked from it line by line: check the result, or save the article's text as a .txt file instead.",
    });
    return { lines: rendered.lines, lineTags: rendered.tags, stated, diagnostics };
  }
  return { lines: rendered.lines, bodyLines, lineTags: rendered.tags, stated, diagnostics };
}

/**
 * Make `document` ready for the article search: remove what it need not walk, and tag each text node's
 * parent element with an id (attributes are cheap, extra nodes are not). Returns, per id, the lines and
 * characters its text makes. Deterministic: the same page gives the same ids.
 */
function prepareForArticleSearch(document: Document, rendered: RenderedLines): Array<Array<{ line: number; chars: number }>> {
  // Readability would walk these too; they are never article text (it drops scripts itself anyway).
  for (const node of rendered.dead) node.parentNode?.removeChild(node);
  // Lighter DOM for Readability, whose cost grows with the node count (see prune-for-article-search.ts);
  // unread attributes were already cut from the source (html-strip-source.ts).
  if (document.body) pruneForArticleSearch(document.body, { attributes: false, emptyBlocks: true });
  // Readability moves loose text out of its parent in two cases, into new untagged <p>s: text directly
  // in a <div>, and text after <br><br>. Those text nodes get a tagged <span> of their own instead.
  const byTag: Array<Array<{ line: number; chars: number }>> = [];
  const parentId = new Map<Node, number>();
  const hasBr = new Map<Node, boolean>();
  for (const { node, line, chars } of rendered.textNodes) {
    const parent = node.parentNode as Element | null;
    if (!parent || parent.nodeType !== 1) continue;
    let br = hasBr.get(parent);
    if (br === undefined) hasBr.set(parent, (br = parent.getElementsByTagName("br").length > 0));
    if (br || parent.localName === "div") {
      const span = document.createElement("span");
      span.setAttribute(NODE_ATTR, String(byTag.length));
      byTag.push([{ line, chars }]);
      parent.replaceChild(span, node);
      span.appendChild(node);
      continue;
    }
    let id = parentId.get(parent);
    if (id === undefined) {
      id = byTag.length;
      parentId.set(parent, id);
      byTag.push([]);
      parent.setAttribute(NODE_ATTR, String(id));
    }
    byTag[id].push({ line, chars });
  }

  return byTag;
}

function articleLines(
  document: Document,
  byTag: Array<Array<{ line: number; chars: number }>>,
  lineChars: Map<number, number>,
  lean: LeanOptions,
  file: string,
  diagnostics: Diagnostic[],
): Set<number> | undefined {
  let content: Element | null | undefined;
  try {
    // The article element itself, not its HTML: the ids are read off its elements, no serialising.
    const serializer = (el: Node) => el as Element;
    content = new LeanReadability(document, { keepClasses: false, disableJSONLD: true, serializer, charThreshold: ARTICLE_CHAR_THRESHOLD }, lean).parse()?.content;
  } catch (err) {
    diagnostics.push({
      file,
      severity: "warning",
      rule: "no-article-found",
      message: `Unexpected failure finding the article (${(err as Error).message}), expected Readability to find it`,
      hint: "All of the page's text was kept; the parser will pick the article from it.",
    });
    return undefined;
  }
  // Characters per line that ended up inside the article, counted from the tagged elements Readability kept.
  const kept = new Map<number, number>();
  if (content) {
    const seen = new Set<number>();
    for (const el of content.querySelectorAll(`[${NODE_ATTR}]`)) {
      const attr = el.getAttribute(NODE_ATTR);
      if (attr === null || !/^\d+$/.test(attr)) continue;
      const id = Number(attr);
      if (seen.has(id)) continue;
      seen.add(id);
      for (const { line, chars } of byTag[id] ?? []) kept.set(line, (kept.get(line) ?? 0) + chars);
    }
  }
  const body = new Set<number>();
  for (const [line, chars] of kept) {
    if (chars * 2 >= (lineChars.get(line) ?? 0)) body.add(line);
  }
  if (body.size === 0) {
    diagnostics.push({
      file,
      severity: "warning",
      rule: "no-article-found",
      message: "Unexpected page without a recognisable article, expected one main block of text",
      hint: "All of the page's text was kept; the parser will pick the article from it. Check the result, or paste the article's text into a .txt file instead.",
    });
    return undefined;
  }
  return body;
}
