/** The archive's stories: grouped reports, each with its comparison. Entry point for the archive stage. */
import type { ArticleRecord } from "../record/schema.ts";
import { compareStory } from "./compare-story.ts";
import { groupStories, type GroupOptions } from "./group-stories.ts";
import type { Story, StoryComparison } from "./types.ts";

export interface BuildStoriesOptions extends GroupOptions {
  /** A story's comparison; default: compared afresh (the build passes a cache's, comparison-cache.ts). */
  compare?: (reports: ArticleRecord[]) => StoryComparison;
}

export function buildStories(records: ArticleRecord[], options: BuildStoriesOptions = {}): Story[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const compare = options.compare ?? compareStory;
  return groupStories(records, options).map((group) => ({
    ...group,
    comparison: compare(group.articleIds.map((id) => byId.get(id)!)),
  }));
}
