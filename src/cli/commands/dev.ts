import { runDev } from "../../dev/run-dev.ts";
import type { Command } from "../command.ts";

export const command: Command = {
  name: "dev",
  summary: "Build, serve and rebuild on every change, reloading the browser",
  usage: `wire-archive dev [--port N] [--seeds DIR] [--out DIR]

Builds the site, serves it at http://localhost:PORT/ (default 8080; 0 picks a free port) and watches
seeds/, layouts/ and src/: on a change it rebuilds (in a fresh process, so code edits take effect)
and the open pages reload themselves. A failing rebuild is shown here and in the browser; the
previous site stays up. Stop with Ctrl+C.`,
  options: { port: { type: "string", short: "p" }, seeds: { type: "string" }, out: { type: "string" } },
  async run({ values }, ctx) {
    const port = Number(values.port ?? process.env.PORT ?? 8080);
    const log = (line: string) => void ctx.stderr.write(`${line}\n`);
    let session;
    try {
      session = await runDev({ root: ctx.root, seedsDir: values.seeds as string | undefined, outDir: values.out as string | undefined, port, log });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      ctx.stderr.write(e.code === "EADDRINUSE" ? `Port ${port} is in use. Try \`wire-archive dev --port 0\` for a free one.\n` : `Cannot start dev: ${e.message}\n`);
      return 1;
    }
    ctx.stdout.write(`Serving ${session.url} (watching seeds/, layouts/ and src/; Ctrl+C to stop)\n`);
    await new Promise<void>((resolve) => process.once("SIGINT", resolve).once("SIGTERM", resolve));
    await session.close();
    return 0;
  },
};
