import { loadArchive } from "../../archive/load-archive.ts";
import type { Command } from "../command.ts";
import { summarise, writeDiagnostics } from "../format-diagnostics.ts";

export const command: Command = {
  name: "check",
  summary: "Parse every report in seeds/ and list all problems",
  usage: `wire-archive check [--seeds DIR] [--verbose]

Lists every diagnostic of every report at once (file:line, rule, what is wrong, what to do).
Exit code 1 when any report has an error.`,
  options: { seeds: { type: "string" }, verbose: { type: "boolean", short: "v" } },
  async run({ values }, ctx) {
    const { archive, skipped } = await loadArchive({ root: ctx.root, seedsDir: values.seeds as string | undefined });
    const diagnostics = [...archive.diagnostics, ...skipped.flatMap((s) => s.diagnostics)];
    writeDiagnostics(ctx.stdout, diagnostics, { verbose: Boolean(values.verbose) });
    const { errors, warnings } = summarise(diagnostics);
    const total = archive.records.length + skipped.length;
    ctx.stdout.write(`${total} reports checked: ${errors} errors, ${warnings} warnings${skipped.length ? `, ${skipped.length} unusable` : ""}.\n`);
    return errors ? 1 : 0;
  },
};
