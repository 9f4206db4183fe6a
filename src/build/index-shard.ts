/**
 * One shard of the search index through Pagefind's Node API (its service is a process of its own):
 * the pages in, the shard's bundle written to a folder. Used by the build's thread (index-site.ts) and
 * by the thread that indexes shards while the site renders (early-index-worker.ts).
 */
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { hashPage, sortValues, type ShardPage } from "./index-shards.ts";

export class SearchIndexError extends Error {
  constructor(readonly messages: string[]) {
    super(`Search indexing failed (Pagefind):\n  ${messages.join("\n  ")}`);
    this.name = "SearchIndexError";
  }
}

export function fail(errors: string[] | undefined): void {
  if (errors?.length) throw new SearchIndexError(errors);
}

/** What a merged shard needs: the runtime, UI and WebAssembly come from the primary bundle. */
const SHARD_KEEP = /^(pagefind-entry\.json|pagefind\..+\.pf_meta|index|filter|fragment)$/;

/**
 * Indexes one shard from the page files in the site, in sorted URL order (Pagefind numbers pages in
 * the order they arrive, and that shows in its output). Returns the pages with hashes and sort values
 * taken from the files as indexed, and the ids Pagefind gave them.
 */
export async function indexShard(siteDir: string, pages: ShardPage[], out: string, primary: boolean): Promise<ShardPage[]> {
  return indexShardFrom(pages, await Promise.all(pages.map((p) => readPage(siteDir, p.url))), out, primary);
}

/**
 * `indexShard` from the pages' HTML: `files[i]` is page i's, or `files(i)` gives it, perhaps later (a
 * page still being rendered): the pages before it are with Pagefind meanwhile.
 */
export async function indexShardFrom(pages: ShardPage[], files: string[] | ((i: number) => string | Promise<string>), out: string, primary: boolean): Promise<ShardPage[]> {
  const fileOf = typeof files === "function" ? files : (i: number) => files[i]!;
  const created = await pagefind.createIndex({});
  fail(created.errors);
  const index = created.index;
  if (!index) throw new SearchIndexError(["Unexpected missing index, expected Pagefind to create one"]);
  const problems: string[] = [];
  try {
    const indexed: ShardPage[] = [];
    const added: Array<Promise<void>> = [];
    for (const [i, p] of pages.entries()) {
      const file = await fileOf(i);
      const { sort } = sortValues(file);
      indexed.push({ url: p.url, hash: hashPage(file), ...(sort ? { sort } : {}) });
      // Sent without waiting for the answer: the service answers in the order it receives, so the order holds.
      added.push(
        index.addHTMLFile({ url: p.url, content: file }).then(
          (result) => void problems.push(...(result.errors ?? []).map((e) => `${p.url}: ${e}`)),
          (error: unknown) => void problems.push(`${p.url}: ${error instanceof Error ? error.message : String(error)}`),
        ),
      );
    }
    await Promise.all(added);
    fail(problems);
    fail((await index.writeFiles({ outputPath: out })).errors);
    if (!primary) await pruneShard(out);
    const ids = await fragmentIds(out);
    return indexed.map((p) => ({ ...p, id: ids.get(p.url) }));
  } finally {
    await index.deleteIndex();
  }
}

export async function readPage(siteDir: string, url: string): Promise<string> {
  const rel = decodeURI(url).replace(/^\/+/, "");
  const file = path.join(siteDir, rel.endsWith("/") || rel === "" ? path.join(rel, "index.html") : rel);
  try {
    return await readFile(file, "utf8");
  } catch {
    throw new SearchIndexError([
      `Unexpected missing page file ${path.relative(siteDir, file)} for ${url}, expected it rendered or carried over before indexing. Rebuild with --force.`,
    ]);
  }
}

/** Page URL -> Pagefind id (fragment file name), read from the shard's fragments. */
async function fragmentIds(shardDir: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const names = await readdir(path.join(shardDir, "fragment")).catch(() => [] as string[]);
  for (const name of names) {
    let data = gunzipSync(await readFile(path.join(shardDir, "fragment", name)));
    if (data.subarray(0, 12).toString() === "pagefind_dcd") data = data.subarray(12);
    const { url } = JSON.parse(data.toString("utf8")) as { url: string };
    ids.set(url, name.replace(/\.pf_fragment$/, ""));
  }
  return ids;
}

/** A merged shard only needs its index; the runtime and UI files of its bundle are removed. */
async function pruneShard(shardDir: string): Promise<void> {
  for (const name of await readdir(shardDir)) {
    if (!SHARD_KEEP.test(name)) await rm(path.join(shardDir, name), { recursive: true, force: true });
  }
}

