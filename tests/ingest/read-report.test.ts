import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatOf, ingestBytes, readReport } from "../../src/ingest/read-report.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SEEDS = path.join(ROOT, "seeds");

describe("formatOf", () => {
  it.each([
    ["a/b.html", "html"],
    ["a/b.HTM", "html"],
    ["a/b.md", "markdown"],
    ["a/b.markdown", "markdown"],
    ["a/b.txt", "text"],
    ["a/README", "text"],
  ])("%s -> %s", (file, format) => expect(formatOf(file)).toBe(format));
});

describe("seed reports", () => {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith(".txt"));

  it("there are seeds to check", () => expect(seeds.length).toBeGreaterThanOrEqual(3));

  it.each(seeds)("%s ingests with no warnings or errors, its lines exactly the file's lines", async (name) => {
    const abs = path.join(SEEDS, name);
    const raw = readFileSync(abs);
    const doc = await readReport(abs, ROOT);
    expect(doc.file).toBe(`seeds/${name}`);
    expect(doc.fatal).toBe(false);
    expect(doc.format).toBe("text");
    expect(doc.encoding).toBe("UTF-8");
    expect(doc.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(doc.checksum).toBe(createHash("sha256").update(raw).digest("hex"));
    expect(doc.byteLength).toBe(raw.length);
    const fileLines = raw.toString("utf8").replace(/\n$/, "").split("\n");
    expect(doc.lines.map((l) => l.text)).toEqual(fileLines);
    expect(doc.lines.map((l) => l.n)).toEqual(fileLines.map((_, i) => i + 1));
    expect(doc.claimed).toEqual([]);
    expect(doc.bodyLines).toBeUndefined();
  });
});

describe("readReport", () => {
  it("rejects a file over the size limit without decoding it, still hashing it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ingest-"));
    const abs = path.join(dir, "big.txt");
    writeFileSync(abs, "x".repeat(2000));
    const doc = await readReport(abs, dir, { maxBytes: 1000 });
    expect(doc.file).toBe("big.txt");
    expect(doc.fatal).toBe(true);
    expect(doc.diagnostics.map((d) => d.rule)).toEqual(["too-large"]);
    expect(doc.byteLength).toBe(2000);
    expect(doc.checksum).toBe(createHash("sha256").update("x".repeat(2000)).digest("hex"));
  });

  it("reports a missing file as unreadable-file instead of throwing", async () => {
    const doc = await readReport(path.join(ROOT, "seeds", "does-not-exist.txt"), ROOT);
    expect(doc.fatal).toBe(true);
    expect(doc.diagnostics).toMatchObject([{ rule: "unreadable-file", file: "seeds/does-not-exist.txt" }]);
  });

  it("every diagnostic carries the file and a hint", () => {
    const docs = [
      ingestBytes(new Uint8Array(0), "a/empty.txt"),
      ingestBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "a/p.txt"),
      ingestBytes(new TextEncoder().encode("---\nx: [\n---\nbody\r\n"), "a/b.md"),
    ];
    for (const d of docs.flatMap((doc) => doc.diagnostics)) {
      expect(d.file).toMatch(/^a\//);
      expect(d.hint).toBeTruthy();
      expect(d.message).toMatch(/^Unexpected /);
    }
  });
});

describe("mojibake", () => {
  it("warns about text that was already mojibake (UTF-8 read as Windows-1252) without changing it", () => {
    const doc = ingestBytes(new TextEncoder().encode("Fine line\nKerry said itâ€™s done\n"), "a/m.txt");
    expect(doc.lines[1].text).toBe("Kerry said itâ€™s done");
    expect(doc.diagnostics).toMatchObject([{ rule: "mojibake-suspected", severity: "warning", line: 2 }]);
  });

  it("ignores mojibake inside an HTML page's scripts (not part of the text)", () => {
    const html = "<html><body><script>// nÃ£o</script><p>Clean text.</p></body></html>";
    const doc = ingestBytes(new TextEncoder().encode(html), "a/m.html");
    expect(doc.diagnostics.map((d) => d.rule)).not.toContain("mojibake-suspected");
  });

  it("cuts a saved page's <title> at its last separator: an earlier one of another kind is the headline's", () => {
    const page = (meta: string) =>
      `<html><head><title>Lords wrong on detainees - Straw | The Courier</title>${meta}</head><body><p>Jack Straw has attacked the decision.</p></body></html>`;
    const named = ingestBytes(new TextEncoder().encode(page('<meta property="og:site_name" content="The Courier">')), "a/t.html");
    expect(named.stated.headline).toBe("Lords wrong on detainees - Straw");
    // Without a stated site name, a short last part is taken for it all the same.
    expect(ingestBytes(new TextEncoder().encode(page("")), "a/t.html").stated.headline).toBe("Lords wrong on detainees - Straw");
  });
});

const TIMELINE = "/work/shared/timeline/dev/reports";
const hasTimeline = existsSync(TIMELINE);
if (!hasTimeline) console.warn(`skipping timeline dev-set check: ${TIMELINE} does not exist`);

describe.skipIf(!hasTimeline)("timeline dev set (../shared/timeline/dev/reports)", () => {
  it("every report ingests without warnings or errors, with source and published stated", () => {
    const files = readdirSync(TIMELINE).filter((f) => f.endsWith(".md"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const doc = ingestBytes(readFileSync(path.join(TIMELINE, f)), `dev/${f}`);
      expect(doc.diagnostics.filter((d) => d.severity !== "info"), f).toEqual([]);
      expect(doc.stated.source, f).toBeTruthy();
      expect(doc.stated.published?.date, f).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // Front matter is five lines here (---, headline, source, published, ---): body starts at line 6.
      expect(doc.claimed.map((c) => c.line), f).toEqual([1, 2, 3, 4, 5]);
      expect(doc.lines[0].n, f).toBe(6);
    }
  });

  it("reads the first report's stated fields (checked by hand)", () => {
    const doc = ingestBytes(readFileSync(path.join(TIMELINE, "APW19980807.0261.md")), "dev/APW19980807.0261.md");
    expect(doc.stated.headline).toBe("Explosions rock U.S. embassies in Tanzania, Kenya");
    expect(doc.stated.source).toBe("Associated Press");
    expect(doc.stated.published).toEqual({ date: "1998-08-07", evidence: "published: 1998-08-07", line: 4 });
    expect(doc.lines[1]).toEqual({ n: 7, text: "NAIROBI, Kenya (AP) _" });
  });
});
