/**
 * A CommonJS library loaded when it is first asked for, not when a module naming it loads: for
 * libraries only some inputs or some steps need (HTML and Markdown reports, dates or names not in the
 * caches). Every command and worker thread otherwise pays for them at start-up. `prepare` runs once, on
 * the library as loaded.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function loadOnFirstUse<T>(id: string, prepare: (lib: never) => T = (lib) => lib): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: prepare(require(id) as never) }).value;
}
