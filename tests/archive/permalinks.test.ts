/**
 * Published URLs never move or change hands: the permalink ledger keeps each report's id through
 * added reports with the same headline, edited headlines, removed and renamed files, and fresh clones.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import { nextPermalinks, readPermalinks, serialisePermalinks, type PermalinkEntry } from "../../src/archive/permalinks.ts";
import { ingestBytes } from "../../src/ingest/read-report.ts";
import { parseReport } from "../../src/parse/parse-document.ts";

const body = `Delegations from both sides met for a second day at the lakeside conference centre, officials said.

The talks are expected to continue into next week, with a draft agreement on prisoner exchanges on the table.

Neither side commented on reports that the mediators had proposed a new timetable for the withdrawal of troops.`;

function report(file: string, headline: string, date: string, extra = "") {
  const text = `---\nheadline: ${headline}\nsource: Example Wire\npublished: ${date}\n---\n${body}\n${extra}\n`;
  return parseReport(ingestBytes(new TextEncoder().encode(text), file)).record;
}

const HEADLINE = "Ceasefire talks resume in Geneva";
const SLUG = "ceasefire-talks-resume-in-geneva";
const idsOf = (records: ReturnType<typeof report>[], permalinks?: PermalinkEntry[]) =>
  Object.fromEntries(buildArchive(records, undefined, { permalinks }).records.map((r) => [r.sourceFile, r.id]));
const ledgerOf = (records: ReturnType<typeof report>[], previous: PermalinkEntry[] = []) =>
  nextPermalinks(previous, buildArchive(records, undefined, { permalinks: previous }).records);

describe("ids with the permalink ledger", () => {
  const june = report("seeds/june.txt", HEADLINE, "2014-06-02");
  const may = report("seeds/may.txt", HEADLINE, "2014-05-02", "An earlier report with the same headline.");

  it("without a ledger the earliest report of a shared headline takes the plain slug", () => {
    const ids = idsOf([june, may]);
    expect(ids["seeds/may.txt"]).toBe(SLUG);
    expect(ids["seeds/june.txt"]).toMatch(new RegExp(`^${SLUG}-[0-9a-f]{8}$`));
  });

  it("a published page keeps its URL when an older report with the same headline arrives", () => {
    const published = ledgerOf([june]);
    expect(published).toEqual([{ file: "seeds/june.txt", id: SLUG, checksum: june.checksum }]);
    const ids = idsOf([june, may], published);
    expect(ids["seeds/june.txt"]).toBe(SLUG);
    expect(ids["seeds/may.txt"]).toMatch(new RegExp(`^${SLUG}-[0-9a-f]{8}$`));
    const collision = buildArchive([june, may], undefined, { permalinks: published }).records.find((r) => r.sourceFile === "seeds/may.txt")!;
    expect(collision.diagnostics.find((d) => d.rule === "id-collision")?.message).toContain("held by seeds/june.txt");
  });

  it("a published report keeps its URL when its headline is corrected, and says why", () => {
    const published = ledgerOf([june]);
    const corrected = report("seeds/june.txt", "Ceasefire talks resume in Geneva after delay", "2014-06-02");
    expect(idsOf([corrected])).toEqual({ "seeds/june.txt": `${SLUG}-after-delay` });
    expect(idsOf([corrected], published)).toEqual({ "seeds/june.txt": SLUG });
    const [kept] = buildArchive([corrected], undefined, { permalinks: published }).records;
    expect(kept.diagnostics.find((d) => d.rule === "published-id")?.message).toContain(`gives "${SLUG}-after-delay"`);
  });

  it("the build after the first, with the ledger it wrote, gives the very same records, diagnostics included", () => {
    // Page keys cover the whole record: any difference would re-render every page the record is on.
    const other = report("seeds/other.txt", "Another headline entirely", "2014-06-03");
    const first = buildArchive([june, may, other], "t").records;
    const again = buildArchive([june, may, other], "t", { permalinks: nextPermalinks([], first) }).records;
    expect(first.some((r) => r.diagnostics.some((d) => d.rule === "id-collision"))).toBe(true);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
  });

  it("a removed report's URL stays reserved: a later report with its headline gets another", () => {
    const published = ledgerOf([june]);
    const again = report("seeds/july.txt", HEADLINE, "2014-07-02", "A different report.");
    expect(idsOf([again], published)["seeds/july.txt"]).toMatch(new RegExp(`^${SLUG}-[0-9a-f]{8}$`));
    // The gone report stays in the ledger, so the reservation outlives more builds.
    expect(ledgerOf([again], published).map((e) => e.file)).toEqual(["seeds/july.txt", "seeds/june.txt"]);
  });

  it("a renamed report (same bytes, another file name) takes its URL along", () => {
    const published = ledgerOf([june, may]);
    const renamed = { ...structuredClone(june), sourceFile: "seeds/2014-06-02-geneva.txt" };
    expect(idsOf([renamed, may], published)["seeds/2014-06-02-geneva.txt"]).toBe(published.find((e) => e.file === "seeds/june.txt")!.id);
    // The old name's entry is gone from the next ledger: its id passed to the new name.
    expect(ledgerOf([renamed, may], published).map((e) => e.file)).toEqual(["seeds/2014-06-02-geneva.txt", "seeds/may.txt"]);
  });

  it("two entries claiming one id (a bad merge): the first keeps it, the second gets a new one", () => {
    const other = report("seeds/other.txt", "Another headline entirely", "2014-06-03");
    const clash: PermalinkEntry[] = [
      { file: "seeds/june.txt", id: SLUG, checksum: june.checksum },
      { file: "seeds/other.txt", id: SLUG, checksum: other.checksum },
    ];
    expect(idsOf([june, other], clash)).toEqual({ "seeds/june.txt": SLUG, "seeds/other.txt": "another-headline-entirely" });
  });
});

describe("the ledger file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "wa-permalinks-"));
  const file = path.join(dir, ".permalinks.json");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is empty when there is none yet", () => {
    expect(readPermalinks(dir)).toEqual({ entries: [], text: "", diagnostics: [] });
  });

  it("reads back what it writes, one entry a line", () => {
    const entries = [
      { file: "seeds/a.txt", id: "a", checksum: "1".repeat(64) },
      { file: "seeds/b.txt", id: "b-2", checksum: "2".repeat(64) },
    ];
    writeFileSync(file, serialisePermalinks(entries));
    expect(readPermalinks(dir).entries).toEqual(entries);
    const lines = readFileSync(file, "utf8").split("\n");
    expect(lines.filter((l) => l.includes('"file"'))).toHaveLength(2);
  });

  it("says where invalid JSON is, and that merge-conflict markers are the cause when they are", () => {
    const good = serialisePermalinks([{ file: "seeds/a.txt", id: "a", checksum: "1".repeat(64) }]).split("\n");
    const conflicted = [...good.slice(0, 4), "<<<<<<< HEAD", good[4], "=======", good[4].replace('"a"', '"b"'), ">>>>>>> branch", ...good.slice(5)];
    writeFileSync(file, conflicted.join("\n"));
    const [d] = readPermalinks(dir, "seeds/.permalinks.json").diagnostics;
    expect(d).toMatchObject({ file: "seeds/.permalinks.json", severity: "error", rule: "bad-permalinks", line: 5 });
    expect(d.message).toContain("merge-conflict markers");
    expect(d.hint).toMatch(/Fix the file/);
  });

  it("rejects an entry without an id", () => {
    writeFileSync(file, JSON.stringify({ version: 1, articles: [{ file: "seeds/a.txt", checksum: "x" }] }));
    const { entries, diagnostics } = readPermalinks(dir);
    expect(entries).toEqual([]);
    expect(diagnostics[0].message).toContain("articles.0.id");
  });
});
