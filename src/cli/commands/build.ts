import path from "node:path";
import { computeFingerprint, isUpToDate } from "../../build/fingerprint.ts";
import { createProgress } from "../../build/progress.ts";
import type { Command } from "../command.ts";
import { summarise, writeDiagnostics } from "../format-diagnostics.ts";

export const command: Command = {
  name: "build",
  summary: "Build the site into _site/ from the reports in seeds/",
  usage: `wire-archive build [--seeds DIR] [--out DIR] [--base-url URL] [--force] [--quiet] [--verbose]

Parses every report in seeds/, renders the site and writes data files. The new site replaces the old
one only when everything succeeded; a failed build leaves the previous _site/ as it was.
Reports that yield nothing usable are skipped and listed; the build still succeeds.
When nothing the build reads has changed since the last build (reports, code, layouts, options),
it says so and stops at once; --force builds anyway.`,
  options: {
    seeds: { type: "string" },
    out: { type: "string" },
    "base-url": { type: "string" },
    quiet: { type: "boolean", short: "q" },
    verbose: { type: "boolean", short: "v" },
    force: { type: "boolean" },
  },
  async run({ values }, ctx) {
    const quiet = Boolean(values.quiet);
    const outDir = path.resolve(ctx.root, (values.out as string | undefined) ?? "_site");
    const inputs = { root: ctx.root, seedsDir: values.seeds as string | undefined, outDir, baseUrl: values["base-url"] as string | undefined };
    if (!values.force && (await isUpToDate(inputs, await computeFingerprint(inputs)))) {
      if (!quiet) ctx.stdout.write(`Nothing changed since the last build: ${outDir} is up to date (--force rebuilds).\n`);
      return 0;
    }
    // Loaded only when there is work: Eleventy and Pagefind take a while to import.
    const { buildSite } = await import("../../build/build-site.ts");
    const progress = createProgress(ctx.stderr, { quiet });
    const result = await buildSite({
      root: ctx.root,
      seedsDir: values.seeds as string | undefined,
      outDir: values.out as string | undefined,
      baseUrl: values["base-url"] as string | undefined,
      progress,
    });
    const diagnostics = [...result.archive.diagnostics, ...result.skipped.flatMap((s) => s.diagnostics)];
    if (!quiet) writeDiagnostics(ctx.stderr, diagnostics, { verbose: Boolean(values.verbose) });
    const { errors, warnings } = summarise(diagnostics);
    if (!quiet) {
      const skipped = result.skipped.length ? `; ${result.skipped.length} report(s) skipped: ${result.skipped.map((s) => s.file).join(", ")}` : "";
      ctx.stdout.write(
        `Built ${result.archive.records.length} reports, ${result.pages} pages into ${result.outDir} (${errors} errors, ${warnings} warnings${skipped}).\n`,
      );
    }
    return 0;
  },
};
