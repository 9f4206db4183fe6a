// The /search/ page: loads Pagefind's Component UI once the index is known to exist, starts the search
// given by ?q=, and lets the reader order results by relevance or date (?sort=date:desc|date:asc).
// A large index is cut into shards (pagefind/shards.json): the others are merged into the primary
// bundle, and sorted searches are ordered across them, by the code the terminal search uses too
// (pagefind/shard-search.js).
const page = document.querySelector("[data-search-page]");
const status = document.querySelector("[data-search-status]");
const sortSelect = document.querySelector("#search-sort");
const params = new URLSearchParams(location.search);
const resultsList = document.querySelector("pagefind-results");
const moreButton = document.querySelector("[data-search-more]");
// Hits shown at first and added by each "Show more" (the list's data-page-size). Pagefind's list lays
// out a placeholder for every hit it shows: for a common word in 10,000 reports that was 3,500 of
// them, and 30 s on a phone before the first hit appeared (bench/phone-pages.ts).
const PAGE_SIZE = Number(resultsList.dataset.pageSize);
// The site root, from this script's own URL (<root>assets/search-page.js): the site may live under a sub-path.
const root = new URL("../", import.meta.url);

function say(message) {
  status.textContent = message;
  status.hidden = false;
}

function sortFrom(value) {
  const [key, direction = "desc"] = (value || "").split(":");
  return key ? { [key]: direction } : {};
}

// Keep the address bar in step, so reload and Back return to the same search.
function remember(term, sort) {
  const url = new URL(location.href);
  if (term) url.searchParams.set("q", term);
  else url.searchParams.delete("q");
  if (sort) url.searchParams.set("sort", sort);
  else url.searchParams.delete("sort");
  history.replaceState(null, "", url);
}

// Before the first search: merge the other shards, then wrap the instance's search so sorted results
// are ordered across shards. The shards are merged by the code the terminal search uses (all at
// once), not by the Component UI's `mergeIndex` option, which loads them one after another: seconds
// on a phone before the search box shows. `__pagefind__` and `__dispatch__` are the Component UI's
// Pagefind instance and event hook: it offers no other hook on either. Resolves once a search covers
// every shard.
async function loadShards(instance) {
  const shards = await fetch(new URL("pagefind/shards.json", root), { cache: "no-cache" })
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);
  if (!shards || !Array.isArray(shards.bundles) || shards.bundles.length < 2) return;
  const { mergeShards, withGlobalSort } = await import(new URL("pagefind/shard-search.js", root).href);
  await instance.triggerLoad();
  const pagefind = instance.__pagefind__;
  if (!pagefind) throw new Error("Pagefind did not load");
  await mergeShards(pagefind, shards, new URL("pagefind/", root).pathname, { baseUrl: root.pathname, highlightParam: "highlight" });
  const ranks = () => (shards.sortRanks ? fetch(new URL(`pagefind/${shards.sortRanks}`, root)).then((r) => (r.ok ? r.json() : null)) : Promise.resolve(null));
  pagefind.search = withGlobalSort(pagefind.search.bind(pagefind), ranks);
  // The filter counts the UI read while loading were the first shard's alone. Every shard's filter
  // files (three a shard) are read after the box shows, not before it (0.5-0.7 s on a phone at 16
  // shards); a search meanwhile has its own counts, which it keeps.
  pagefind.filters().then((total) => {
    instance.totalFilters = total;
    if (!instance.searchTerm) instance.availableFilters = total;
    instance.__dispatch__("filters", { available: instance.availableFilters, total });
  }, () => {}); // the first shard's counts stay; search itself works
}

async function start() {
  document.querySelector("[data-search-nojs]").hidden = true;
  // offline.json is always present; it says whether the build's search step ran.
  const manifest = await fetch(new URL("offline.json", root), { cache: "no-cache" })
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);
  if (!manifest || !manifest.indexed) {
    say("The search index has not been built for this copy of the site. Run `wire-archive build`, or browse all reports from the home page.");
    return;
  }
  const sort = ["date:desc", "date:asc"].includes(params.get("sort")) ? params.get("sort") : "";
  sortSelect.value = sort;

  // Configuration must exist before the components connect: insert it ahead of them, then load the UI.
  const config = document.createElement("pagefind-config");
  config.setAttribute("highlight-param", "highlight");
  config.setAttribute("bundle-path", new URL("pagefind/", root).pathname);
  config.setAttribute("base-url", root.pathname);
  if (sort) config.setAttribute("sort", sort);
  page.prepend(config);
  if (PAGE_SIZE > 0) resultsList.setAttribute("max-results", String(PAGE_SIZE));
  const css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = new URL("pagefind/pagefind-component-ui.css", root).href;
  document.head.append(css);
  try {
    await import(new URL("pagefind/pagefind-component-ui.js", root).href);
  } catch {
    say("Search could not be loaded. Browse all reports from the home page instead.");
    return;
  }
  const instance = window.PagefindComponents.getInstanceManager().getInstance("default");
  try {
    await loadShards(instance);
  } catch {
    say("Search could not be loaded. Browse all reports from the home page instead.");
    return;
  }
  page.hidden = false;
  instance.on("search", (term) => remember(term, sortSelect.value));
  if (PAGE_SIZE > 0) pageThroughResults(instance);

  sortSelect.addEventListener("change", () => {
    // The instance's sort is what <pagefind-config sort> sets; change it and search again.
    instance.searchSort = sortFrom(sortSelect.value);
    remember(instance.searchTerm, sortSelect.value);
    if (instance.searchTerm) instance.triggerSearch(instance.searchTerm);
  });

  const term = params.get("q");
  if (term) instance.triggerSearch(term);
}

// A new search shows the first PAGE_SIZE hits; "Show more" shows PAGE_SIZE more of the same search.
function pageThroughResults(instance) {
  announceTotals(instance);
  let shown = PAGE_SIZE;
  let growing = false;
  instance.on("search", () => {
    if (!growing) shown = PAGE_SIZE;
    // The property, not the attribute: setting the attribute empties the list until the next results.
    resultsList.maxResults = shown;
  });
  instance.on("results", (found) => {
    growing = false;
    const total = found.results.length;
    moreButton.hidden = total <= shown;
    if (total > shown) moreButton.textContent = `Show ${Math.min(PAGE_SIZE, total - shown)} more (${shown.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} shown)`;
  });
  moreButton.addEventListener("click", () => {
    growing = true;
    shown += PAGE_SIZE;
    // The same search again: its index chunks are loaded, so only the list is laid out anew.
    instance.triggerSearch(instance.searchTerm);
  });
}

// Pagefind's list announces to screen readers how many hits it shows ("50 results for government")
// as if that were all of them. Where it shows fewer than the search found, say both. The instance's
// `announce` is the one way its components speak, and its search result (the whole of it) is set
// before the list hears of it.
function announceTotals(instance) {
  const announce = instance.announce.bind(instance);
  instance.announce = (key, vars = {}, priority) => {
    const total = instance.searchResult?.results?.length ?? 0;
    if ((key === "many_results" || key === "one_result") && total > vars.COUNT) {
      const count = (n) => n.toLocaleString("en-GB");
      return instance.announceRaw(`${count(total)} results for ${vars.SEARCH_TERM}, ${count(vars.COUNT)} shown`, priority);
    }
    return announce(key, vars, priority);
  };
}

start();
