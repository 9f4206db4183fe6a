/** `wire-archive <command>`: the command-line entry point. Commands live one per module in ./commands. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PermalinksError } from "../archive/permalinks-file.ts";
import { BuildLockedError } from "../build/build-lock.ts";
import { writeDiagnostics } from "./format-diagnostics.ts";
import { parseCommandArgs, type Command, type CommandContext } from "./command.ts";

/**
 * The commands, loaded on demand: `--help` and light commands must not pay for Eleventy, linkedom
 * and the rest. To add one: a module exporting `command: Command`, and one entry here.
 */
export const COMMANDS: Array<{ name: string; summary: string; load: () => Promise<Command> }> = [
  { name: "build", summary: "Build the site into _site/ from the reports in seeds/", load: async () => (await import("./commands/build.ts")).command },
  { name: "parse", summary: "Parse one report and print its record", load: async () => (await import("./commands/parse.ts")).command },
  { name: "check", summary: "Parse every report in seeds/ and list all problems", load: async () => (await import("./commands/check.ts")).command },
  { name: "eval", summary: "Score body extraction on a folder of pages with gold bodies", load: async () => (await import("./commands/eval.ts")).command },
  { name: "serve", summary: "Serve the built site on localhost", load: async () => (await import("./commands/serve.ts")).command },
  { name: "search", summary: "Search the built site's index from the terminal", load: async () => (await import("./commands/search.ts")).command },
  { name: "add", summary: "Validate new reports, copy them into seeds/ and rebuild", load: async () => (await import("./commands/add.ts")).command },
  { name: "dev", summary: "Build, serve and rebuild on every change, reloading the browser", load: async () => (await import("./commands/dev.ts")).command },
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Wire Archive: turn raw news reports into a browsable, searchable, citable archive.

Usage: wire-archive <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Run \`wire-archive <command> --help\` for a command's options.
`;
}

export async function main(argv: string[], ctx: CommandContext): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    ctx.stdout.write(help());
    return name ? 0 : 2;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    ctx.stderr.write(`wire-archive: unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    ctx.stdout.write(`${command.usage}\n`);
    return 0;
  }
  let args;
  try {
    args = parseCommandArgs(command, rest);
  } catch (err) {
    ctx.stderr.write(`wire-archive ${name}: ${(err as Error).message}\n\n${command.usage}\n`);
    return 2;
  }
  try {
    return await command.run(args, ctx);
  } catch (err) {
    if (err instanceof PermalinksError) {
      writeDiagnostics(ctx.stderr, err.diagnostics, { verbose: true });
      return 1;
    }
    if (err instanceof BuildLockedError) {
      ctx.stderr.write(`wire-archive ${name}: ${err.message}\n`);
      return 75; // EX_TEMPFAIL: try again later
    }
    ctx.stderr.write(`wire-archive ${name} failed: ${(err as Error).stack ?? err}\n`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.env.WIRE_ARCHIVE_ROOT ? path.resolve(process.env.WIRE_ARCHIVE_ROOT) : process.cwd();
  const code = await main(process.argv.slice(2), { root, stdout: process.stdout, stderr: process.stderr });
  process.exitCode = code;
}
