/**
 * Aligns the sentences of a story's reports: sentences of different reports that share enough content
 * words are taken to say the same thing. Words are weighted by how few of the story's sentences use
 * them, so "chemical weapons" in every sentence of a story does not make them all alike. Matters
 * every report states are "what all say";
 * sentences nothing in another report matches are "what only one says".
 */
import { contentSet } from "./content-words.ts";
import type { AlignedSentences, StorySentence } from "./types.ts";

/** Two sentences this alike (weighted Dice) speak of the same matter; near-copies score 0.8 and more. */
export const SAME_STATEMENT = 0.25;
/** A sentence with no match this close in another report is told by one report only. */
export const UNMATCHED_BELOW = 0.25;

export interface SentenceAlignment {
  allSay: AlignedSentences[];
  onlyOne: Array<{ articleId: string; sentences: StorySentence[] }>;
}

export function alignSentences(reports: string[], sentences: StorySentence[]): SentenceAlignment {
  const words = sentences.map((s) => contentSet(s.text));
  const dice = weightedDice(words);
  const report = sentences.map((s) => reports.indexOf(s.articleId));
  // For each sentence, its best match in every other report.
  const bestIn = sentences.map(() => reports.map(() => ({ score: 0, index: -1 })));
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i + 1; j < sentences.length; j++) {
      if (report[i] === report[j]) continue;
      const score = dice(i, j);
      if (score > bestIn[i][report[j]].score) bestIn[i][report[j]] = { score, index: j };
      if (score > bestIn[j][report[i]].score) bestIn[j][report[i]] = { score, index: i };
    }
  }
  const allSay: AlignedSentences[] = [];
  if (reports.length >= 2) {
    // Anchored on the first report: each of its sentences whose best match in every other report is close enough.
    const seen = new Set<string>();
    sentences.forEach((_, i) => {
      if (report[i] !== 0) return;
      const matches = bestIn[i].map((b, r) => (r === 0 ? i : b.score >= SAME_STATEMENT ? b.index : -1));
      if (matches.some((m) => m < 0)) return;
      const key = matches.join(",");
      if (seen.has(key)) return;
      seen.add(key);
      allSay.push({ sentences: matches.map((m) => sentences[m]) });
    });
  }
  const best = bestIn.map((row, i) => Math.max(0, ...row.filter((_, r) => r !== report[i]).map((b) => b.score)));
  const onlyOne = reports.map((articleId, r) => ({
    articleId,
    sentences: sentences.filter((s, i) => report[i] === r && best[i] < UNMATCHED_BELOW && words[i].size >= 3),
  }));
  return { allSay, onlyOne };
}

/** Dice overlap with each word weighted by its rarity among the story's sentences (idf). */
function weightedDice(words: Set<string>[]): (i: number, j: number) => number {
  const df = new Map<string, number>();
  for (const set of words) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  const weight = (w: string) => Math.log(1 + words.length / df.get(w)!);
  const mass = words.map((set) => [...set].reduce((sum, w) => sum + weight(w), 0));
  return (i, j) => {
    if (!mass[i] || !mass[j]) return 0;
    let shared = 0;
    for (const w of words[i]) if (words[j].has(w)) shared += weight(w);
    return (2 * shared) / (mass[i] + mass[j]);
  };
}
