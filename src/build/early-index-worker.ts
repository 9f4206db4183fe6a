/**
 * The thread that indexes search shards while the site renders (index-site.ts, EarlyShards). Its own
 * event loop talks to its own Pagefind service: fed from the build's thread, which hardly yields
 * while Eleventy renders, Pagefind took 6-9 s a shard instead of 2.
 */
import { parentPort } from "node:worker_threads";
import * as pagefind from "pagefind";
import { indexShardFrom, readPage } from "./index-shard.ts";
import type { ShardPage } from "./index-shards.ts";

/**
 * A shard to index into `out`: its pages' HTML, where given, else read from their folder in `dirs`
 * (a rebuild's kept pages are the previous site's), by default `siteDir`. The pages at the indexes in
 * `later` are still being rendered: each comes in a message of its own (`PageForShard`), and Pagefind
 * takes the pages before it meanwhile.
 */
export type EarlyShardJob = { k: number; pages: ShardPage[]; html?: Array<string | undefined>; dirs?: string[]; siteDir: string; out: string; later?: number[] };
/** Page `at` of the shard being indexed (one of its `later`). */
export type PageForShard = { k: number; at: number; html: string };
/** The pages the shard waits for will not come (the build went on without them): give it up. */
export type AbandonShard = { k: number; abandon: string };
export type ToEarlyIndexer = EarlyShardJob | PageForShard | AbandonShard | { close: true };
export type FromEarlyIndexer = { k: number; indexed: ShardPage[] } | { k: number; error: string };

// One thread for its Pagefind service (this thread's copy of the environment is what it inherits): it
// works beside the render, and with a pool per core its idle threads spun for the CPU Eleventy needs.
process.env.RAYON_NUM_THREADS = "1";
process.env.TOKIO_WORKER_THREADS = "1";

const port = parentPort!;
/** The running shard's pages still to come, by index. */
let awaited = new Map<number, ReturnType<typeof deferred>>();

port.on("message", (message: ToEarlyIndexer) => {
  if ("close" in message) {
    void pagefind.close().finally(() => port.close());
    return;
  }
  if ("at" in message) {
    awaited.get(message.at)?.resolve(message.html);
    return;
  }
  if ("abandon" in message) {
    for (const page of awaited.values()) page.reject(new Error(message.abandon));
    return;
  }
  const { k, pages, html, dirs, siteDir, out, later = [] } = message;
  const toCome = new Map(later.map((at) => [at, deferred()]));
  awaited = toCome;
  const answer = (reply: FromEarlyIndexer) => port.postMessage(reply);
  // Kept pages read at once, in parallel; those still rendering when their turn comes.
  const read = pages.map((p, i) => (html?.[i] !== undefined || toCome.has(i) ? undefined : readPage(dirs?.[i] ?? siteDir, p.url)));
  read.forEach((r) => r?.catch(() => {}));
  const files = (i: number) => html?.[i] ?? toCome.get(i)?.page ?? read[i]!;
  // The first shard's bundle keeps the search runtime (index-shard.ts).
  indexShardFrom(pages, files, out, k === 0).then(
    (indexed) => answer({ k, indexed }),
    (error: unknown) => answer({ k, error: error instanceof Error ? error.message : String(error) }),
  );
});

/** A page to come: its promise settles when its message (or the shard's abandonment) arrives. */
function deferred() {
  let resolve!: (html: string) => void;
  let reject!: (error: Error) => void;
  const page = new Promise<string>((ok, fail) => ((resolve = ok), (reject = fail)));
  page.catch(() => {}); // a rejection reaches the shard when its turn comes; unhandled until then
  return { page, resolve, reject };
}
