/** Story grouping on hand-made reports: which pairs the date window lets the link rule look at. */
import { describe, expect, it } from "vitest";
import { groupStories } from "../../src/stories/group-stories.ts";
import { record } from "../timeline/records.ts";

const story = [
  "Flood barriers failed along the river Severn overnight and hundreds of homes in Shrewsbury were evacuated by firefighters.",
  "Engineers from the Environment Agency blamed record rainfall and a breach in the Frankwell barrier near the town centre.",
];
// Unrelated reports, so that the story's words are rare in the archive (as in a real one).
const others = ["Voters in Wales went to the polls to choose a new assembly.", "The museum reopened after a long restoration of its roof."].map((text, i) =>
  record(`other-${i}`, "AP", "2014-02-01", [text]),
);
const members = (records: ReturnType<typeof record>[]) => groupStories(records).map((s) => s.articleIds);

describe("story grouping: the date window", () => {
  it("links reports of one story dated within three days, not the same words two weeks later", () => {
    const reports = [record("a", "BBC", "2014-02-10", story), record("b", "AFP", "2014-02-12", story), record("c", "AP", "2014-02-26", story), ...others];
    expect(members(reports)).toEqual([["a", "b"]]);
  });

  it("still links an undated near-rewrite to a dated report, whatever the date", () => {
    const reports = [record("a", "BBC", "2014-02-10", story), record("u", "Wire", null, story), ...others];
    expect(members(reports)).toEqual([["a", "u"]]);
  });

  it("links reports on both sides of a dated report's window edge only inside it", () => {
    const reports = [record("a", "BBC", "2014-02-10", story), record("b", "AFP", "2014-02-13", story), ...others];
    expect(members(reports)).toEqual([["a", "b"]]);
    const apart = [record("a", "BBC", "2014-02-10", story), record("b", "AFP", "2014-02-14", story), ...others];
    expect(members(apart)).toEqual([]);
  });
});
