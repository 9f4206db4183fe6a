/**
 * "Nothing changed" detection: a fingerprint of everything a build reads — the reports, the code,
 * the layouts, the dependencies and the options — taken from file names, sizes and modification
 * times (cheap: no file is read). A build records it after a successful swap; the next build with
 * the same fingerprint and the site still in place has nothing to do. The permalink ledger, which the
 * build itself writes into the reports folder, counts by its text instead: the build records the
 * fingerprint with the ledger it wrote, so writing it does not make the next build run again.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PERMALINKS_FILE, permalinksPath } from "../archive/permalinks-file.ts";

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
function statTree(abs: string, hash: ReturnType<typeof createHash>, skip?: string): void {
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
  for (const name of readdirSync(abs).sort()) if (name !== skip) statTree(path.join(abs, name), hash);
}

export async function computeFingerprint(inputs: FingerprintInputs): Promise<string> {
  let ledger = "";
  try {
    ledger = readFileSync(permalinksPath(seedsPath(inputs)), "utf8");
  } catch {
    // none yet
  }
  return withPermalinks(fingerprintTree(inputs), ledger);
}

/** The fingerprint of everything but the permalink ledger. */
export function fingerprintTree(inputs: FingerprintInputs): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ seeds: inputs.seedsDir ?? "seeds", out: inputs.outDir, baseUrl: inputs.baseUrl ?? null }));
  for (const p of CODE) statTree(path.resolve(inputs.root, p), hash);
  statTree(seedsPath(inputs), hash, PERMALINKS_FILE);
  return hash.digest("hex");
}

/** The whole fingerprint: the tree's and the ledger text's. */
export function withPermalinks(tree: string, ledgerText: string): string {
  return createHash("sha256").update(tree).update("\0").update(ledgerText).digest("hex");
}

const seedsPath = (inputs: FingerprintInputs) => path.resolve(inputs.root, inputs.seedsDir ?? "seeds");

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
