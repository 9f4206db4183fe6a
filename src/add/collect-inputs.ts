/**
 * Command-line paths -> the report files they name: a file is itself, a folder is the report files
 * directly inside it (the same files a build would read there). A path that names nothing is a
 * diagnostic, not an exception.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { listReports } from "../archive/list-reports.ts";
import type { Diagnostic } from "../record/schema.ts";

export interface InputFile {
  /** Absolute path. */
  abs: string;
  /** The path as shown to the user (relative to the working directory when inside it). */
  display: string;
}

export interface CollectedInputs {
  files: InputFile[];
  diagnostics: Diagnostic[];
}

export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  const outside = rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  return (rel && !outside ? rel : abs).split(path.sep).join("/");
}

export async function collectInputs(args: string[], cwd: string): Promise<CollectedInputs> {
  const files: InputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const info = await stat(abs).catch((err: NodeJS.ErrnoException) => err);
    if (info instanceof Error) {
      diagnostics.push({
        file: arg,
        severity: "error",
        rule: "unreadable-file",
        message: `Unexpected error reading ${arg} (${info.code ?? info.message}), expected a report file or a folder of reports`,
        hint: "Check the path (and its permissions).",
      });
    } else if (info.isDirectory()) {
      const inside = await listReports(abs);
      if (inside.length === 0) {
        diagnostics.push({
          file: arg,
          severity: "warning",
          rule: "empty-folder",
          message: `Unexpected folder without report files: ${arg}, expected .txt, .md or .html reports in it`,
          hint: "Point at the report files themselves, or at the folder that holds them (sub-folders are not searched).",
        });
      }
      for (const file of inside) files.push({ abs: file, display: displayPath(file, cwd) });
    } else {
      files.push({ abs, display: displayPath(abs, cwd) });
    }
  }
  return { files, diagnostics };
}
