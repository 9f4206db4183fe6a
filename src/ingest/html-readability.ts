/**
 * @mozilla/readability (0.6) with seven of its helpers swapped for equivalents that are cheap on
 * linkedom, deciding exactly what the originals decide. Profiling the HTML path showed each costing
 * more than its work is worth there:
 * - `_getAllNodesWithTag` asks `querySelectorAll`, which linkedom compiles anew (css-select) on every
 *   call, and `_cleanConditionally` calls it several times per candidate element;
 * - `_isProbablyVisible` reads `node.style`, which makes linkedom build a style object per element;
 * - `_isElementWithoutContent` joins the whole subtree's text (for every div, section and heading, so
 *   quadratic in the nesting) where finding one non-blank text node answers;
 * - `_isValidByline` joins each element's whole subtree text before looking at whether its class, rel
 *   or itemprop could make it a byline at all (every element, every pass: quadratic in the nesting);
 * - `_hasChildBlockElement` recurses through `childNodes`, which linkedom rebuilds as an array at
 *   every level, for every div Readability considers turning into a paragraph;
 * - `_getLinkDensity` finds links with getElementsByTagName, which linkedom answers by upper-casing
 *   the name of every element it passes, and joins, trims and rewrites each text once per enclosing
 *   candidate: lengths are summed from text nodes read once instead (html-text-length.ts);
 * - `_postProcessContent` resolves every link and image URL and strips classes: output cosmetics,
 *   while the caller only reads which elements the article kept.
 * Two further changes skip a whole search Readability would run in vain before retrying with fewer
 * rules (see `unlikelyParagraphShare` and `_prepArticle`); on the dev set neither changes a result.
 * And the clean-up of the article skips its walks for element names the article does not hold (see
 * `census`): fifteen walks of a long article, most of them for elements a news article never has.
 * These override internal methods: package.json's "^0.6.0" takes 0.6.x patches only, and
 * tests/ingest/html-readability.test.ts pins the behaviour each replacement must keep.
 */
import { Readability } from "@mozilla/readability";
import { linkDensity } from "./html-text-length.ts";

/** A CSS property's value as linkedom's CSSStyleDeclaration reads it from a style attribute (last one wins). */
export function inlineStyleValue(style: string, property: string): string {
  let value = "";
  for (const rule of style.split(/\s*;\s*/)) {
    const colon = rule.indexOf(":");
    if (colon < 0) continue;
    if (rule.slice(0, colon).trim() !== property) continue;
    const v = rule.slice(colon + 1).trim();
    if (v) value = v;
  }
  return value;
}

/** Descendants of `root` (not root itself) that pass `test`, in document order. */
function descendants(root: ParentNode, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  // Iterative pre-order walk: children are pushed last-first so they pop in document order.
  const stack: Element[] = [];
  for (let el = root.lastElementChild; el; el = el.previousElementSibling) stack.push(el);
  while (stack.length) {
    const el = stack.pop()!;
    if (test(el)) out.push(el);
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return out;
}

/**
 * Descendants named by `tags`, as querySelectorAll lists them: document order, names in any case
 * (createElement("DIV") keeps the case it is given, and an HTML selector ignores it).
 */
export function elementsWithTags(root: ParentNode, tags: readonly string[]): Element[] {
  return descendants(root, hasTagIn(tags));
}

function hasTagIn(tags: readonly string[]): (el: Element) => boolean {
  const wanted = new Set(tags.map((t) => t.toLowerCase()));
  return (el) => wanted.has(el.localName) || wanted.has(el.localName.toLowerCase());
}

/** The names (lower case) of the elements below `root`. */
export function tagNamesBelow(root: ParentNode): Set<string> {
  const names = new Set<string>();
  descendants(root, (el) => {
    names.add(el.localName.toLowerCase());
    return false;
  });
  return names;
}

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const ELEMENT_NODE = 1;

/** Whether any text below `node` is not blank: `node.textContent.trim() !== ""` without building the string. */
export function hasVisibleText(node: Node): boolean {
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_SECTION_NODE) {
        if (/\S/.test(c.nodeValue ?? "")) return true;
      } else if (c.nodeType === ELEMENT_NODE) stack.push(c);
    }
  }
  return false;
}


type RemoveFilter = (this: Readability<Element>, node: Element, i: number, list: ArrayLike<Element>) => boolean;

interface ReadabilityRules {
  REGEXPS: { unlikelyCandidates: RegExp; okMaybeItsACandidate: RegExp; byline: RegExp; negative: RegExp; positive: RegExp };
  UNLIKELY_ROLES: string[];
  DIV_TO_P_ELEMS: Set<string>;
  _prepArticle(this: Readability<Element>, articleContent: Element): void;
  _getInnerText(this: Readability<Element>, node: Node, normalizeSpaces?: boolean): string;
  _cleanConditionally(this: Readability<Element>, e: Element, tag: string): void;
  _clean(this: Readability<Element>, e: Element, tag: string): void;
  _removeNodes(this: Readability<Element>, nodeList: ArrayLike<Element>, filterFn?: RemoveFilter): void;
  _grabArticle(this: Readability<Element>, page?: Element | null): Element | null;
}
/** Readability's own patterns, read from the library so the prediction below follows it. */
const RULES = Readability.prototype as unknown as ReadabilityRules;

/** Paragraphs shorter than this are not scored by Readability. */
const MIN_SCORED_CHARS = 25;

/** Whether Readability's first pass removes `el` as an unlikely candidate (its class, id or role say so). */
function strippedAsUnlikely(el: Element): boolean {
  const tag = el.tagName;
  const role = el.getAttribute("role");
  if (role !== null && RULES.UNLIKELY_ROLES.includes(role)) return true;
  if (tag === "BODY" || tag === "A") return false;
  const match = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
  if (!RULES.REGEXPS.unlikelyCandidates.test(match) || RULES.REGEXPS.okMaybeItsACandidate.test(match)) return false;
  // Readability spares candidates inside a table or code (it looks four levels up).
  let up = el.parentElement;
  for (let depth = 0; up && depth <= 3; depth++, up = up.parentElement) if (up.tagName === "TABLE" || up.tagName === "CODE") return false;
  return true;
}

/**
 * The share of the page's paragraph text (paragraphs Readability scores) inside elements its first
 * pass strips as unlikely candidates ("menu", "header", "comment", "sidebar"... in class or id).
 * Some sites name the article's own wrappers so; the first pass then cannot find the article and
 * Readability starts over without stripping. Computed up front, that doomed pass can be skipped.
 */
export function unlikelyParagraphShare(body: Element): number {
  let total = 0;
  let stripped = 0;
  const stack: Array<{ el: Element; under: boolean }> = [{ el: body, under: false }];
  while (stack.length) {
    const { el, under } = stack.pop()!;
    const gone = under || (el !== body && strippedAsUnlikely(el));
    if (el.localName === "p") {
      const chars = (el.textContent ?? "").trim().length;
      if (chars >= MIN_SCORED_CHARS) {
        total += chars;
        if (gone) stripped += chars;
      }
      continue;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push({ el: c, under: gone });
  }
  return total ? stripped / total : 0;
}

/** The elements Readability's clean-up removes outright when their class weight is negative (`_prepArticle`). */
const CLEANED_BY_WEIGHT: ReadonlySet<string> = new Set(["form", "fieldset", "table", "ul", "div"]);

/** Readability's `_getClassWeight` with class weights on: -25/+25 for a negative/positive class, and again for the id. */
export function classWeight(el: Element): number {
  let weight = 0;
  for (const name of [el.getAttribute("class") ?? "", el.getAttribute("id") ?? ""]) {
    if (!name) continue;
    if (RULES.REGEXPS.negative.test(name)) weight -= 25;
    if (RULES.REGEXPS.positive.test(name)) weight += 25;
  }
  return weight;
}

/**
 * The share of the page's text blocks (paragraphs, and divs without blocks inside, which Readability
 * turns into paragraphs; 25+ characters) one of whose two nearest form/fieldset/table/ul/div wrappers
 * has a negative class weight. Readability's clean-up removes every such wrapper inside the article
 * whatever it holds (a CMS calling each block a "widget", say), so when nearly all text sits in one the
 * first pass ends with an empty article and Readability starts over without class weights. Computed up
 * front, the doomed passes can be skipped.
 */
export function negativeWrapperShare(body: Element): number {
  // Elements in document order, then bottom-up: which have a block element below them.
  const order: Element[] = [];
  const stack: Element[] = [body];
  while (stack.length) {
    const el = stack.pop()!;
    order.push(el);
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  const hasBlockBelow = new Set<Element>();
  for (let i = order.length - 1; i > 0; i--) {
    const el = order[i];
    if ((hasBlockBelow.has(el) || RULES.DIV_TO_P_ELEMS.has(el.tagName)) && el.parentElement) hasBlockBelow.add(el.parentElement);
  }
  let total = 0;
  let wrapped = 0;
  // Top-down, carrying whether the nearest and second-nearest wrappers weigh negative.
  const walk: Array<{ el: Element; near: boolean; next: boolean }> = [];
  for (let c = body.lastElementChild; c; c = c.previousElementSibling) walk.push({ el: c, near: false, next: false });
  while (walk.length) {
    const { el, near, next } = walk.pop()!;
    const tag = el.localName;
    if (tag === "p" || (tag === "div" && !hasBlockBelow.has(el))) {
      const chars = (el.textContent ?? "").trim().length;
      if (chars >= MIN_SCORED_CHARS) {
        total += chars;
        if (near || next) wrapped += chars;
      }
      continue;
    }
    const [n, x] = CLEANED_BY_WEIGHT.has(tag) ? [classWeight(el) < 0, near] : [near, next];
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) walk.push({ el: c, near: n, next: x });
  }
  return total ? wrapped / total : 0;
}

export interface LeanOptions {
  /** Start without stripping unlikely candidates (Readability's own second attempt). */
  keepUnlikely?: boolean;
  /**
   * Start without class weights, and so without stripping unlikely candidates either: where
   * Readability's passes with class weights would end with an empty article (see negativeWrapperShare),
   * its first pass that can succeed is this one (`_prepArticle` below skips the one in between).
   */
  ignoreClassWeights?: boolean;
  /**
   * The document as it was handed over, built afresh. Readability serialises the whole body before its
   * first pass, to restore it before each further pass; given this, nothing is serialised and the
   * body is rebuilt only when a further pass happens (rarely).
   */
  rebuild?: () => Document;
}

type ReadabilityOptions = ConstructorParameters<typeof Readability<Element>>[1];

/**
 * What `_cleanConditionally` reads, remembered while it judges one kind of element: inner texts
 * (trimmed; normalised or not) and descendant lists. For each element it asks for its text several
 * times (list share, commas, ad words, link and text density), lists its descendants four times (lists,
 * headings, embeds, text-ish tags) and, through the densities, asks for every descendant's text again at
 * every ancestor: quadratic in the nesting on a long article. Judging changes nothing; only a removal
 * does, and it changes the text and descendants of the removed node's ancestors alone, so their entries
 * are dropped then.
 */
class CleanUpMemo {
  private readonly normalized = new Map<Node, string>();
  private readonly raw = new Map<Node, string>();
  private readonly below = new Map<Node, Element[]>();

  text(node: Node, normalizeSpaces: boolean, compute: () => string): string {
    const memo = normalizeSpaces ? this.normalized : this.raw;
    let text = memo.get(node);
    if (text === undefined) memo.set(node, (text = compute()));
    return text;
  }

  /** Every descendant element of `node`, in document order (built from the children's lists). */
  descendants(node: ParentNode): Element[] {
    let out = this.below.get(node);
    if (out) return out;
    out = [];
    for (let c = node.firstElementChild; c; c = c.nextElementSibling) {
      out.push(c);
      for (const d of this.descendants(c)) out.push(d);
    }
    this.below.set(node, out);
    return out;
  }

  /** `node` is about to leave its parent: the texts and descendants of its ancestors change. */
  forgetAncestorsOf(node: Node): void {
    for (let up = node.parentNode; up; up = up.parentNode) {
      this.normalized.delete(up);
      this.raw.delete(up);
      this.below.delete(up);
    }
  }
}

export class LeanReadability extends Readability<Element> {
  declare _flags: number;
  declare _charThreshold: number;
  declare FLAG_STRIP_UNLIKELYS: number;
  declare FLAG_WEIGHT_CLASSES: number;
  declare _doc: Document;
  declare _unwrapNoscriptImages: (doc: Document) => void;
  declare _removeScripts: (doc: Document) => void;
  declare _prepDocument: () => void;
  private readonly rebuild: (() => Document) | undefined;

  constructor(doc: Document, options?: ReadabilityOptions, lean: LeanOptions = {}) {
    super(doc, options);
    if (lean.keepUnlikely || lean.ignoreClassWeights) this._flags &= ~this.FLAG_STRIP_UNLIKELYS;
    if (lean.ignoreClassWeights) this._flags &= ~this.FLAG_WEIGHT_CLASSES;
    this.rebuild = lean.rebuild;
  }

  /**
   * Readability's search, with its snapshot of the body made lazy (see LeanOptions.rebuild): while it
   * runs, the body's innerHTML reads as "" (Readability reads it once, to restore it before a retry)
   * and writing it puts a fresh copy of the body in place, prepared as \`parse\` prepared this one.
   * Its result's innerHTML reads as "" until \`_postProcessContent\`, which \`parse\` calls right after
   * logging it (a serialisation of the whole article, made even when nothing is logged).
   */
  _grabArticle(page?: Element | null): Element | null {
    const body = page ?? this._doc.body;
    const rebuild = this.rebuild;
    if (!rebuild || !body || page) return RULES._grabArticle.call(this, page);
    Object.defineProperty(body, "innerHTML", {
      configurable: true,
      get: () => "",
      set: () => this.restoreBody(body, rebuild()),
    });
    let article: Element | null;
    try {
      article = RULES._grabArticle.call(this, page);
    } finally {
      delete (body as { innerHTML?: string }).innerHTML;
    }
    if (article) Object.defineProperty(article, "innerHTML", { configurable: true, get: () => "" });
    return article;
  }

  /** Replace `body`'s content with `fresh`'s body, after the steps \`parse\` takes before its search. */
  private restoreBody(body: Element, fresh: Document): void {
    const doc = this._doc;
    this._doc = fresh;
    try {
      this._unwrapNoscriptImages(fresh);
      this._removeScripts(fresh);
      this._prepDocument();
    } finally {
      this._doc = doc;
    }
    while (body.firstChild) body.removeChild(body.firstChild);
    const from = fresh.body;
    if (from) for (let c = from.firstChild; c; c = from.firstChild) body.appendChild(c);
  }

  _getAllNodesWithTag(node: ParentNode, tagNames: string[]): Element[] {
    const memo = this.memo;
    return memo ? memo.descendants(node).filter(hasTagIn(tagNames)) : elementsWithTags(node, tagNames);
  }

  _isProbablyVisible(node: Element): boolean {
    const style = node.getAttribute("style");
    if (style && (inlineStyleValue(style, "display") === "none" || inlineStyleValue(style, "visibility") === "hidden")) return false;
    if (node.hasAttribute("hidden")) return false;
    if (node.getAttribute("aria-hidden") !== "true") return true;
    const className = node.className;
    return typeof className === "string" && className.includes("fallback-image");
  }

  _isElementWithoutContent(node: Node): boolean {
    if (node.nodeType !== ELEMENT_NODE || hasVisibleText(node)) return false;
    const el = node as Element;
    const children = el.children.length;
    return !children || children === el.getElementsByTagName("br").length + el.getElementsByTagName("hr").length;
  }

  _isValidByline(node: Element, matchString: string): boolean {
    const rel = node.getAttribute("rel");
    const itemprop = node.getAttribute("itemprop");
    if (!(rel === "author" || (itemprop && itemprop.includes("author")) || RULES.REGEXPS.byline.test(matchString))) return false;
    const length = (node.textContent ?? "").trim().length;
    return length > 0 && length < 100;
  }

  _hasChildBlockElement(element: Node): boolean {
    // Readability's recursion amounts to: some descendant element is a block (div, p, table, list...).
    const stack: Node[] = [element];
    while (stack.length) {
      const n = stack.pop()!;
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== ELEMENT_NODE) continue;
        if (RULES.DIV_TO_P_ELEMS.has((c as Element).tagName)) return true;
        stack.push(c);
      }
    }
    return false;
  }

  _getLinkDensity(element: Element): number {
    // The same figure from one walk, without building each text (html-text-length.ts).
    return linkDensity(element);
  }

  /**
   * When a pass found a candidate with enough text and only the clean-up of it (which weighs class
   * names, e.g. a CMS calling every block a "widget") left too little, stripping unlikely candidates was
   * not what failed: Readability's next pass, the same without stripping, fails the same way (the
   * candidate is already there). Marking stripping as done makes Readability skip to its pass without
   * class weights, saving one full re-parse and search.
   */
  _prepArticle(articleContent: Element): void {
    const found = this._getInnerText(articleContent, true).length;
    this.census = { root: articleContent, tags: tagNamesBelow(articleContent) };
    try {
      RULES._prepArticle.call(this, articleContent);
    } finally {
      this.census = undefined;
    }
    if (found >= this._charThreshold && this._getInnerText(articleContent, true).length < this._charThreshold) {
      this._flags &= ~this.FLAG_STRIP_UNLIKELYS;
    }
  }

  /**
   * The element names below the article when `_prepArticle` began. Its clean-up walks the whole article
   * once per element name it removes (object, embed, footer, link, aside, iframe, input, textarea,
   * select, button; conditionally form, fieldset, table, ul, div), and a news article holds few of them.
   * Until its last such step the clean-up only removes elements (the one it creates, in
   * `_fixLazyImages`, is an img), so a name absent at the start is absent at each step: nothing to walk.
   */
  private census: { root: Element; tags: ReadonlySet<string> } | undefined;

  /** Whether `e` is known to hold no `tag` element (see census). */
  private holdsNone(e: Element, tag: string): boolean {
    const census = this.census;
    return census !== undefined && census.root === e && !census.tags.has(tag.toLowerCase());
  }

  _clean(e: Element, tag: string): void {
    if (this.holdsNone(e, tag)) return;
    RULES._clean.call(this, e, tag);
  }

  /** Set while `_cleanConditionally` runs (see CleanUpMemo). */
  private memo: CleanUpMemo | undefined;

  _getInnerText(node: Node, normalizeSpaces = true): string {
    const memo = this.memo;
    if (!memo) return RULES._getInnerText.call(this, node, normalizeSpaces);
    return memo.text(node, normalizeSpaces, () => RULES._getInnerText.call(this, node, normalizeSpaces));
  }

  _cleanConditionally(e: Element, tag: string): void {
    if (this.holdsNone(e, tag)) return;
    this.memo = new CleanUpMemo();
    try {
      RULES._cleanConditionally.call(this, e, tag);
    } finally {
      this.memo = undefined;
    }
  }

  _removeNodes(nodeList: ArrayLike<Element>, filterFn?: RemoveFilter): void {
    const memo = this.memo;
    if (!memo) return RULES._removeNodes.call(this, nodeList, filterFn);
    // A removal follows the filter's true at once: drop the texts it changes before the next judgement.
    const forgetting: RemoveFilter = function (node, i, list) {
      const remove = filterFn ? filterFn.call(this, node, i, list) : true;
      if (remove) memo.forgetAncestorsOf(node);
      return remove;
    };
    RULES._removeNodes.call(this, nodeList, forgetting);
  }

  _postProcessContent(article?: Element): void {
    if (article) delete (article as { innerHTML?: string }).innerHTML;
  }
}
