import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../src/ingest/decode-bytes.ts";
import { ingestBytes } from "../../src/ingest/read-report.ts";

const ascii = (s: string) => [...Buffer.from(s, "latin1")];
const bytes = (...parts: Array<string | number | number[]>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? ascii(p) : Array.isArray(p) ? p : [p])));
const rules = (d: { diagnostics: Array<{ rule: string }> }) => d.diagnostics.map((x) => x.rule);

describe("decodeBytes: inputs that cannot be a report", () => {
  it("rejects an empty file as empty-report, fatal", () => {
    const d = decodeBytes(new Uint8Array(0), "seeds/empty.txt");
    expect(d.fatal).toBe(true);
    expect(d.text).toBe("");
    expect(d.diagnostics).toHaveLength(1);
    expect(d.diagnostics[0]).toMatchObject({ rule: "empty-report", severity: "error", file: "seeds/empty.txt" });
    expect(d.diagnostics[0].hint).toBeTruthy();
  });

  it("rejects a whitespace-only file (spaces, tabs, CRLFs, NBSP) as empty-report", () => {
    const d = decodeBytes(bytes("  \t\r\n\r\n", [0xc2, 0xa0], "\n"), "seeds/blank.txt");
    expect(d.fatal).toBe(true);
    expect(rules(d)).toContain("empty-report");
  });

  it("rejects a file holding only a UTF-8 BOM as empty-report", () => {
    const d = decodeBytes(bytes([0xef, 0xbb, 0xbf]), "seeds/bom-only.txt");
    expect(d.fatal).toBe(true);
    expect(rules(d)).toContain("empty-report");
  });

  it("rejects PNG bytes named .txt as binary-input, naming PNG", () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], "IHDR", [0, 0, 1, 0]);
    const d = decodeBytes(png, "seeds/photo.txt");
    expect(d.fatal).toBe(true);
    expect(d.text).toBe("");
    expect(d.diagnostics).toHaveLength(1);
    expect(d.diagnostics[0].rule).toBe("binary-input");
    expect(d.diagnostics[0].message).toContain("PNG");
  });

  it.each([
    ["JPEG", [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JPEG"],
    ["GIF", ascii("GIF89a\x01\x00"), "GIF"],
    ["PDF", ascii("%PDF-1.4\n%âãÏÓ\n"), "PDF"],
    ["ZIP", [0x50, 0x4b, 0x03, 0x04, 0x14, 0], "ZIP"],
  ])("rejects %s bytes as binary-input naming the type", (_name, b, word) => {
    const d = decodeBytes(Uint8Array.from(b as number[]), "seeds/x.txt");
    expect(d.fatal).toBe(true);
    expect(d.diagnostics[0].rule).toBe("binary-input");
    expect(d.diagnostics[0].message).toContain(word);
  });

  it("rejects unknown bytes with NULs as binary-input", () => {
    const d = decodeBytes(bytes("abc", [0, 1, 2, 0, 0xff, 0x10, 0, 3], "def"), "seeds/blob.txt");
    expect(d.fatal).toBe(true);
    expect(d.diagnostics[0].rule).toBe("binary-input");
    expect(d.diagnostics[0].message).toContain("NUL");
  });

  it("rejects a 20 MB buffer as too-large without decoding it", () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x61);
    const d = ingestBytes(big, "seeds/huge.txt");
    expect(d.fatal).toBe(true);
    expect(d.lines).toEqual([]);
    expect(rules(d)).toEqual(["too-large"]);
    expect(d.diagnostics[0].message).toContain("20.0 MB");
    expect(d.diagnostics[0].hint).toMatch(/split/);
  });

  it("takes the size limit from options", () => {
    const d = decodeBytes(bytes("0123456789"), "a.txt", { maxBytes: 5 });
    expect(rules(d)).toEqual(["too-large"]);
    expect(decodeBytes(bytes("0123456789"), "a.txt", { maxBytes: 10 }).fatal).toBe(false);
  });
});

describe("decodeBytes: encodings", () => {
  it("keeps valid UTF-8 as is, with no diagnostics", () => {
    const d = decodeBytes(Uint8Array.from(Buffer.from("Price: £5 — “quoted” café\n", "utf8")), "a.txt");
    expect(d).toEqual({ text: "Price: £5 — “quoted” café\n", encoding: "UTF-8", diagnostics: [], fatal: false });
  });

  it("strips a UTF-8 BOM with info utf8-bom", () => {
    const d = decodeBytes(bytes([0xef, 0xbb, 0xbf], "Geneva talks\n"), "a.txt");
    expect(d.text).toBe("Geneva talks\n");
    expect(d.encoding).toBe("UTF-8");
    expect(rules(d)).toEqual(["utf8-bom"]);
    expect(d.diagnostics[0].severity).toBe("info");
  });

  it("decodes windows-1252 bytes: pound, curly quotes, em dash", () => {
    // 0xA3 £, 0x93/0x94 “ ”, 0x97 —, 0x92 ’, 0x80 €
    const b = bytes("The deal cost ", 0xa3, "5m ", 0x97, " Kerry said ", 0x93, "it", 0x92, "s done", 0x94, " (", 0x80, "4m).\n");
    const d = decodeBytes(b, "a.txt");
    expect(d.text).toBe("The deal cost £5m — Kerry said “it’s done” (€4m).\n");
    expect(d.encoding).toBe("windows-1252");
    expect(d.fatal).toBe(false);
    const legacy = d.diagnostics.find((x) => x.rule === "legacy-encoding");
    expect(legacy?.severity).toBe("info");
    expect(legacy?.message).toContain("windows-1252");
  });

  it("decodes Latin-1 bytes without C1 characters as ISO-8859-1", () => {
    const b = bytes("Caf", 0xe9, " in Z", 0xfc, "rich costs ", 0xa3, "3; na", 0xef, "ve ", 0xab, "oui", 0xbb, ".\n");
    const d = decodeBytes(b, "a.txt");
    expect(d.text).toBe("Café in Zürich costs £3; naïve «oui».\n");
    expect(d.encoding).toBe("ISO-8859-1");
    expect(rules(d)).toEqual(["legacy-encoding"]);
  });

  it("decodes a short single pound sign as Western, not a guessed exotic encoding", () => {
    const d = decodeBytes(bytes(0xa3, "5\n"), "a.txt");
    expect(d.text).toBe("£5\n");
  });

  it("decodes UTF-16LE and UTF-16BE with BOM", () => {
    const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from("Talks — day 3\r\n", "utf16le")]);
    const d = decodeBytes(le, "a.txt");
    expect(d.text).toBe("Talks — day 3\n");
    expect(d.encoding).toBe("UTF-16LE");
    expect(rules(d)).toEqual(["utf16", "line-endings"]);

    const beBody = Buffer.from("Genève", "utf16le").swap16();
    const be = decodeBytes(Uint8Array.from([0xfe, 0xff, ...beBody]), "a.txt");
    expect(be.text).toBe("Genève");
    expect(be.encoding).toBe("UTF-16BE");
  });

  it("converts CRLF to LF with info line-endings", () => {
    const d = decodeBytes(bytes("one\r\ntwo\r\n\r\nthree"), "a.txt");
    expect(d.text).toBe("one\ntwo\n\nthree");
    expect(rules(d)).toEqual(["line-endings"]);
    expect(d.diagnostics[0].message).toContain("3 CRLF");
  });

  it("converts lone CR (old Mac) and mixed endings to LF", () => {
    const d = decodeBytes(bytes("one\rtwo\r\nthree\rfour\n"), "a.txt");
    expect(d.text).toBe("one\ntwo\nthree\nfour\n");
    expect(d.diagnostics[0].rule).toBe("line-endings");
    expect(d.diagnostics[0].message).toContain("1 CRLF");
    expect(d.diagnostics[0].message).toContain("2 lone CR");
  });

  it("flags bytes a BOM-declared UTF-8 file cannot hold, instead of dropping them", () => {
    const d = decodeBytes(bytes([0xef, 0xbb, 0xbf], "ok\nbad ", 0xff, " byte\n"), "a.txt");
    expect(d.text).toBe("ok\nbad \uFFFD byte\n");
    const w = d.diagnostics.find((x) => x.rule === "undecodable-bytes");
    expect(w).toMatchObject({ severity: "warning", line: 2 });
  });

  it("notes a replacement character already present in valid UTF-8 as info, not as bad bytes", () => {
    const d = decodeBytes(Uint8Array.from(Buffer.from("one\nca\uFFFDe\n", "utf8")), "a.txt");
    expect(d.text).toBe("one\nca\uFFFDe\n");
    expect(d.diagnostics).toMatchObject([{ rule: "replacement-character", severity: "info", line: 2 }]);
  });

  it("uses an HTML page's <meta charset> for legacy bytes, reading ISO-8859-1 as windows-1252 like browsers", () => {
    const page = bytes('<html><head><meta charset="iso-8859-1"></head><body><p>', 0x93, "Peace", 0x94, " talks ", 0x96, " day 3</p></body></html>");
    const d = decodeBytes(page, "a.html", { htmlCharset: true });
    expect(d.encoding).toBe("windows-1252");
    expect(d.text).toBe('<html><head><meta charset="iso-8859-1"></head><body><p>“Peace” talks – day 3</p></body></html>');
    expect(d.diagnostics[0].message).toContain("<meta charset>");
  });
});
