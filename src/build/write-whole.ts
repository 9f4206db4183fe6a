/** Writing a file whole or not at all. */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** Written to a temp name and renamed: a killed build leaves the old file or none, never half of one. */
export async function writeWhole(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, file);
}
