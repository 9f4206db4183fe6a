/**
 * "Nothing changed" detection: a fingerprint of everything a build reads — the reports, the code,
 * the layouts, the dependencies and the options — taken from file names, sizes and modification
 * times (cheap: no file is read). A build records it after a successful swap; the next build with
 * the same fingerprint and the site still in place has nothing to do.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export interface FingerprintInputs {
  root: string;
  seedsDir?: string;
  outDir: string;
  baseUrl?: string;
}

/** Everything under these (relative to the root) shapes the output besides the reports. */
const CODE = ["src", "layouts", ".eleventy.ts", "package-lock.json", "bin"];

// Synchronous on purpose: ten thousand small stat calls cost a few milliseconds each way when awaited
// one by one, and this check is the whole of a no-change build.
function statTree(abs: string, hash: ReturnType<typeof createHash>): void {
  let info;
  try {
    info = statSync(abs);
  } catch {
    hash.update(`${abs}:missing\n`);
    return;
  }
  if (!info.isDirectory()) {
    hash.update(`${abs}:${info.size}:${info.mtimeMs}\n`);
    return;
  }
  for (const name of readdirSync(abs).sort()) statTree(path.join(abs, name), hash);
}

export async function computeFingerprint(inputs: FingerprintInputs): Promise<string> {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ seeds: inputs.seedsDir ?? "seeds", out: inputs.outDir, baseUrl: inputs.baseUrl ?? null }));
  for (const p of [...CODE, inputs.seedsDir ?? "seeds"]) statTree(path.resolve(inputs.root, p), hash);
  return hash.digest("hex");
}

function recordPath(root: string, outDir: string): string {
  const key = createHash("sha1").update(path.resolve(outDir)).digest("hex").slice(0, 16);
  return path.join(root, ".wire-archive", "builds", `${key}.json`);
}

export async function writeFingerprint(inputs: FingerprintInputs, fingerprint: string): Promise<void> {
  const file = recordPath(inputs.root, inputs.outDir);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ fingerprint, outDir: path.resolve(inputs.outDir), at: new Date().toISOString() }));
}

/** True when the last successful build into outDir had this fingerprint and its site is still there. */
export async function isUpToDate(inputs: FingerprintInputs, fingerprint: string): Promise<boolean> {
  if (!existsSync(path.join(inputs.outDir, "index.html"))) return false;
  const saved = await readFile(recordPath(inputs.root, inputs.outDir), "utf8").then(JSON.parse, () => undefined);
  return saved?.fingerprint === fingerprint;
}
