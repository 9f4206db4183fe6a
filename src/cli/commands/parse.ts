import path from "node:path";
import { buildArchive } from "../../archive/build-archive.ts";
import { readReport } from "../../ingest/read-report.ts";
import { parseReport } from "../../parse/parse-document.ts";
import type { Command } from "../command.ts";
import { summarise, writeDiagnostics } from "../format-diagnostics.ts";
import { loadParsed } from "../../archive/load-archive.ts";

export const command: Command = {
  name: "parse",
  summary: "Parse one report and print its record",
  usage: `wire-archive parse <file> [--json] [--alone]

Prints the article record of one report (--json: the record as JSON). Diagnostics go to stderr;
exit code 1 when the report has errors. Facts that need the rest of the archive (a date inferred
from related reports in seeds/, a unique id) are included unless --alone.`,
  options: { json: { type: "boolean" }, alone: { type: "boolean" } },
  async run({ values, positionals }, ctx) {
    const [file] = positionals;
    if (!file) {
      ctx.stderr.write("wire-archive parse: missing <file>. Usage: wire-archive parse <file> [--json]\n");
      return 2;
    }
    const abs = path.resolve(process.cwd(), file);
    const { record, usable } = parseReport(await readReport(abs, ctx.root));
    let final = record;
    if (usable) {
      // Put the report among the archive's others (replacing itself if it is one of them) for cross-report facts.
      const archive = values.alone ? undefined : await loadParsed({ root: ctx.root });
      const others = archive?.records.filter((r) => r.checksum !== record.checksum) ?? [];
      final = buildArchive([record, ...others], undefined, { permalinks: archive?.permalinks.entries }).records.find((r) => r.checksum === record.checksum) ?? record;
    }
    if (values.json) ctx.stdout.write(`${JSON.stringify(final, null, 2)}\n`);
    else ctx.stdout.write(describe(final));
    writeDiagnostics(ctx.stderr, final.diagnostics, { verbose: true });
    return summarise(final.diagnostics).errors || !usable ? 1 : 0;
  },
};

function describe(r: import("../../record/schema.ts").ArticleRecord): string {
  const date = r.published ? `${r.published.date}${r.published.time ? ` ${r.published.time}` : ""} (${r.published.origin}: ${r.published.evidence})` : "unknown";
  return [
    `${r.headline}${r.headlineOrigin === "derived" ? "  [headline derived]" : ""}`,
    `  id:        ${r.id}`,
    `  source:    ${r.source.name} (${r.source.origin})`,
    `  published: ${date}`,
    r.section ? `  section:   ${r.section}` : "",
    r.standfirst ? `  standfirst: ${r.standfirst}` : "",
    `  body:      ${r.body.length} blocks, ${r.wordCount} words; ${r.media.length} media, ${r.related.length} related, ${r.removed.length} lines removed`,
    "",
  ]
    .filter((l) => l !== "")
    .join("\n")
    .concat("\n");
}
