/** Compares a story's reports: what all say, what only one says, where they disagree, shared quotes. */
import type { ArticleRecord } from "../record/schema.ts";
import { findDiscrepancies } from "./compare-claims.ts";
import { findSharedQuotes } from "./compare-quotes.ts";
import { alignSentences } from "./compare-sentences.ts";
import { storySentences } from "./story-sentences.ts";
import type { StoryComparison } from "./types.ts";

/** Reports in the story's order (`articleIds`). */
export function compareStory(reports: ArticleRecord[]): StoryComparison {
  const ids = reports.map((r) => r.id);
  const sentences = reports.flatMap(storySentences);
  const { allSay, onlyOne } = alignSentences(ids, sentences);
  return {
    allSay,
    onlyOne,
    discrepancies: findDiscrepancies(ids, sentences),
    sharedQuotes: findSharedQuotes(ids, sentences),
  };
}
