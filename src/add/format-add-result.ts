/** An add result as a person reads it: added (with each new page's URL), skipped and why, what changed. */
import { formatDiagnostic } from "../cli/format-diagnostics.ts";
import type { ArticleRecord } from "../record/schema.ts";
import type { AddResult, InputOutcome } from "./add-reports.ts";

const indent = (text: string, by: string) => text.split("\n").map((l) => by + l).join("\n");

function describeRecord(r: ArticleRecord, url: string | undefined): string[] {
  const date = r.published
    ? `${r.published.date}${r.published.time ? ` ${r.published.time}` : ""} (${r.published.origin}: "${r.published.evidence}")`
    : "unknown";
  return [
    `headline:  ${r.headline}${r.headlineOrigin === "derived" ? " (derived)" : ""}`,
    `source:    ${r.source.name} (${r.source.origin})`,
    `published: ${date}`,
    `id:        ${r.id}${url ? ` -> page ${url}` : ""}`,
    `body:      ${r.body.length} blocks, ${r.wordCount} words (${r.format}, ${r.encoding})`,
  ];
}

function diagnosticLines(o: InputOutcome, verbose: boolean): string[] {
  return o.diagnostics.filter((d) => verbose || d.severity !== "info").map((d) => indent(formatDiagnostic(d), "    "));
}

const SKIPPED_BECAUSE: Partial<Record<InputOutcome["status"], string>> = {
  "duplicate-input": "given twice",
  "rolled-back": "not added: the rebuild failed (below)",
};

export function formatAddResult(result: AddResult, opts: { verbose?: boolean } = {}): string {
  const verbose = Boolean(opts.verbose);
  const out: string[] = [];
  const added = result.outcomes.filter((o) => o.status === "added" || o.status === "would-add");
  const skipped = result.outcomes.filter((o) => o.status !== "added" && o.status !== "would-add");
  const failed = result.build && !result.build.ok && !result.build.locked;

  for (const d of result.diagnostics) out.push(formatDiagnostic(d));
  if (added.length && !failed) {
    out.push(result.dryRun ? `Would add ${added.length} report(s) (dry run: seeds/ and the site are untouched):` : `Added ${added.length} report(s):`);
    for (const o of added) {
      out.push(`  ${o.input} -> ${o.seedFile}${!result.dryRun && o.url ? `  ${o.url}` : ""}`);
      if (result.dryRun && o.record) out.push(...describeRecord(o.record, o.url).map((l) => `    ${l}`));
      else if (o.record) out.push(`    "${o.record.headline}" (${o.record.source.name}, ${o.record.published?.date ?? "date unknown"})`);
      out.push(...diagnosticLines(o, verbose));
    }
  }
  if (skipped.length) {
    out.push(`Skipped ${skipped.length}:`);
    for (const o of skipped) {
      const why = SKIPPED_BECAUSE[o.status] ?? (o.status === "already-in-archive" ? `already in the archive as ${o.seedFile}` : "not usable");
      out.push(`  ${o.input}: ${why}`);
      if (o.status === "rejected") out.push(...diagnosticLines(o, true));
    }
  }
  if (result.changed.length) {
    out.push("Changed by this addition:");
    for (const c of result.changed) out.push(`  ${c.sourceFile}: ${c.what}`);
  }
  const b = result.build;
  if (b?.ok) out.push(`Rebuilt the site: ${b.records} reports, ${b.pages} pages in ${(b.ms / 1000).toFixed(1)}s (${b.outDir}).`);
  else if (b && b.locked) out.push(`The site was not rebuilt: ${b.error}\nThe new report(s) are in seeds/ and will appear with the next build.`);
  else if (b) out.push(`Nothing added: the rebuild failed, so the new report(s) were taken out of seeds/ again; the site is as it was.\n${indent(b.error, "  ")}`);
  else if (!added.length) out.push("Nothing added: no input is a new, usable report.");
  return `${out.join("\n")}\n`;
}
