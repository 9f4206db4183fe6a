/**
 * chrono-node, loaded on first use: a rebuild whose dates all come from its caches never needs it,
 * and loading it is a third of a second of every build's start-up.
 */
import { createRequire } from "node:module";
import type * as Chrono from "chrono-node";

const require = createRequire(import.meta.url);
let lib: typeof Chrono | undefined;

export function chrono(): typeof Chrono {
  return (lib ??= require("chrono-node") as typeof Chrono);
}
