/**
 * Text that was already damaged before it reached us: UTF-8 read as Windows-1252 and saved again
 * ("itâ€™s", "cafÃ©", "Â£5"). Checked on the lines the parser will see (for HTML, the rendered text,
 * so a mangled comment inside a script does not count). Reported, never "repaired" by guesswork.
 */
import type { Diagnostic } from "../record/schema.ts";
import type { Line } from "./types.ts";

const MOJIBAKE =
  /Ã[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u203A\u20AC\u2122]|â€[\u0080-\u00BF\u0153\u0161\u02DC\u2013-\u203A\u2122]|Â[\u00A0-\u00BF]/;

/**
 * A warning for the first line that looks like mojibake, if any (one is enough to act on).
 * `text`: the decoded text the lines came from (a superset of them), when at hand.
 */
export function checkMojibake(lines: Line[], file: string, text?: string): Diagnostic | undefined {
  // One scan of the whole text first: no match can span a line break, and almost no file has any.
  if (!MOJIBAKE.test(text ?? lines.map((l) => l.text).join("\n"))) return undefined;
  for (const line of lines) {
    const m = MOJIBAKE.exec(line.text);
    if (!m) continue;
    const count = lines.filter((l) => MOJIBAKE.test(l.text)).length;
    return {
      file,
      line: line.n,
      severity: "warning",
      rule: "mojibake-suspected",
      message: `Unexpected "${m[0]}", expected a single character: the text looks UTF-8 encoded twice (mojibake) on ${count} line${count > 1 ? "s" : ""}`,
      hint: "The file was damaged before it got here (UTF-8 read as Windows-1252 and saved again). Re-save it from the original source.",
    };
  }
  return undefined;
}
