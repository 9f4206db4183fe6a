// Search across the index shards of a Wire Archive site (see src/build/index-shards.ts). One file for
// the search page (served as pagefind/shard-search.js) and the terminal search (imported from
// src/search/), so both merge and order results the same way. No imports, no DOM: plain functions.

/**
 * Merges every non-primary shard into a Pagefind instance (the primary bundle is shard 0), in shard
 * order: Pagefind concatenates results in merge order before sorting them by score, so the order
 * here is part of the result order. All are asked for at once, so they load together (one after
 * another, each waited for its round trips: seconds on a phone at 16 shards); the order holds because
 * Pagefind lists a shard when asked for it, before loading it. `bundleUrl` is the URL of pagefind/
 * with a trailing slash; `options` (baseUrl, highlightParam, excerptLength...) apply to each merged
 * shard, since merged indexes do not inherit the primary's options.
 */
export async function mergeShards(pagefind, manifest, bundleUrl, options = {}) {
  await Promise.all(manifest.bundles.slice(1).map((bundle) => pagefind.mergeIndex(bundleUrl + bundle, options)));
}

/**
 * Wraps `search(term, options)` so sorted searches are ordered across shards. Under a sort, Pagefind
 * scores each result by its position within its own shard, and merged results are ordered by that
 * score, which interleaves shards instead of ordering by value. `loadRanks()` returns the build's
 * global ranks ({ key: { order: [page ids ascending], collisions: { url: rank } } }), fetched once
 * and only when a sorted search runs. Relevance searches pass through unchanged.
 */
export function withGlobalSort(search, loadRanks) {
  let ranks;
  const indexes = new Map();
  const indexFor = (key, table) => {
    if (!indexes.has(key)) {
      const index = new Map();
      // An id listed twice belongs to pages of different shards: those are ranked by URL.
      table.order.forEach((id, rank) => index.set(id, index.has(id) ? -1 : rank));
      indexes.set(key, index);
    }
    return indexes.get(key);
  };
  return async (term, options = {}) => {
    const response = await search(term, options);
    const [key, direction] = Object.entries((options && options.sort) || {})[0] || [];
    if (!response || !key) return response;
    ranks = ranks || (await loadRanks());
    const table = ranks && ranks[key];
    if (!table) return response;
    const index = indexFor(key, table);
    const ranked = await Promise.all(
      response.results.map(async (result) => {
        let rank = index.get(result.id);
        if (rank === -1) {
          const data = await result.data();
          rank = table.collisions[data.raw_url ?? data.url];
        }
        return { result, rank: rank ?? -1 };
      }),
    );
    ranked.sort((a, b) => (direction === "asc" ? a.rank - b.rank : b.rank - a.rank));
    return { ...response, results: ranked.map(({ result, rank }) => Object.assign(result, { score: direction === "asc" ? -rank : rank })) };
  };
}
