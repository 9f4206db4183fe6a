/**
 * Cut what the HTML path never reads from a page's source before it is parsed, so the DOM is smaller:
 * linkedom makes every element, attribute and text node a full object (with a WeakMap entry each), and
 * creating them, collecting them and later walking them is most of the path's time.
 * - Comments, scripts (but JSON-LD, which carries metadata), styles, templates, noscript, SVG and
 *   textarea are never page text: cut whole. Their raw-text content cannot contain their own end tag,
 *   so a non-greedy match to it is exact.
 * - Attributes: only those some later step reads are kept (`keep`), on every element but media ones
 *   (img, iframe...), whose attributes Readability scans wholesale (lazy images, video embeds).
 * - Whitespace between a tag and the next one is cut when either is a block element (or in <head>):
 *   a line break there shows nothing, and such blank text nodes are two in five of a page's text nodes.
 *   Inside <pre>, where it shows, nothing is touched.
 * One left-to-right pass: each match starts where the previous ended, so a tag-looking string inside a
 * comment, a kept script, <title> or <pre> is consumed with it and never rewritten. A start tag the
 * pattern does not recognise is left as written.
 */
import { MEDIA_ELEMENTS } from "./prune-for-article-search.ts";
import { BLOCKS } from "./render-html-lines.ts";

/** Elements next to which whitespace never shows: the blocks lines are cut at, and <head> content. */
const NO_SPACE_AROUND: ReadonlySet<string> = new Set([...BLOCKS, "br", "head", "title", "meta", "link", "base"]);

const WS = "[ \\t\\n\\f\\r]";
const NAME = "[a-zA-Z][^ \\t\\n\\f\\r/>]*";
/** An attribute as the HTML tokenizer reads it: a name, then optionally = and a quoted or bare value. */
const ATTR = `[^ \\t\\n\\f\\r"'>/=]+(?:${WS}*=${WS}*(?:"[^"]*"|'[^']*'|[^ \\t\\n\\f\\r>]*))?`;

const SOURCE = new RegExp(
  [
    "<!--[\\s\\S]*?-->",
    // Raw-text, never-read and preformatted blocks, whole (group 1: the element name).
    `<(script|style|template|noscript|svg|textarea|title|pre)\\b[^>]*>[\\s\\S]*?<\\/\\1${WS}*>`,
    // A start or end tag (2: "/" for an end tag, 3: name, 4: attributes), then the whitespace before
    // the next tag (5), whose name is 6.
    `<(\\/?)(${NAME})((?:${WS}+${ATTR})*)${WS}*\\/?>(?:(${WS}+)(?=<\\/?(${NAME})))?`,
  ].join("|"),
  "gi",
);
const ONE_ATTR = new RegExp(ATTR, "g");
const JSON_LD = /^<script\b[^>]*application\/ld\+json/i;

export function stripHtmlSource(html: string, keep: ReadonlySet<string>): string {
  return html.replace(
    SOURCE,
    (match: string, block?: string, slash?: string, tag?: string, attrs?: string, space?: string, next?: string) => {
      if (block !== undefined) {
        const name = block.toLowerCase();
        if (name === "title" || name === "pre" || (name === "script" && JSON_LD.test(match))) return match;
        return "";
      }
      if (tag === undefined) return ""; // a comment
      // The tag as written, and what follows it: the whitespace, unless it may show (between two
      // inline elements, "<b>a</b> <i>b</i>").
      let written = match;
      let tail = "";
      if (space !== undefined) {
        written = match.slice(0, match.length - space.length);
        if (!NO_SPACE_AROUND.has(tag.toLowerCase()) && !NO_SPACE_AROUND.has(next!.toLowerCase())) tail = space;
      }
      if (!attrs || slash || MEDIA_ELEMENTS.has(tag.toLowerCase())) return written + tail;
      const kept: string[] = [];
      let dropped = false;
      for (const a of attrs.match(ONE_ATTR) ?? []) {
        const eq = a.indexOf("=");
        const name = (eq < 0 ? a : a.slice(0, eq)).trim().toLowerCase();
        if (keep.has(name)) kept.push(a);
        else dropped = true;
      }
      if (!dropped) return written + tail;
      return `<${tag}${kept.map((a) => ` ${a}`).join("")}${written.endsWith("/>") ? " /" : ""}>${tail}`;
    },
  );
}
