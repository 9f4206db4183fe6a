/** Photo captions and credits: lines matching a caption pattern become `media` entries. */
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
    for (const { re, endings } of captionPatterns) {
      // Most caption patterns end in `\]$` or `\)$`: most lines are skipped without running them.
      if (endings !== undefined && !endings.has(last)) continue;
      const groups = re.exec(text)?.groups;
      if (!groups) continue;
      claim(d, line);
      d.media.push({ caption: groups.caption?.trim() || undefined, credit: groups.credit?.trim() || undefined, text, line: line.n });
      break;
    }
  }
}
