/** Diagnostics as a person reads them: `file:line: severity [rule] message` and the hint beneath. */
import type { Diagnostic } from "../record/schema.ts";

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ""}: ` : "";
  return `${where}${d.severity} [${d.rule}] ${d.message}${d.hint ? `\n    ${d.hint}` : ""}`;
}

export function summarise(diagnostics: Diagnostic[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warning").length,
    infos: diagnostics.filter((d) => d.severity === "info").length,
  };
}

export function writeDiagnostics(stream: NodeJS.WritableStream, diagnostics: Diagnostic[], opts: { verbose?: boolean } = {}): void {
  for (const d of diagnostics) if (opts.verbose || d.severity !== "info") stream.write(`${formatDiagnostic(d)}\n`);
}
