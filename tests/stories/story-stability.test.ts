/** Story ids and membership stay put when reports are added, and grouping is deterministic. */
import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import { ingestBytes } from "../../src/ingest/read-report.ts";
import { parseReport } from "../../src/parse/parse-document.ts";
import { groupStories } from "../../src/stories/group-stories.ts";
import { parseSeed, seedFiles } from "../helpers/seeds.ts";

const seeds = () => seedFiles().map((f) => parseSeed(`seeds/${f}`).record);

function report(file: string, text: string) {
  return parseReport(ingestBytes(new TextEncoder().encode(text), file)).record;
}

// Same week as the seeds, different happening: shares no distinctive words with them.
const football = report(
  "extra/football.txt",
  `---
headline: Arsenal beat Chelsea in London derby
source: Example Wire
published: 2013-09-14
---
Arsenal beat Chelsea 2-1 at the Emirates Stadium on Saturday, with Olivier Giroud scoring the winner in the second half.

Chelsea manager Jose Mourinho said his side had defended poorly from set pieces and would need to improve before the Champions League match in Basel.

Arsenal manager Arsene Wenger praised his midfield, saying the team had shown great spirit after a difficult week of injuries.
`,
);

// A fourth outlet on the same talks, the next day.
const followUp = report(
  "extra/geneva-deal.txt",
  `---
headline: Kerry and Lavrov agree Syria chemical weapons deal in Geneva
source: Example Wire
published: 2013-09-14
---
US Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov agreed in Geneva on a framework to eliminate Syria's chemical weapons arsenal after three days of talks.

Under the plan, Syria must declare its stockpile within a week and OPCW inspectors must be on the ground by November, with the UN Security Council to back the deal.

President Bashar al-Assad's government has said it will join the Chemical Weapons Convention; the opposition remained deeply sceptical.

Ban Ki-moon welcomed the agreement in New York and said UN inspectors' report on the Damascus attack would be released on Monday.
`,
);

describe("story stability", () => {
  it("keeps the seed story's id and reports when an unrelated report is added", () => {
    const before = buildArchive(seeds()).stories!;
    const after = buildArchive([...seeds(), football]).stories!;
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(before[0].id);
    expect(after[0].articleIds).toEqual(before[0].articleIds);
  });

  it("adds a related report to the existing story without changing its id (the earliest report stays the earliest)", () => {
    const before = buildArchive(seeds()).stories!;
    const archive = buildArchive([...seeds(), followUp]);
    expect(archive.stories).toHaveLength(1);
    expect(archive.stories![0].id).toBe(before[0].id);
    expect(archive.stories![0].articleIds).toHaveLength(4);
  });

  it("gives the same stories whatever order the reports come in", () => {
    const records = [...seeds(), football, followUp];
    const a = groupStories(records);
    const b = groupStories([...records].reverse());
    expect(b).toEqual(a);
  });

  it("makes no story of a single report", () => {
    expect(groupStories([football])).toEqual([]);
  });
});
