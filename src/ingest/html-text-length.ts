/**
 * The length of an element's text as Readability measures it (`textContent`, trimmed, every run of two
 * or more whitespace characters made one space), without building the string. Readability's link
 * density asks for it on every candidate and for every link inside, so each text is joined, trimmed and
 * rewritten once per enclosing candidate; here each text node is read once (its shape is kept) and an
 * element's length is summed from its text nodes' shapes.
 */

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const ELEMENT_NODE = 1;

/** Whether a UTF-16 code unit is whitespace for JavaScript's `\s` and `trim()` (the same set). */
export function isJsSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** A text's characters as normalisation sees them. */
interface TextShape {
  /** Non-whitespace characters. */
  solid: number;
  /** Whitespace runs between two non-whitespace characters (each becomes one space). */
  gaps: number;
  /** Starts / ends with whitespace. */
  lead: boolean;
  trail: boolean;
  /** Has characters, all whitespace. */
  blank: boolean;
}

function shapeOf(text: string): TextShape {
  let solid = 0;
  let gaps = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    if (isJsSpace(text.charCodeAt(i))) {
      if (solid) inSpace = true;
    } else {
      if (inSpace) gaps++;
      inSpace = false;
      solid++;
    }
  }
  const lead = text.length > 0 && isJsSpace(text.charCodeAt(0));
  return { solid, gaps, lead, trail: inSpace, blank: text.length > 0 && solid === 0 };
}

/** Shapes of text nodes already read, with the value they were read from (a changed value is read again). */
const shapes = new WeakMap<Node, { value: string; shape: TextShape }>();

function textNodeShape(node: Node): TextShape {
  const value = node.nodeValue ?? "";
  const known = shapes.get(node);
  if (known && known.value === value) return known.shape;
  const shape = shapeOf(value);
  shapes.set(node, { value, shape });
  return shape;
}

/** Normalised length of a concatenation of texts, fed one text's shape at a time. */
class NormalizedLength {
  private solid = 0;
  private gaps = 0;
  /** Whitespace seen since the last non-whitespace character (after the first one). */
  private pending = false;

  add(s: TextShape): void {
    if (s.solid === 0) {
      if (s.blank && this.solid) this.pending = true;
      return;
    }
    if (this.solid && (this.pending || s.lead)) this.gaps++;
    this.solid += s.solid;
    this.gaps += s.gaps;
    this.pending = s.trail;
  }

  get length(): number {
    return this.solid + this.gaps;
  }
}

/** `textContent.trim().replace(/\s{2,}/g, " ").length`, without building the string. */
export function normalizedTextLength(root: Node): number {
  const total = new NormalizedLength();
  walkText(root, (shape) => total.add(shape));
  return total.length;
}

function walkText(root: Node, onText: (shape: TextShape) => void, onElement?: (el: Element) => (() => void) | undefined): void {
  // Iterative pre-order walk; an element's exit callback runs after its last descendant.
  const stack: Array<Node | (() => void)> = [];
  const pushChildren = (n: Node) => {
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  };
  pushChildren(root);
  while (stack.length) {
    const top = stack.pop()!;
    if (typeof top === "function") {
      top();
      continue;
    }
    const type = top.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) onText(textNodeShape(top));
    else if (type === ELEMENT_NODE) {
      const exit = onElement?.(top as Element);
      if (exit) stack.push(exit);
      pushChildren(top);
    }
  }
}

/**
 * Readability's `_getLinkDensity`: the normalised text length of the `<a>` elements below `element`
 * (nested ones counted at each level, as getElementsByTagName lists them; links whose href is a
 * `#fragment` weigh 0.3) over the element's own normalised text length; 0 for an element without text.
 */
export function linkDensity(element: Element, hashWeight = 0.3): number {
  const total = new NormalizedLength();
  const open: NormalizedLength[] = [];
  let linkLength = 0;
  walkText(
    element,
    (shape) => {
      total.add(shape);
      for (const link of open) link.add(shape);
    },
    (el) => {
      if (el.localName !== "a") return undefined;
      const href = el.getAttribute("href");
      const weight = href && HASH_URL.test(href) ? hashWeight : 1;
      const link = new NormalizedLength();
      open.push(link);
      return () => {
        open.splice(open.indexOf(link), 1);
        linkLength += link.length * weight;
      };
    },
  );
  return total.length === 0 ? 0 : linkLength / total.length;
}

const HASH_URL = /^#.+/;
