import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Loads the render module in a fresh process (its own environment, without the switch) with
 * `module.register` watched, and answers the URLs of the loader hooks registered meanwhile.
 */
function hooksRegisteredByRenderModule(): string[] {
  const spy = [
    'import module from "node:module";',
    "const register = module.register;",
    "globalThis.registered = [];",
    // register(specifier, parentURL?, options?) or register(specifier, { parentURL, ... }).
    "module.register = function (specifier, parent, ...rest) {",
    "  const base = typeof parent === 'string' || parent instanceof URL ? parent : parent?.parentURL;",
    "  globalThis.registered.push(String(new URL(specifier, base ?? 'file:///')));",
    "  return register.call(this, specifier, parent, ...rest);",
    "};",
  ].join("\n");
  const load = `await import(${JSON.stringify(pathToFileURL(path.join(REPO, "src/site/render-site.ts")).href)}); console.log(JSON.stringify(globalThis.registered));`;
  const env = { ...process.env };
  delete env.ELEVENTY_SKIP_ESM_RESOLVER;
  const out = execFileSync(
    process.execPath,
    ["--import", `data:text/javascript,${encodeURIComponent(spy)}`, "--import", "tsx", "--input-type=module", "-e", load],
    { cwd: REPO, env, encoding: "utf8" },
  );
  return JSON.parse(out.trim().split("\n").pop()!) as string[];
}

describe("Eleventy's import hook", () => {
  it("is not registered: the render module switches it off before Eleventy loads", () => {
    const hooks = hooksRegisteredByRenderModule();
    // tsx registers its own loader (the test runs the sources through it); Eleventy's would be its EsmResolver.
    expect(hooks.some((url) => url.includes("tsx"))).toBe(true);
    expect(hooks.filter((url) => url.includes("@11ty/eleventy"))).toEqual([]);
  }, 60_000);
});
