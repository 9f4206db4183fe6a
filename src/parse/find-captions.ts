/**
 * Photo captions and credits: lines matching a caption pattern become `media` entries, and so does
 * every line an HTML page marks as a caption (<figcaption>), whatever it looks like: on the dev set
 * 26 of the 27 figcaption lines Readability kept in an article were not part of its gold body.
 */
import { claim, openLines, patterns, type Draft } from "./draft.ts";
import { requiredEndings } from "./regex-ending.ts";

export function findCaptions(d: Draft): void {
  // Each pattern with the characters its matches must end in, looked up once per report, not per line.
  const captionPatterns = patterns(d, "captions")
    .flat()
    .map((re) => ({ re, endings: requiredEndings(re) }));
  for (const line of openLines(d)) {
    const text = line.text.trim();
    if (!text) continue;
    const last = text[text.length - 1];
    let groups: Record<string, string | undefined> | undefined;
    for (const { re, endings } of captionPatterns) {
      // Most caption patterns end in `\]$` or `\)$`: most lines are skipped without running them.
      if (endings !== undefined && !endings.has(last)) continue;
      groups = re.exec(text)?.groups;
      if (groups) break;
    }
    if (!groups && d.doc.lineTags?.get(line.n) !== "figcaption") continue;
    claim(d, line);
    d.media.push({ caption: (groups ? groups.caption?.trim() : text) || undefined, credit: groups?.credit?.trim() || undefined, text, line: line.n });
  }
}
