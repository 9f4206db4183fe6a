import { existsSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "../../serve/static-server.ts";
import type { Command } from "../command.ts";

export const command: Command = {
  name: "serve",
  summary: "Serve the built site on localhost",
  usage: `wire-archive serve [--port N] [--out DIR]

Serves _site/ at http://localhost:PORT/ (default 8080; 0 picks a free port). Build first.`,
  options: { port: { type: "string", short: "p" }, out: { type: "string" } },
  async run({ values }, ctx) {
    const dir = path.resolve(ctx.root, (values.out as string | undefined) ?? "_site");
    if (!existsSync(path.join(dir, "index.html"))) {
      ctx.stderr.write(`No built site in ${dir}. Run \`wire-archive build\` (or \`npm run build\`) first.\n`);
      return 1;
    }
    const port = Number(values.port ?? process.env.PORT ?? 8080);
    const server = await serveStatic(dir, { port }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "EADDRINUSE") ctx.stderr.write(`Port ${port} is in use. Try \`wire-archive serve --port 0\` for a free one.\n`);
      else ctx.stderr.write(`Cannot serve: ${err.message}\n`);
      return undefined;
    });
    if (!server) return 1;
    ctx.stdout.write(`Serving ${dir} at ${server.url} (Ctrl+C to stop)\n`);
    await new Promise<void>((resolve) => process.once("SIGINT", resolve).once("SIGTERM", resolve));
    await server.close();
    return 0;
  },
};
