/** One CLI sub-command. Each lives in src/cli/commands/<name>.ts and is listed in src/cli/main.ts. */
import { parseArgs, type ParseArgsConfig } from "node:util";

export interface CommandContext {
  /** Repository root (where seeds/ and _site/ live). */
  root: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface Command {
  name: string;
  /** One line for `--help` (the list in main.ts shows its own copy, so help needs no module loaded). */
  summary?: string;
  /** Usage line(s) and option descriptions for `wire-archive <name> --help`. */
  usage: string;
  options?: ParseArgsConfig["options"];
  /** Returns the process exit code. Throw only for bugs; report user errors and return non-zero. */
  run(args: { values: Record<string, unknown>; positionals: string[] }, ctx: CommandContext): Promise<number>;
}

export function parseCommandArgs(command: Command, argv: string[]) {
  return parseArgs({ args: argv, options: command.options ?? {}, allowPositionals: true, strict: true });
}
