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
 * (a rebuild's kept pages are the previous site's), by default `siteDir`.
 */
export type EarlyShardJob = { k: number; pages: ShardPage[]; html?: Array<string | undefined>; dirs?: string[]; siteDir: string; out: string };
export type ToEarlyIndexer = EarlyShardJob | { close: true };
export type FromEarlyIndexer = { k: number; indexed: ShardPage[] } | { k: number; error: string };

// One thread for its Pagefind service (this thread's copy of the environment is what it inherits): it
// works beside the render, and with a pool per core its idle threads spun for the CPU Eleventy needs.
process.env.RAYON_NUM_THREADS = "1";
process.env.TOKIO_WORKER_THREADS = "1";

const port = parentPort!;

port.on("message", (message: ToEarlyIndexer) => {
  if ("close" in message) {
    void pagefind.close().finally(() => port.close());
    return;
  }
  const { k, pages, html, dirs, siteDir, out } = message;
  const answer = (reply: FromEarlyIndexer) => port.postMessage(reply);
  const files = () => Promise.all(pages.map((p, i) => html?.[i] ?? readPage(dirs?.[i] ?? siteDir, p.url)));
  (async () => indexShardFrom(pages, await files(), out, false))().then(
    (indexed) => answer({ k, indexed }),
    (error: unknown) => answer({ k, error: error instanceof Error ? error.message : String(error) }),
  );
});
