/**
 * A folder's files, listed in a worker thread. The render step lists the recycled staging folder
 * (some 55,000 files in 24,000 folders at 10,000 reports; 1.2-4 s when their metadata is out of the
 * cache) while the main thread works out the page keys: a listing on the main thread's own event loop
 * would wait for those keys, which are synchronous.
 */
import { Worker } from "node:worker_threads";

/**
 * Plain JavaScript (a worker does not go through tsx). Folders are read a few at a time: reads that
 * wait on the disk overlap.
 */
const LISTER = `
const { parentPort, workerData } = require("node:worker_threads");
const { readdir } = require("node:fs/promises");
const path = require("node:path");
const { root, skip } = workerData;
const files = [];
let active = 0;
const waiting = [];
const acquire = () => (active < 16 ? (active++, Promise.resolve()) : new Promise((resolve) => waiting.push(resolve)));
const release = () => { const next = waiting.shift(); if (next) next(); else active--; };
async function walk(rel) {
  await acquire();
  let entries;
  try {
    entries = await readdir(rel ? path.join(root, rel) : root, { withFileTypes: true });
  } finally {
    release();
  }
  const folders = [];
  for (const e of entries) {
    if (!rel && skip.includes(e.name)) continue;
    const child = rel ? rel + "/" + e.name : e.name;
    if (e.isDirectory()) folders.push(walk(child));
    else files.push(child);
  }
  await Promise.all(folders);
}
walk("").then(() => parentPort.postMessage(files));
`;

/**
 * Every entry under `root` that is not a folder (files, and links or anything else a stray tool left),
 * relative, with forward slashes, leaving out the top-level entries named in `skip`; in no set order.
 * Rejects when `root` cannot be read.
 */
export function listTree(root: string, skip: readonly string[] = []): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LISTER, { eval: true, workerData: { root, skip } });
    worker.once("message", (files: string[]) => resolve(files));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`Unexpected end of the folder listing of ${root} (exit code ${code}), expected a list of its files`)));
  });
}
