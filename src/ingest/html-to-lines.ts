/**
 * A saved HTML page -> text lines, the fields its metadata states, and which lines are the article.
 * Lines are rendered from the whole body (so nothing is lost); Readability then marks the article.
 * To know which rendered lines Readability kept, each text node is wrapped in a span carrying its
 * index before Readability runs: attributes survive its restructuring and re-parsing, node
 * identity does not.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { Diagnostic } from "../record/schema.ts";
import { readHtmlMetadata } from "./html-metadata.ts";
import { renderHtmlLines } from "./render-html-lines.ts";
import type { Line, StatedFields } from "./types.ts";

export interface HtmlLines {
  lines: Line[];
  /** Lines inside the article Readability found (empty when none was found). */
  bodyLines: Set<number>;
  /** Element name per line (p, h2, li, blockquote, figcaption, td...). */
  lineTags: Map<number, string>;
  stated: StatedFields;
  diagnostics: Diagnostic[];
}

const NODE_ATTR = "data-wa-node";

export function htmlToLines(html: string, file: string): HtmlLines {
  const diagnostics: Diagnostic[] = [];
  let document: Document;
  try {
    ({ document } = parseHTML(html) as unknown as { document: Document });
  } catch (err) {
    diagnostics.push({
      file,
      severity: "error",
      rule: "bad-html",
      message: `Unexpected HTML the parser could not read (${(err as Error).message}), expected a web page`,
      hint: "Re-save the page from the browser (File > Save Page As, HTML only).",
    });
    return { lines: [], bodyLines: new Set(), lineTags: new Map(), stated: {}, diagnostics };
  }

  const { stated } = readHtmlMetadata(document, file, diagnostics);
  const root: Node = document.body ?? document.documentElement ?? document;
  const rendered = renderHtmlLines(root);

  const { scripts, handlers } = rendered.activeContent;
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
    return { lines: [], bodyLines: new Set(), lineTags: rendered.tags, stated, diagnostics };
  }

  // Readability would walk these too; they are never article text (it drops scripts itself anyway).
  for (const node of rendered.dead) node.parentNode?.removeChild(node);
  rendered.textNodes.forEach(({ node }, k) => {
    const span = document.createElement("span");
    span.setAttribute(NODE_ATTR, String(k));
    node.parentNode?.replaceChild(span, node);
    span.appendChild(node);
  });

  const bodyLines = articleLines(document, rendered, file, diagnostics);
  return { lines: rendered.lines, bodyLines, lineTags: rendered.tags, stated, diagnostics };
}

function articleLines(
  document: Document,
  rendered: ReturnType<typeof renderHtmlLines>,
  file: string,
  diagnostics: Diagnostic[],
): Set<number> {
  let content: string | null | undefined;
  try {
    content = new Readability(document, { keepClasses: false }).parse()?.content;
  } catch (err) {
    diagnostics.push({
      file,
      severity: "warning",
      rule: "no-article-found",
      message: `Unexpected failure finding the article (${(err as Error).message}), expected Readability to find it`,
      hint: "All of the page's text was kept; the parser will pick the article from it.",
    });
    return new Set();
  }
  // Characters per line that ended up inside the article, counted from the spans Readability kept.
  const kept = new Map<number, number>();
  if (content) {
    const seen = new Set<number>();
    for (const m of content.matchAll(new RegExp(`${NODE_ATTR}="(\\d+)"`, "g"))) {
      const k = Number(m[1]);
      const t = rendered.textNodes[k];
      if (!t || seen.has(k)) continue;
      seen.add(k);
      kept.set(t.line, (kept.get(t.line) ?? 0) + (t.node.nodeValue ?? "").trim().length);
    }
  }
  const body = new Set<number>();
  for (const [line, chars] of kept) {
    if (chars * 2 >= (rendered.lineChars.get(line) ?? 0)) body.add(line);
  }
  if (body.size === 0) {
    diagnostics.push({
      file,
      severity: "warning",
      rule: "no-article-found",
      message: "Unexpected page without a recognisable article, expected one main block of text",
      hint: "All of the page's text was kept; the parser will pick the article from it. Check the result, or paste the article's text into a .txt file instead.",
    });
  }
  return body;
}
