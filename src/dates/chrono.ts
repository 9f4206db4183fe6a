/**
 * chrono-node's English parsers, loaded on first use: a rebuild whose dates all come from its caches
 * never needs them. Only the English locale is loaded (the package's root loads all sixteen, and its
 * `strict` and `casual` are the English ones): a quarter of the code, a quarter of the start-up.
 */
import type * as Chrono from "chrono-node/en";
import { loadOnFirstUse } from "../util/load-on-first-use.ts";

export const chrono = loadOnFirstUse<typeof Chrono>("chrono-node/en");
