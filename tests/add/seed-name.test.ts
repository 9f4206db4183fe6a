/** Names for new reports in seeds/: safe, visible to the build, never overwriting. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listReports } from "../../src/archive/list-reports.ts";
import { copyIntoSeeds, takenNames } from "../../src/add/copy-into-seeds.ts";
import { freeSeedName, safeSeedName } from "../../src/add/seed-name.ts";

describe("safeSeedName", () => {
  it.each([
    ["report.txt", "report.txt"],
    ["/some/where/Report.TXT", "Report.txt"],
    ["../../etc/passwd", "passwd.txt"],
    [".hidden.txt", "hidden.txt"],
    ["~draft.md", "draft.md"],
    ["notes.txt~", "notes.txt"],
    ["story.bak", "story.bak.txt"],
    ["README.md", "readme-report.md"],
    ["Café du Commerce – dépêche.html", "Cafe-du-Commerce-depeche.html"],
    ["no extension", "no-extension.txt"],
    ["...", "report.txt"],
  ])("%s -> %s", (input, expected) => {
    expect(safeSeedName(input)).toBe(expected);
  });
});

describe("freeSeedName", () => {
  it("keeps a free name, numbers a taken one, ignoring case", () => {
    expect(freeSeedName("a.txt", new Set())).toBe("a.txt");
    expect(freeSeedName("a.txt", new Set(["a.txt"]))).toBe("a-2.txt");
    expect(freeSeedName("A.txt", new Set(["a.txt", "a-2.txt"]))).toBe("A-3.txt");
  });
});

describe("copyIntoSeeds", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "wa-seeds-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("never overwrites: a name that exists on disk gets the next free one, and no temp file is left", async () => {
    writeFileSync(path.join(dir, "report.txt"), "the old report");
    // `taken` is deliberately stale (empty): the file system, not our list, has the last word.
    const name = await copyIntoSeeds(dir, "report.txt", Buffer.from("the new report"), new Set());
    expect(name).toBe("report-2.txt");
    expect(readFileSync(path.join(dir, "report.txt"), "utf8")).toBe("the old report");
    expect(readFileSync(path.join(dir, "report-2.txt"), "utf8")).toBe("the new report");
    expect(readdirSync(dir).sort()).toEqual(["report-2.txt", "report.txt"]);
  });

  it("the copy is visible to the build under its name", async () => {
    const name = await copyIntoSeeds(dir, safeSeedName(".odd name~"), Buffer.from("text"), await takenNames(dir));
    expect(await listReports(dir)).toEqual([path.join(dir, name)]);
  });
});
