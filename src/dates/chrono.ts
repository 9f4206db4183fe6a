/**
 * chrono-node's English parsers, loaded on first use: a rebuild whose dates all come from its caches
 * never needs them. Only the English locale is loaded (the package's root loads all sixteen, and its
 * `strict` and `casual` are the English ones): a quarter of the code, a quarter of the start-up.
 */
import { createRequire } from "node:module";
import type * as Chrono from "chrono-node/en";

const require = createRequire(import.meta.url);
let lib: typeof Chrono | undefined;

export function chrono(): typeof Chrono {
  return (lib ??= require("chrono-node/en") as typeof Chrono);
}
