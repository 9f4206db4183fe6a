/**
 * Imported before Eleventy. On load, Eleventy 3 registers an ESM resolve hook (`module.register` on
 * Node before 22.15) so that its watch mode can import a changed config or JavaScript template again
 * in the same process. On Node 20 that hook runs in a thread of its own, and every import after it
 * (ours and the libraries', the lazily loaded ones included) waits on a round trip to that thread:
 * 0.1-0.2 s of an add at 100 reports. Nothing here imports a module again in one process (`dev`
 * rebuilds in a fresh one), so the hook is switched off with the setting Eleventy has for it.
 */
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
