/**
 * Quotations in a story's reports, shown once with every report that carries them. A quotation is
 * text between straight or curly double quotes; two are the same when, punctuation and case aside, one
 * contains the other. Single words in quotes are scare quotes ("overwhelming"), not quotations: a
 * quotation needs at least two words to be matched across reports.
 */
import { groupBy } from "../util/collections.ts";
import { findAttribution } from "./find-attribution.ts";
import type { SharedQuote, StorySentence } from "./types.ts";

export const MIN_QUOTE_WORDS = 2;

const QUOTED = /["“]([^"“”]+?)["”]/g;

export interface FoundQuote {
  text: string;
  key: string;
  sentence: StorySentence;
  speaker?: string;
}

export function normaliseQuote(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function findQuotes(sentences: StorySentence[]): FoundQuote[] {
  const out: FoundQuote[] = [];
  for (const sentence of sentences) {
    for (const m of sentence.text.matchAll(QUOTED)) {
      const text = m[1].trim().replace(/[,.;:]+$/, "");
      const key = normaliseQuote(text);
      if (key.split(" ").length < MIN_QUOTE_WORDS) continue;
      const speaker = findAttribution(sentence.text);
      out.push({ text, key, sentence, ...(speaker ? { speaker } : {}) });
    }
  }
  return out;
}

/** Quotations carried by at least two of the reports, longest wording first within each group. */
export function findSharedQuotes(reports: string[], sentences: StorySentence[]): SharedQuote[] {
  const quotes = findQuotes(sentences);
  const parent = quotes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < quotes.length; i++) {
    for (let j = i + 1; j < quotes.length; j++) {
      const a = ` ${quotes[i].key} `;
      const b = ` ${quotes[j].key} `;
      if (a.includes(b) || b.includes(a)) parent[find(i)] = find(j);
    }
  }
  const groups = groupBy(quotes, (_, i) => find(i));
  const shared: SharedQuote[] = [];
  for (const group of groups.values()) {
    const ids = new Set(group.map((q) => q.sentence.articleId));
    if (ids.size < 2) continue;
    const ordered = [...group].sort((a, b) => reports.indexOf(a.sentence.articleId) - reports.indexOf(b.sentence.articleId));
    const seen = new Set<string>();
    const sources = [];
    for (const q of ordered) {
      if (seen.has(q.sentence.articleId)) continue;
      seen.add(q.sentence.articleId);
      sources.push({
        articleId: q.sentence.articleId,
        blockIndex: q.sentence.blockIndex,
        sentence: q.sentence.text,
        ...(q.speaker ? { speaker: q.speaker } : {}),
      });
    }
    // The longest wording is the fullest: show it; every source's own sentence is listed with it.
    const text = [...group].sort((a, b) => b.text.length - a.text.length)[0].text;
    shared.push({ text, sources });
  }
  return shared.sort((a, b) => firstPosition(a, sentences) - firstPosition(b, sentences));
}

function firstPosition(q: SharedQuote, sentences: StorySentence[]): number {
  const s = q.sources[0];
  return sentences.findIndex((x) => x.articleId === s.articleId && x.blockIndex === s.blockIndex);
}
