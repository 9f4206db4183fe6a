/**
 * Eleventy loads `.eleventy.ts` with a plain `import()`. Node 20 cannot strip types, so register
 * tsx's loader hooks once per process; under `tsx` this is already true and registering is harmless.
 * tsx is imported here only when asked: the compiled copy of the code (bin/compiled-code.js) never
 * needs it, and loading its API alone costs some 80 ms.
 */
let registered: Promise<void> | undefined;

export function ensureTypeScriptImports(): Promise<void> {
  registered ??= import("tsx/esm/api").then(({ register }) => {
    register();
  });
  return registered;
}
