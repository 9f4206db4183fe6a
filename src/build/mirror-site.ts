/**
 * A copy of a site made of hard links (its folders made, its files linked, nothing copied), in a worker
 * thread: at 10,000 reports that is 20,000 folders and 30,000 links, two seconds of file system calls
 * that can run beside the parse and archive stages instead of inside the render.
 */
import { Worker } from "node:worker_threads";

/** Plain JavaScript (an eval'd worker runs no TypeScript): walks `from`, mirrors it under `to`. */
const MIRROR = `
const { workerData } = require("node:worker_threads");
const fs = require("node:fs");
const path = require("node:path");
const { from, to, skip } = workerData;
function walk(rel) {
  for (const entry of fs.readdirSync(path.join(from, rel), { withFileTypes: true })) {
    const child = rel ? rel + "/" + entry.name : entry.name;
    if (skip.includes(child)) continue;
    if (entry.isDirectory()) {
      fs.mkdirSync(path.join(to, child));
      walk(child);
    } else if (entry.isFile()) {
      fs.linkSync(path.join(from, child), path.join(to, child));
    }
  }
}
fs.mkdirSync(to, { recursive: true });
walk("");
`;

/**
 * Mirrors the folder `from` as hard links under `to` (which must not exist), leaving out the top-level
 * entries named in `skip`; resolves when done, rejects with the first file system error.
 */
export function mirrorSite(from: string, to: string, skip: readonly string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(MIRROR, { eval: true, workerData: { from, to, skip: [...skip] } });
    worker.once("error", reject);
    worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`Unexpected exit ${code} of the site mirror thread`))));
  });
}
