// Runs on every page. 1) Registers the service worker (sw.js at the site root) that keeps the archive
// and its search index usable offline, and asks it to fill its cache in the background. 2) On a page
// opened from a search result (?highlight=word), marks the searched words with Pagefind's highlight script.
// The site root is found from this script's own URL (<root>assets/search-boot.js), so a site served
// under a sub-path works too.
(() => {
  const root = new URL("../", document.currentScript.src);
  if ("serviceWorker" in navigator && window.isSecureContext) {
    const register = () =>
      navigator.serviceWorker
        .register(new URL("sw.js", root), { scope: root.pathname })
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => registration.active && registration.active.postMessage({ type: "warm" }))
        .catch(() => {
          // No worker (private mode, an old browser): the site still works online.
        });
    // After the page's own load: on a first visit the worker's install fetches the shell, which
    // should not hold up the page the reader opened.
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register, { once: true });
  }
  const params = new URLSearchParams(location.search);
  if (params.has("highlight") && document.querySelector("[data-pagefind-body]")) {
    import(new URL("pagefind/pagefind-highlight.js", root).href)
      .then(() => new window.PagefindHighlight({ highlightParam: "highlight" }))
      .catch(() => {});
  }
})();
