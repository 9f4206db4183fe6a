/**
 * Pattern-based clean-up from the profiles: share bars and other fixed boilerplate lines, teaser
 * lists opened by a marker line ("Featured on ...", "Most read"), and related-article links.
 */
import type { CompiledPattern } from "../profiles/load-profiles.ts";
import { claim, isBlank, openLines, patterns, removeLine, type Draft } from "./draft.ts";

// Plain loops rather than find/some with a closure: these run on every line of every report.
function firstMatching(list: CompiledPattern[], text: string): CompiledPattern | undefined {
  for (let i = 0; i < list.length; i++) if (list[i].re.test(text)) return list[i];
  return undefined;
}

function anyMatches(res: RegExp[], text: string): boolean {
  for (let i = 0; i < res.length; i++) if (res[i].test(text)) return true;
  return false;
}

export function stripBoilerplate(d: Draft): void {
  const boilerplate = patterns(d, "boilerplate").flat();
  for (const line of openLines(d)) {
    const text = line.text.trim();
    if (!text) continue;
    const hit = firstMatching(boilerplate, text);
    if (hit) removeLine(d, line, hit.reason);
  }
}

/**
 * A teaser marker and the lines that follow it are boilerplate: up to the next blank line, or to
 * the end when the marker sits in the last third of the report (recommendation lists close a page);
 * in an HTML page, up to the edge of the article Readability found.
 */
export function stripTeaserLists(d: Draft): void {
  const markers = patterns(d, "teaserMarkers").flat();
  const lines = openLines(d);
  const last = d.doc.lines.at(-1)?.n ?? 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text.trim();
    const marker = text && firstMatching(markers, text);
    if (!marker) continue;
    removeLine(d, lines[i], marker.reason);
    const toEnd = lines[i].n > (last * 2) / 3;
    // In an HTML page the list ends where Readability's article begins or ends (there are no blank lines).
    const inArticle = (n: number) => d.doc.bodyLines?.has(n) ?? false;
    const markerInArticle = inArticle(lines[i].n);
    for (let j = i + 1; j < lines.length; j++) {
      if (d.doc.bodyLines && inArticle(lines[j].n) !== markerInArticle) break;
      if (isBlank(lines[j])) {
        if (toEnd) continue;
        break;
      }
      removeLine(d, lines[j], `teaser listed under "${text}"`);
      i = j;
    }
  }
}

export function findRelatedLinks(d: Draft): void {
  const related = patterns(d, "related").flat();
  for (const line of openLines(d)) {
    const text = line.text.trim();
    if (text && anyMatches(related, text)) {
      claim(d, line);
      d.related.push({ text, line: line.n });
    }
  }
}
