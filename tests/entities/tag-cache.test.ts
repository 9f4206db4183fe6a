/**
 * The tagger's answers survive the process: saved after one build, loaded by the next, and used
 * instead of tagging again (shown with an answer the tagger itself would never give).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeAliasTable } from "../../src/entities/alias-table.ts";
import { findMentions, TAGGER_VERSION } from "../../src/entities/find-mentions.ts";
import { loadTagCache, saveTagCache } from "../../src/entities/tag-cache.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const tempDir = async () => {
  const d = await mkdtemp(path.join(os.tmpdir(), "wa-tags-"));
  dirs.push(d);
  return d;
};

const recordWith = (text: string) => ({ id: "r", body: [{ type: "paragraph", text, line: 1, endLine: 1 }] }) as unknown as ArticleRecord;

describe("entity tag cache", () => {
  it("saves what was tagged, one file per tagger version, replacing other versions' files", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "entity-tags-old-version.json"), "[]");
    findMentions(recordWith("Officials in Geneva said talks would go on."), makeAliasTable());
    await saveTagCache(dir);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toContain(TAGGER_VERSION.replace(/[^\w.-]/g, "_"));
    const entries = JSON.parse(readFileSync(path.join(dir, files[0]), "utf8")) as Array<[string, unknown[]]>;
    expect(entries.some(([key]) => key.includes("Geneva"))).toBe(true);
  });

  it("uses a loaded answer instead of tagging the run again", async () => {
    const dir = await tempDir();
    await saveTagCache(dir);
    const file = path.join(dir, readdirSync(dir)[0]);
    // A run the tagger has not seen in this process, with a made-up answer: a "place".
    const entries = [["|Quarzel Vimboly|said", [{ kind: "place", text: "Quarzel Vimboly", start: 0 }]]];
    await writeFile(file, JSON.stringify(entries));
    expect(await loadTagCache(dir)).toBe(1);
    const mentions = findMentions(recordWith("Quarzel Vimboly said the talks had ended."), makeAliasTable());
    expect(mentions.map((m) => [m.name, m.kind])).toEqual([["Quarzel Vimboly", "place"]]);
  });

  it("treats a missing or corrupt file as empty", async () => {
    const dir = await tempDir();
    expect(await loadTagCache(path.join(dir, "nowhere"))).toBe(0);
    await saveTagCache(dir);
    await writeFile(path.join(dir, readdirSync(dir)[0]), "{not json");
    expect(await loadTagCache(dir)).toBe(0);
    expect(existsSync(dir)).toBe(true);
  });
});
