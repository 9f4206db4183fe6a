/** The Nunjucks compile cache: one compile per distinct text and environment, same source back. */
import { describe, expect, it } from "vitest";
import { cacheCompiles } from "../../src/site/nunjucks-compile-cache.ts";

function fakeNunjucks() {
  const calls: string[] = [];
  const mod = {
    compiler: {
      compile: (src: string, _f: string[], _e: unknown[], name: string) => {
        calls.push(src);
        return `source of ${name}:${src}`;
      },
    },
  };
  return { mod, calls };
}

describe("cacheCompiles", () => {
  it("compiles a text once per environment and returns the same source", () => {
    const { mod, calls } = fakeNunjucks();
    cacheCompiles(mod as never);
    const envA: unknown[] = [];
    const envB: unknown[] = [{ tags: ["setAsync"] }];
    const first = mod.compiler.compile("/articles/{{ id }}/", [], envA, "a.njk");
    expect(mod.compiler.compile("/articles/{{ id }}/", [], envA, "a.njk")).toBe(first);
    expect(calls).toHaveLength(1);
    // Another environment (other custom tags), another template name or text: compiled anew.
    mod.compiler.compile("/articles/{{ id }}/", [], envB, "a.njk");
    mod.compiler.compile("/articles/{{ id }}/", [], envA, "b.njk");
    mod.compiler.compile("/stories/{{ id }}/", [], envA, "a.njk");
    expect(calls).toHaveLength(4);
  });

  it("patches a module once", () => {
    const { mod } = fakeNunjucks();
    cacheCompiles(mod as never);
    const patched = mod.compiler.compile;
    cacheCompiles(mod as never);
    expect(mod.compiler.compile).toBe(patched);
  });
});
