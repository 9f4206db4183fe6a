/**
 * Raw bytes -> text. Rejects what cannot be a news report (too large, binary, empty) before doing
 * any real work, strips BOMs, decodes UTF-8 / UTF-16 / legacy single-byte encodings and
 * normalises line endings to LF. Never throws: everything it finds is a diagnostic.
 */
import chardet from "chardet";
import iconv from "iconv-lite";
import type { Diagnostic } from "../record/schema.ts";

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface DecodeOptions {
  /** Reject files larger than this many bytes (default 5 MB). */
  maxBytes?: number;
  /** The bytes are an HTML page: a `<meta charset>` near the top names the legacy encoding. */
  htmlCharset?: boolean;
}

export interface DecodedText {
  /** The decoded text: no BOM, LF line endings. Empty when `fatal`. */
  text: string;
  /** "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", "ISO-8859-1"... or "binary"/"unknown" when fatal. */
  encoding: string;
  diagnostics: Diagnostic[];
  fatal: boolean;
}

/** Leading bytes of formats people save by mistake in place of a report. */
const MAGIC_NUMBERS: Array<{ name: string; bytes: number[]; offset?: number }> = [
  { name: "PNG image", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: "JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { name: "GIF image", bytes: [0x47, 0x49, 0x46, 0x38] }, // "GIF8"
  { name: "PDF document", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-"
  { name: "ZIP archive (or DOCX/ODT/EPUB)", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "ZIP archive (empty)", bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: "gzip archive", bytes: [0x1f, 0x8b] },
  { name: "bzip2 archive", bytes: [0x42, 0x5a, 0x68] }, // "BZh"
  { name: "7-Zip archive", bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: "RAR archive", bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: "xz archive", bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: "WebP image", bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 }, // RIFF....WEBP
  { name: "TIFF image", bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: "TIFF image", bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: "BMP image", bytes: [0x42, 0x4d], offset: 0 },
  { name: "legacy Word/Excel document (OLE)", bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: "ELF executable", bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: "Windows executable", bytes: [0x4d, 0x5a, 0x90, 0x00] },
  { name: "MP4/MOV video", bytes: [0x66, 0x74, 0x79, 0x70], offset: 4 }, // ....ftyp
  { name: "MP3 audio", bytes: [0x49, 0x44, 0x33] }, // "ID3"
  { name: "SQLite database", bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
];

/** Encodings whose C1 range (0x80-0x9F) is control characters; Windows code pages put printable
 *  characters there (curly quotes, dashes, €), so those bytes mean the Windows page was used. */
const WINDOWS_COUNTERPART: Record<string, string> = {
  "ISO-8859-1": "windows-1252",
  "ISO-8859-15": "windows-1252",
  "ISO-8859-2": "windows-1250",
  "ISO-8859-7": "windows-1253",
  "ISO-8859-8": "windows-1255",
  "ISO-8859-9": "windows-1254",
  "ISO-8859-13": "windows-1257",
};

const SAMPLE_BYTES = 8192;

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export function tooLargeDiagnostic(file: string, size: number, maxBytes: number): Diagnostic {
  return {
    file,
    severity: "error",
    rule: "too-large",
    message: `Unexpected file of ${mb(size)}, expected a news report under ${mb(maxBytes)}`,
    hint: "This is far larger than any news report: check it is the right file, or split it into one file per report (the limit is the maxBytes option).",
  };
}

function startsWith(bytes: Uint8Array, magic: number[], offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[offset + i] !== magic[i]) return false;
  return true;
}

/** Bytes a known format can start with (or hold at its signature's offset): most text files start otherwise. */
const MAGIC_AT = MAGIC_NUMBERS.map((m) => ({ offset: m.offset ?? 0, byte: m.bytes[0] }));

/** Name of the binary format the bytes start with, if it is a known one. */
export function detectMagic(bytes: Uint8Array): string | undefined {
  if (!MAGIC_AT.some((m) => bytes[m.offset] === m.byte)) return undefined;
  for (const m of MAGIC_NUMBERS) {
    if (m.name === "BMP image") {
      // "BM" alone is too weak (a report may start with "BM..."); also require a plausible header size.
      if (startsWith(bytes, m.bytes) && bytes.length > 14 && bytes[14] >= 12 && bytes[15] === 0 && bytes[6] === 0) return m.name;
      continue;
    }
    if (startsWith(bytes, m.bytes, m.offset ?? 0)) return m.name;
  }
  return undefined;
}

/** UTF-16 without a BOM: ASCII-range text leaves a NUL in every other byte. */
function sniffBomlessUtf16(sample: Uint8Array): "UTF-16LE" | "UTF-16BE" | undefined {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return undefined;
  // No NUL at all (nearly every file): nothing to count.
  if (sample.indexOf(0) === -1) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  if (oddNul / pairs > 0.6 && evenNul / pairs < 0.05) return "UTF-16LE";
  if (evenNul / pairs > 0.6 && oddNul / pairs < 0.05) return "UTF-16BE";
  return undefined;
}

/** The control bytes `controlRatio` counts, as characters of the sample read as Latin-1 (one per byte). */
const ODD_CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]/;

/** Share of bytes in the sample that are control characters no text file contains. */
function controlRatio(sample: Uint8Array): number {
  if (sample.length === 0) return 0;
  // Nearly every file has none: one native scan instead of a loop over every byte.
  if (!ODD_CONTROL.test(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).toString("latin1"))) return 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    // Allowed: TAB, LF, VT, FF, CR, ESC (ANSI colour in terminal dumps) and everything from space up.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) odd++;
    else if (b === 0x7f) odd++;
  }
  return odd / sample.length;
}

function hasC1Bytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80 && b <= 0x9f) return true;
  return false;
}

/** `<meta charset="...">` or `<meta http-equiv="Content-Type" content="...; charset=...">` in the first 4 KB. */
function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString("latin1");
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (!m) return undefined;
  const name = m[1].toLowerCase();
  // The HTML standard reads these labels as windows-1252 (browsers always have).
  if (["iso-8859-1", "latin1", "l1", "us-ascii", "ascii", "iso8859-1", "cp819"].includes(name)) return "windows-1252";
  return iconv.encodingExists(name) && !/^utf-?(8|16)/.test(name) ? name : undefined;
}

/** Pick a legacy encoding for bytes that are not valid UTF-8. */
function chooseLegacyEncoding(bytes: Uint8Array, html = false): { encoding: string; detail: string } {
  const declared = html ? declaredHtmlCharset(bytes) : undefined;
  if (declared) return { encoding: declared, detail: "declared by the page's <meta charset>" };
  const c1 = hasC1Bytes(bytes);
  const western = c1 ? "windows-1252" : "ISO-8859-1";
  // chardet's guesses for multi-byte Unicode forms or ASCII cannot be right here (no BOM, not UTF-8, has high bytes).
  const candidates = chardet
    .analyse(bytes)
    .filter((m) => !/^(UTF-|ASCII)/i.test(m.name) && iconv.encodingExists(m.name));
  const top = candidates[0];
  if (!top || top.confidence < 20) {
    return { encoding: western, detail: "no confident guess; assumed Western European" };
  }
  let encoding: string = top.name;
  if (c1 && WINDOWS_COUNTERPART[encoding]) encoding = WINDOWS_COUNTERPART[encoding];
  if (!c1 && encoding === "windows-1252") encoding = "ISO-8859-1"; // identical outside 0x80-0x9F; name the plainer one
  return { encoding, detail: `chardet: ${top.name}, confidence ${top.confidence}%` };
}

/** CRLF and lone CR -> LF; says what it changed. */
function normaliseLineEndings(text: string): { text: string; crlf: number; cr: number } {
  let crlf = 0;
  let cr = 0;
  if (!text.includes("\r")) return { text, crlf, cr };
  const out = text.replace(/\r\n?/g, (m) => {
    if (m.length === 2) crlf++;
    else cr++;
    return "\n";
  });
  return { text: out, crlf, cr };
}

/** One decoder for every file (a non-streaming decode keeps no state between calls). */
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function decodeBytes(bytes: Uint8Array, file: string, opts: DecodeOptions = {}): DecodedText {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const diagnostics: Diagnostic[] = [];
  const fail = (encoding: string, d: Omit<Diagnostic, "file" | "severity">): DecodedText => ({
    text: "",
    encoding,
    diagnostics: [...diagnostics, { file, severity: "error", ...d }],
    fatal: true,
  });

  // Size first: a huge file is rejected without looking at its contents.
  if (bytes.length > maxBytes) {
    return { text: "", encoding: "unknown", diagnostics: [tooLargeDiagnostic(file, bytes.length, maxBytes)], fatal: true };
  }
  if (bytes.length === 0) {
    return fail("unknown", {
      rule: "empty-report",
      message: "Unexpected empty file, expected the text of a news report",
      hint: "Paste the report's text into the file, or delete the file.",
    });
  }

  // Byte-order marks decide the encoding outright (and UTF-16 legitimately contains NUL bytes).
  let encoding: string | undefined;
  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = "UTF-8";
    body = bytes.subarray(3);
    diagnostics.push({
      file,
      line: 1,
      severity: "info",
      rule: "utf8-bom",
      message: "Unexpected UTF-8 byte-order mark at the start of the file, expected plain UTF-8; it was removed",
      hint: "Nothing to do; some editors (Notepad) add it. Save as \"UTF-8\" without BOM to silence this.",
    });
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    encoding = bytes[0] === 0xff ? "UTF-16LE" : "UTF-16BE";
    body = bytes.subarray(2);
    diagnostics.push({
      file,
      line: 1,
      severity: "info",
      rule: "utf16",
      message: `Unexpected ${encoding} text (with byte-order mark), expected UTF-8; it was decoded as ${encoding}`,
      hint: "Nothing to do; re-save the file as UTF-8 to silence this.",
    });
  }

  if (!encoding) {
    const magic = detectMagic(bytes);
    if (magic) {
      return fail("binary", {
        rule: "binary-input",
        message: `Unexpected ${magic}, expected the text of a news report`,
        hint: `This file is a ${magic}, not text. Remove it from the reports folder, or replace it with the report's text.`,
      });
    }
    const sample = bytes.subarray(0, SAMPLE_BYTES);
    const utf16 = sniffBomlessUtf16(sample);
    if (utf16) {
      encoding = utf16;
      diagnostics.push({
        file,
        line: 1,
        severity: "info",
        rule: "utf16",
        message: `Unexpected ${utf16} text without a byte-order mark, expected UTF-8; it was decoded as ${utf16}`,
        hint: "Nothing to do; re-save the file as UTF-8 to silence this.",
      });
    } else {
      const nul = bytes.indexOf(0);
      const ratio = controlRatio(sample);
      if (nul !== -1 || ratio > 0.1) {
        const why = nul !== -1 ? `a NUL byte at offset ${nul}` : `${Math.round(ratio * 100)}% control characters`;
        return fail("binary", {
          rule: "binary-input",
          message: `Unexpected binary data (${why}), expected the text of a news report`,
          hint: "This does not look like a text file. Remove it from the reports folder, or replace it with the report's text.",
        });
      }
    }
  }

  let text: string;
  let lossy = false;
  if (encoding === "UTF-16LE" || encoding === "UTF-16BE") {
    lossy = true; // unpaired surrogates decode to U+FFFD
    text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), encoding);
  } else {
    try {
      text = STRICT_UTF8.decode(body);
      encoding ??= "UTF-8";
    } catch {
      // A BOM promised UTF-8 but the bytes disagree: still decode what we can, replacement chars flagged below.
      if (encoding === "UTF-8") {
        lossy = true;
        text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(body);
      } else {
        const legacy = chooseLegacyEncoding(body, opts.htmlCharset);
        encoding = legacy.encoding;
        lossy = true; // a few code points (0x81 in windows-1252...) have no character
        text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), encoding);
        diagnostics.push({
          file,
          severity: "info",
          rule: "legacy-encoding",
          message: `Unexpected non-UTF-8 bytes, expected UTF-8; decoded as ${encoding} (${legacy.detail})`,
          hint: `Check that £, curly quotes and accented letters read correctly; re-save the file as UTF-8 to silence this.`,
        });
      }
    }
  }

  const endings = normaliseLineEndings(text);
  text = endings.text;
  if (endings.crlf || endings.cr) {
    const parts = [
      endings.crlf ? `${endings.crlf} CRLF (Windows)` : "",
      endings.cr ? `${endings.cr} lone CR (classic Mac)` : "",
    ].filter(Boolean);
    diagnostics.push({
      file,
      severity: "info",
      rule: "line-endings",
      message: `Unexpected ${parts.join(" and ")} line ending${endings.crlf + endings.cr > 1 ? "s" : ""}, expected LF; converted to LF`,
      hint: "Nothing to do; line numbers refer to the converted lines.",
    });
  }

  const replacement = text.indexOf("\uFFFD");
  if (replacement !== -1) {
    const count = text.split("\uFFFD").length - 1;
    const plural = count > 1 ? "s" : "";
    diagnostics.push(
      lossy
        ? {
            file,
            line: lineOfIndex(text, replacement),
            severity: "warning",
            rule: "undecodable-bytes",
            message: `Unexpected ${count} byte sequence${plural} not valid in ${encoding}, expected valid text; shown as \uFFFD`,
            hint: "The file is probably damaged or mixes encodings: re-save it as UTF-8 from the original source.",
          }
        : {
            // Valid bytes that spell U+FFFD: the damage happened before this file was saved; nothing we can undo.
            file,
            line: lineOfIndex(text, replacement),
            severity: "info",
            rule: "replacement-character",
            message: `Unexpected ${count} replacement character${plural} (\uFFFD) in the text, expected the original characters`,
            hint: "The source lost these characters before the file was saved; fix them by hand if they matter.",
          },
    );
  }

  // \s covers NBSP, zero-width no-break space and other Unicode spaces.
  if (/^[\s\u200B\u200C\u200D\u2060]*$/.test(text)) {
    return fail(encoding, {
      rule: "empty-report",
      message: "Unexpected file with only whitespace, expected the text of a news report",
      hint: "Paste the report's text into the file, or delete the file.",
    });
  }

  return { text, encoding, diagnostics, fatal: false };
}
