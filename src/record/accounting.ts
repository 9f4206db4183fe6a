/**
 * "Nothing is lost": every non-blank input line must be accounted for by some part of the record
 * (a field, a body block, media, a related link, or `removed` with a reason). `claimsByLine` lists,
 * for each line number, the texts that claim it; `unaccountedLines` checks every word of every line
 * appears in those texts.
 */
import type { ArticleRecord } from "./schema.ts";

export function claimsByLine(record: ArticleRecord): Map<number, string[]> {
  const claims = new Map<number, string[]>();
  const add = (line: number | undefined, text: string | undefined, endLine?: number) => {
    if (line === undefined || text === undefined) return;
    for (let n = line; n <= (endLine ?? line); n++) {
      const list = claims.get(n) ?? [];
      list.push(text);
      claims.set(n, list);
    }
  };
  add(record.headlineLine, record.headline);
  add(record.source.line, record.source.evidence);
  add(record.published?.line, record.published?.evidence);
  for (const f of record.fields) add(f.line, f.text);
  for (const b of record.body) {
    if (b.type === "timeline") {
      add(b.line, b.title);
      for (const e of b.entries) add(e.line, `${e.label} ${e.text}`, e.endLine);
    } else add(b.line, b.text, b.endLine);
  }
  for (const m of record.media) add(m.line, m.text);
  for (const r of record.related) add(r.line, r.text, r.endLine);
  for (const r of record.removed) add(r.line, r.text);
  return claims;
}

/** Letters and digits as separate runs, so a repaired glue (`summit9 Sep` -> `summit` / `9 Sep`) still matches. */
const WORD = /\p{L}+|\p{N}+/gu;

/** Lines (number and text) some of whose words appear in no claim for that line. */
export function unaccountedLines(record: ArticleRecord, lines: Array<{ n: number; text: string }>): Array<{ n: number; text: string }> {
  const claims = claimsByLine(record);
  // A paragraph claims each of its lines; count its words once, not once per line.
  const counted = new Map<string, Map<string, number>>();
  const countWords = (text: string) => {
    let counts = counted.get(text);
    if (!counts) {
      counts = new Map();
      for (const w of text.match(WORD) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
      counted.set(text, counts);
    }
    return counts;
  };
  return lines.filter((line) => {
    const words = line.text.match(WORD);
    const texts = claims.get(line.n) ?? [];
    if (!words) return line.text.trim() !== "" && !texts.length;
    const need = new Map<string, number>();
    for (const w of words) need.set(w, (need.get(w) ?? 0) + 1);
    for (const [w, n] of need) {
      let have = 0;
      for (const t of texts) have += countWords(t).get(w) ?? 0;
      if (have < n) return true;
    }
    return false;
  });
}
