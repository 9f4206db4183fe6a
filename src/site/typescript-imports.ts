/**
 * Eleventy loads `.eleventy.ts` with a plain `import()`. Node 20 cannot strip types, so register
 * tsx's loader hooks once per process; under `tsx` this is already true and registering is harmless.
 */
import { register } from "tsx/esm/api";

let registered = false;

export function ensureTypeScriptImports(): void {
  if (registered) return;
  register();
  registered = true;
}
