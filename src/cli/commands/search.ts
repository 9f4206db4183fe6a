import path from "node:path";
import { searchSite } from "../../search/search-site.ts";
import { formatHits } from "../../search/format-hits.ts";
import type { Command } from "../command.ts";

export const command: Command = {
  name: "search",
  summary: "Search the built site's index from the terminal",
  usage: `wire-archive search "<query>" [--source ID|NAME] [--sort relevance|date] [--limit N] [--json] [--out DIR]

Searches the Pagefind index of the built site (_site/pagefind/) with Pagefind's own search code, the
same engine the search page runs. Prints headline, source, date, URL and an excerpt per report.
  --source   only reports from this source: its id (afp) or name ("Agence France-Presse")
  --sort     relevance (default) or date (newest first)
  --limit    show at most N reports
  --json     print the hits as JSON
  --out      the built site (default _site)`,
  options: {
    source: { type: "string", short: "s" },
    sort: { type: "string" },
    limit: { type: "string", short: "n" },
    json: { type: "boolean" },
    out: { type: "string" },
  },
  async run({ values, positionals }, ctx) {
    const query = positionals.join(" ").trim();
    if (!query) {
      ctx.stderr.write(`wire-archive search: Unexpected empty query, expected words to search for.\n  Example: wire-archive search "chemical weapons" --source afp\n`);
      return 2;
    }
    const sort = (values.sort as string | undefined) ?? "relevance";
    if (sort !== "relevance" && sort !== "date") {
      ctx.stderr.write(`wire-archive search: Unexpected --sort "${sort}", expected "relevance" or "date".\n`);
      return 2;
    }
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
      ctx.stderr.write(`wire-archive search: Unexpected --limit "${values.limit}", expected a whole number above 0.\n`);
      return 2;
    }
    const siteDir = path.resolve(ctx.root, (values.out as string | undefined) ?? "_site");
    const outcome = await searchSite(siteDir, query, { source: values.source as string | undefined, sort, limit });
    if (outcome.kind === "not-built") {
      ctx.stderr.write(
        `wire-archive search: No search index in ${path.join(outcome.siteDir, "pagefind")}: the site is not built.\n` +
          `  Run \`wire-archive build\` (or \`npm run build\`) first, then search again.\n`,
      );
      return 1;
    }
    if (outcome.kind === "unknown-source") {
      const known = outcome.known.map((s) => (s.id === s.name ? s.name : `${s.id} (${s.name})`)).join(", ");
      ctx.stderr.write(`wire-archive search: Unexpected source "${outcome.source}", expected one of: ${known || "(none indexed)"}.\n`);
      return 2;
    }
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify({ query, total: outcome.total, hits: outcome.hits }, null, 2)}\n`);
    } else {
      const color = "isTTY" in ctx.stdout && Boolean(ctx.stdout.isTTY) && !process.env.NO_COLOR;
      ctx.stdout.write(formatHits(outcome.hits, { query, total: outcome.total, color }));
    }
    return 0;
  },
};
