/** writeJsonList writes what JSON.stringify would, a piece at a time, letting other work run between pieces. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeJsonList } from "../../src/util/write-json-list.ts";

const dir = mkdtempSync(path.join(tmpdir(), "wa-json-list-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function written<T>(head: Record<string, unknown>, key: string, items: T[], json?: (item: T) => unknown): Promise<string> {
  const file = path.join(dir, `out-${n++}.json`);
  await writeJsonList(file, head, key, items, json);
  return readFileSync(file, "utf8");
}

describe("writeJsonList", () => {
  it("writes exactly JSON.stringify's text, with or without a head, with or without items", async () => {
    const items = [{ a: 1, text: 'quote "x" – é\n' }, { a: 2, nested: [null, true] }];
    expect(await written({ count: 2, when: "2026-01-02" }, "events", items)).toBe(JSON.stringify({ count: 2, when: "2026-01-02", events: items }));
    expect(await written({}, "events", items)).toBe(JSON.stringify({ events: items }));
    expect(await written({ count: 0 }, "events", [])).toBe(JSON.stringify({ count: 0, events: [] }));
    expect(await written({}, "a \"key\"", [])).toBe(JSON.stringify({ 'a "key"': [] }));
  });

  it("writes each item as json(item)", async () => {
    expect(await written({ title: "t" }, "ids", [{ id: "a" }, { id: "b" }], (item) => item.id)).toBe(JSON.stringify({ title: "t", ids: ["a", "b"] }));
  });

  it("writes a list of several megabytes in pieces, with other work running between them", async () => {
    // About 6 MB: six pieces or so.
    const items = Array.from({ length: 3000 }, (_, i) => ({ i, text: `${i} `.repeat(500) }));
    let turns = 0;
    let done = false;
    const spin = () => {
      turns++;
      if (!done) setImmediate(spin);
    };
    spin();
    const text = await written({ count: items.length }, "items", items);
    done = true;
    expect(text).toBe(JSON.stringify({ count: items.length, items }));
    expect(turns).toBeGreaterThanOrEqual(5);
  });

  it("rejects when the file cannot be written", async () => {
    await expect(writeJsonList(path.join(dir, "missing-folder", "x.json"), {}, "items", [1])).rejects.toThrow(/ENOENT/);
  });
});
