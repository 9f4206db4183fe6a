/**
 * Lighten a page's DOM before Readability looks for the article in it. Readability's cost grows with
 * the node count (linkedom makes every element, attribute and text node an event target), and on short
 * articles it re-serialises and re-parses the whole body up to four times. Two cuts, neither of which
 * removes article body text:
 * - attributes Readability never reads (data-*, on*, most aria-*, title, alt, tabindex...) are removed;
 *   media elements keep all of theirs, since Readability reads data-* there to find lazy images;
 * - elements that are never article body are removed with their content: form controls, and the page
 *   furniture HTML names as such (nav, header, footer, aside).
 * Run it after the page's lines are rendered: it only narrows what the article search sees.
 */

/** Every attribute Readability 0.6 reads (class/id weights, visibility, roles, bylines, tables, links). */
export const READ_ATTRIBUTES: ReadonlySet<string> = new Set([
  "class", "id", "style", "hidden", "aria-hidden", "aria-modal", "role", "itemprop", "itemtype", "rel", "href",
  "name", "property", "content", "type", "lang", "dir", "summary", "datatable", "width", "height",
  "colspan", "rowspan", "datetime",
]);

/** Elements whose attributes Readability reads wholesale (lazy-image detection looks at any attribute). */
export const MEDIA_ELEMENTS: ReadonlySet<string> = new Set(["img", "picture", "source", "video", "audio", "object", "embed", "iframe", "figure"]);

/**
 * Elements whose text is never article body. Readability cuts form controls, footer and aside from its
 * result anyway (_prepArticle); nav is links; a header holds the site banner or the article's headline
 * and byline, which the record keeps apart from the body. <form> is not here: some sites wrap the whole
 * page in one.
 */
export const NEVER_ARTICLE = ["button", "select", "input", "textarea", "nav", "header", "footer", "aside"] as const;

export interface PruneOptions {
  /** Attribute names kept besides the ones Readability reads (e.g. the caller's own marker attribute). */
  keepAttributes?: string[];
  /** Elements removed with their content; default NEVER_ARTICLE. */
  dropElements?: readonly string[];
  /** Remove unread attributes (default true); false when the source was already stripped of them (html-strip-source.ts). */
  attributes?: boolean;
  /**
   * Remove div and section elements with nothing in them but blank text (and so, bottom-up, those
   * holding only such elements): image sliders, polls and ad slots filled by script leave hundreds.
   * Readability removes each it reaches, but only after judging its parent by it. Default false.
   */
  emptyBlocks?: boolean;
}

export interface PruneCounts {
  elementsRemoved: number;
  emptyBlocksRemoved: number;
  attributesRemoved: number;
}

const ELEMENT_NODE = 1;

export function pruneForArticleSearch(root: Element, opts: PruneOptions = {}): PruneCounts {
  const keep = new Set([...READ_ATTRIBUTES, ...(opts.keepAttributes ?? [])]);
  const drop = new Set(opts.dropElements ?? NEVER_ARTICLE);
  const pruneAttributes = opts.attributes ?? true;
  const counts: PruneCounts = { elementsRemoved: 0, emptyBlocksRemoved: 0, attributesRemoved: 0 };
  const blocks: Element[] = [];
  // Iterative walk (deep pages must not overflow the stack); children are listed before any removal.
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    const tag = el.localName?.toLowerCase() ?? "";
    if (el !== root && drop.has(tag)) {
      el.parentNode?.removeChild(el);
      counts.elementsRemoved++;
      continue;
    }
    if (pruneAttributes && !MEDIA_ELEMENTS.has(tag)) {
      const attrs = el.attributes;
      const unread: string[] = [];
      for (let i = 0; i < attrs.length; i++) if (!keep.has(attrs[i].name.toLowerCase())) unread.push(attrs[i].name);
      for (const name of unread) el.removeAttribute(name);
      counts.attributesRemoved += unread.length;
    }
    if (opts.emptyBlocks && el !== root && EMPTY_BLOCK_TAGS.has(tag)) blocks.push(el);
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) if (kids[i].nodeType === ELEMENT_NODE) stack.push(kids[i]);
  }
  // Document order reversed: an element's descendants are judged (and maybe removed) before it.
  for (let i = blocks.length - 1; i >= 0; i--) {
    const el = blocks[i];
    if (el.firstElementChild || hasText(el)) continue;
    el.parentNode?.removeChild(el);
    counts.emptyBlocksRemoved++;
  }
  return counts;
}

const EMPTY_BLOCK_TAGS: ReadonlySet<string> = new Set(["div", "section"]);

/** Whether any child of `el` is non-blank text (its children are all text, or it has none). */
function hasText(el: Element): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType !== ELEMENT_NODE && /\S/.test(c.nodeValue ?? "")) return true;
  return false;
}
