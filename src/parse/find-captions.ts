/** Photo captions and credits: lines matching a caption pattern become `media` entries. */
import { claim, openLines, patterns, type Draft } from "./draft.ts";
import { mayEndMatch } from "./regex-ending.ts";

export function findCaptions(d: Draft): void {
  const captionPatterns = patterns(d, "captions").flat();
  for (const line of openLines(d)) {
    const text = line.text.trim();
    if (!text) continue;
    for (const re of captionPatterns) {
      // Most caption patterns end in `\]$` or `\)$`: most lines are skipped without running them.
      if (!mayEndMatch(re, text)) continue;
      const groups = re.exec(text)?.groups;
      if (!groups) continue;
      claim(d, line);
      d.media.push({ caption: groups.caption?.trim() || undefined, credit: groups.credit?.trim() || undefined, text, line: line.n });
      break;
    }
  }
}
