/** The report files in a folder: regular files, hidden ones and editor leftovers skipped, sorted by name. */
import { readdir } from "node:fs/promises";
import path from "node:path";

const IGNORED = /^(?:\.|~|#)|~$|\.(?:swp|tmp|bak|part)$/i;

export async function listReports(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !IGNORED.test(e.name) && e.name.toLowerCase() !== "readme.md")
    .map((e) => path.join(dir, e.name))
    .sort();
}
