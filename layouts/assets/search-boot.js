// Runs on every page. 1) Registers the service worker (/sw.js) that keeps the archive and its search
// index usable offline, and asks it to fill its cache in the background. 2) On a page opened from a
// search result (?highlight=word), marks the searched words with Pagefind's highlight script.
(() => {
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker
      .register("/sw.js")
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active && registration.active.postMessage({ type: "warm" }))
      .catch(() => {
        // No worker (private mode, an old browser): the site still works online.
      });
  }
  const params = new URLSearchParams(location.search);
  if (params.has("highlight") && document.querySelector("[data-pagefind-body]")) {
    import("/pagefind/pagefind-highlight.js")
      .then(() => new window.PagefindHighlight({ highlightParam: "highlight" }))
      .catch(() => {});
  }
})();
