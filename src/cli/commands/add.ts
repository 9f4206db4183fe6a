import { addReports } from "../../add/add-reports.ts";
import { formatAddResult } from "../../add/format-add-result.ts";
import { createProgress } from "../../build/progress.ts";
import type { Command } from "../command.ts";

export const command: Command = {
  name: "add",
  summary: "Validate new reports, copy them into seeds/ and rebuild",
  usage: `wire-archive add <file|dir>... [--dry-run] [--seeds DIR] [--out DIR] [--quiet] [--verbose]

Checks each report (plain text, Markdown/text with YAML front matter, or saved HTML; a folder means
the report files in it), copies the usable ones into seeds/ (never overwriting: a clashing name gets
-2, -3...; a report whose bytes are already in the archive is skipped), rebuilds the site and prints
what was added (with each new page's URL), what was skipped and why.
  --dry-run   show the records the reports would become; change nothing
Exit code: 0 when something was added; 1 when no input was a new, usable report (or the rebuild
failed, in which case nothing is added); 75 when another build kept the lock.`,
  options: {
    "dry-run": { type: "boolean", short: "n" },
    seeds: { type: "string" },
    out: { type: "string" },
    quiet: { type: "boolean", short: "q" },
    verbose: { type: "boolean", short: "v" },
  },
  async run({ values, positionals }, ctx) {
    if (positionals.length === 0) {
      ctx.stderr.write("wire-archive add: missing <file|dir>. Usage: wire-archive add <file|dir>... [--dry-run]\n");
      return 2;
    }
    const result = await addReports({
      root: ctx.root,
      inputs: positionals,
      seedsDir: values.seeds as string | undefined,
      outDir: values.out as string | undefined,
      dryRun: Boolean(values["dry-run"]),
      progress: createProgress(ctx.stderr, { quiet: Boolean(values.quiet) }),
    });
    ctx.stdout.write(formatAddResult(result, { verbose: Boolean(values.verbose) }));
    return result.exitCode;
  },
};
