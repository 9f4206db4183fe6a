/**
 * Page titles name things as the reports print them, apostrophes and ampersands included: escaped once
 * for HTML, where the layout prints them (a title worked out by a template string was escaped there
 * too, so a browser showed "O&#39;Brien").
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import type { Archive } from "../../src/archive/types.ts";
import { renderSite } from "../../src/site/render-site.ts";
import { AFP, parseSeed, REPO_ROOT, seedFiles } from "../helpers/seeds.ts";

const OUTLET = `O'Brien & Sons "Wire"`;
const STORY = `Kerry's <deal> & "the talks"`;
const PERSON = "Seán O'Kerry";

let out: string;
let archive: Archive;

/** The `<title>` text as a browser shows it (the entities decoded). */
function titleOf(url: string): string {
  const html = readFileSync(path.join(out, url, "index.html"), "utf8");
  const raw = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
  const names: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return raw.replace(/&(#\d+|[a-z]+);/g, (_, e: string) => (e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : names[e]!));
}

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), "titles-site-"));
  archive = buildArchive(seedFiles().map((f) => parseSeed(`seeds/${f}`).record));
  // The seeds' names hold no such characters: give one outlet, the story and one person such names.
  const afp = archive.records.find((r) => r.sourceFile === AFP)!.source;
  for (const r of archive.records) if (r.source.id === afp.id) r.source.name = OUTLET;
  for (const s of archive.sources) if (s.id === afp.id) s.name = OUTLET;
  archive.stories![0]!.title = STORY;
  archive.entities!.find((e) => e.kind === "person")!.name = PERSON;
  await renderSite({ archive, outDir: out, rootDir: REPO_ROOT });
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("page titles", () => {
  it("print a source's, a story's and a person's name once escaped", () => {
    const afp = archive.sources.find((s) => s.name === OUTLET)!;
    const person = archive.entities!.find((e) => e.name === PERSON)!;
    expect(titleOf(`sources/${afp.id}`)).toBe(`${OUTLET} · Wire Archive`);
    expect(titleOf(`stories/${archive.stories![0]!.id}`)).toBe(`${STORY} · Wire Archive`);
    expect(titleOf(`entities/${person.id}`)).toBe(`${PERSON} · Wire Archive`);
  });

  it("print the outlet's name once escaped on its timeline", () => {
    expect(titleOf(`timeline/source/${archive.sources.find((s) => s.name === OUTLET)!.id}`)).toBe(`Timeline: ${OUTLET} · Wire Archive`);
  });
});
