/**
 * Where the program's own files are. Under tsx (and in tests) this module sits in src/ of the project
 * folder. The CLI usually runs a compiled copy of the code kept elsewhere (bin/compiled-code.js),
 * which compiles this one module to name the real folders: code that reads templates, data files or
 * its own sources by path reads the originals, and the caches keyed by the sources stay the same.
 */
import { fileURLToPath } from "node:url";

/** The project folder: the one holding src/, layouts/ and .eleventy.ts. */
export const CODE_DIR: string = fileURLToPath(new URL("../", import.meta.url));

/** The compiled copy's folder (its modules are the sources' `.js` files), or undefined under tsx. */
export const COMPILED_DIR: string | undefined = undefined;

/**
 * A module of this program as it is run: `moduleUrl` names the TypeScript source relative to the
 * caller (`new URL("./worker.ts", import.meta.url)`); in the compiled copy the file is the `.js`.
 */
export function runnableModule(moduleUrl: URL): URL {
  return COMPILED_DIR ? new URL(moduleUrl.href.replace(/\.ts$/, ".js")) : moduleUrl;
}
