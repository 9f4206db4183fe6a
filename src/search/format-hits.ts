/** Search hits for the terminal: a numbered block per hit, matches in bold on a colour terminal. */
import type { SearchHit } from "./search-site.ts";

const BOLD = "\x1b[1m";
const RESET = "\x1b[0m";

export function formatHits(hits: SearchHit[], opts: { query: string; total: number; color?: boolean; baseUrl?: string }): string {
  if (!hits.length) return `No reports match "${opts.query}".\n`;
  const base = opts.baseUrl?.replace(/\/+$/, "") ?? "";
  const lines = [`${opts.total} ${opts.total === 1 ? "report matches" : "reports match"} "${opts.query}"${hits.length < opts.total ? ` (showing ${hits.length})` : ""}:`, ""];
  hits.forEach((hit, i) => {
    const n = `${i + 1}.`;
    const pad = " ".repeat(n.length + 1);
    lines.push(`${n} ${opts.color ? BOLD + hit.headline + RESET : hit.headline}`);
    lines.push(`${pad}${[hit.source || "Unknown source", hit.published ?? "Date unknown"].join(" · ")}`);
    lines.push(`${pad}${base}${hit.url}`);
    if (hit.excerpt) lines.push(`${pad}${highlight(hit, opts.color)}`);
    lines.push("");
  });
  return `${lines.join("\n")}`;
}

function highlight(hit: SearchHit, color = false): string {
  const text = `…${hit.excerpt}…`;
  if (!color) return text;
  let out = "";
  let at = 0;
  for (const [start, end] of hit.marks) {
    out += text.slice(at, start + 1) + BOLD + text.slice(start + 1, end + 1) + RESET;
    at = end + 1;
  }
  return out + text.slice(at);
}
