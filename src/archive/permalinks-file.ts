/**
 * Where the permalink ledger lives (permalinks.ts reads and writes it), apart from its schema so the
 * CLI's start-up and the no-change check need not load zod.
 */
import path from "node:path";
import { formatDiagnostic } from "../cli/format-diagnostics.ts";
import type { Diagnostic } from "../record/schema.ts";

export const PERMALINKS_FILE = ".permalinks.json";

export function permalinksPath(seedsAbs: string): string {
  return path.join(seedsAbs, PERMALINKS_FILE);
}

/** The ledger is unusable: the build stops rather than give published pages new URLs. */
export class PermalinksError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
  }
}
