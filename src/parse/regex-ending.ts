/**
 * What a pattern's matches must end with, read from its source: a pattern whose every top-level
 * alternative ends in an escaped punctuation mark anchored at the end (`...\]$`, `...\)$`) can only
 * match a text ending in one of those marks. Stages that try many such patterns on every line skip
 * them on lines ending otherwise, without running them (they scan and backtrack the whole line).
 */

const memo = new WeakMap<RegExp, ReadonlySet<string> | null>();

/** The characters a match must end with, or undefined when the pattern does not say. */
export function requiredEndings(re: RegExp): ReadonlySet<string> | undefined {
  let found = memo.get(re);
  if (found === undefined) {
    found = re.multiline ? null : endingsOf(re.source);
    memo.set(re, found);
  }
  return found ?? undefined;
}

/** Whether `re` could match the (non-empty) `text`, judged by its last character alone; true when unsure. */
export function mayEndMatch(re: RegExp, text: string): boolean {
  const endings = requiredEndings(re);
  return endings === undefined || endings.has(text[text.length - 1]);
}

function endingsOf(source: string): Set<string> | null {
  const out = new Set<string>();
  for (const alt of topLevelAlternatives(source)) {
    // `\X$` with X punctuation, the backslash itself not escaped (an odd run of backslashes).
    const m = /(\\+)([^\p{L}\p{N}\s])\$$/u.exec(alt);
    if (!m || m[1].length % 2 === 0) return null;
    out.add(m[2]);
  }
  return out.size ? out : null;
}

function topLevelAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "|" && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}
