/** The archive's stories: grouped reports, each with its comparison. Entry point for the archive stage. */
import type { ArticleRecord } from "../record/schema.ts";
import { compareStory } from "./compare-story.ts";
import { groupStories, type GroupOptions } from "./group-stories.ts";
import type { Story } from "./types.ts";

export function buildStories(records: ArticleRecord[], options: GroupOptions = {}): Story[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return groupStories(records, options).map((group) => ({
    ...group,
    comparison: compareStory(group.articleIds.map((id) => byId.get(id)!)),
  }));
}
