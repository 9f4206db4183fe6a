/**
 * The CLI's compiled copy of the code (bin/compiled-code.js): made once per change of the sources,
 * safe to make from several commands at once, naming the real project folder, and running the same
 * program as the sources under tsx.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { execFile } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript without declarations (the launcher's own module).
import { compiledMain, fingerprint, sourceFiles } from "../../bin/compiled-code.js";
import { runCli } from "../helpers/run-cli.ts";
import { BBC, REPO_ROOT, seedArchive } from "../helpers/seeds.ts";
import { extractEvents } from "../../src/timeline/extract-events.ts";
import { timelineOf } from "../../src/timeline/build-timeline.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A small project of the same shape: src/code-dir.ts (the real one), a CLI module importing others by `.ts`. */
function fakeProject(files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), "wa-compiled-"));
  made.push(root);
  const all: Record<string, string> = {
    "src/code-dir.ts": readFileSync(path.join(REPO_ROOT, "src/code-dir.ts"), "utf8"),
    "src/cli/main.ts": [
      `import { CODE_DIR, COMPILED_DIR } from "../code-dir.ts";`,
      `import { twice } from "../util/twice.ts";`,
      `export type Unused = { a: number };`,
      `export const answer: number = twice(21);`,
      `export const where = { CODE_DIR, COMPILED_DIR };`,
      `export const later = async () => (await import("../util/twice.ts")).twice(2);`,
    ].join("\n"),
    "src/util/twice.ts": `export const twice = (n: number): number => n * 2;`,
    ".eleventy.ts": `import { twice } from "./src/util/twice.ts";\nexport default (): number => twice(1);`,
    "tsconfig.json": "{}",
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  mkdirSync(path.join(root, "node_modules"));
  return root;
}

const copiesOf = (root: string) => readdirSync(path.join(root, "node_modules/.cache/wire-archive"));

describe("the compiled copy of the code", () => {
  it("runs the sources' modules, with .ts imports as .js, and names the project folder and its own", async () => {
    const root = fakeProject();
    const main: URL = await compiledMain(root);
    expect(main).toBeInstanceOf(URL);
    const copy = path.resolve(fileURLToPath(main), "../../..");
    expect(path.dirname(copy)).toBe(path.join(root, "node_modules/.cache/wire-archive"));
    const mod = await import(main.href);
    expect(mod.answer).toBe(42);
    expect(await mod.later()).toBe(4);
    // Not where the module is (the copy) but the project's, as under tsx; and the copy's own.
    expect(mod.where).toEqual({ CODE_DIR: root + path.sep, COMPILED_DIR: copy + path.sep });
    expect((await import(path.join(copy, ".eleventy.js"))).default()).toBe(2);
  });

  it("is made once: a second command, or several at once, use the same copy", async () => {
    const root = fakeProject();
    const all = await Promise.all([compiledMain(root), compiledMain(root), compiledMain(root)]);
    expect(new Set(all.map(String)).size).toBe(1);
    expect(String(await compiledMain(root))).toBe(String(all[0]));
    // One copy, no temporary folder left behind.
    expect(copiesOf(root)).toHaveLength(1);
    expect(copiesOf(root)[0]).toMatch(/^code-[0-9a-f]{16}$/);
  });

  it("is made once by commands started together in separate processes", async () => {
    const root = fakeProject();
    const script = `import { compiledMain } from ${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, "bin/compiled-code.js")).href)};
      console.log(String(await compiledMain(${JSON.stringify(root)})));`;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        execFile(process.execPath, ["--input-type=module", "-e", script], (error, stdout) => (error ? reject(error) : resolve(stdout.trim())));
      });
    const urls = await Promise.all([run(), run(), run(), run()]);
    expect(urls[0]).toMatch(/^file:.*\/src\/cli\/main\.js$/);
    expect(new Set(urls).size).toBe(1);
    expect(copiesOf(root)).toHaveLength(1);
  });

  it("is made afresh when a source changes, and old copies nobody used for a day are deleted", async () => {
    const root = fakeProject();
    const first = String(await compiledMain(root));
    writeFileSync(path.join(root, "src/util/twice.ts"), `export const twice = (n: number): number => n + n + 0;`);
    const second: URL = await compiledMain(root);
    expect(String(second)).not.toBe(first);
    expect((await import(second.href)).answer).toBe(42);
    expect(copiesOf(root)).toHaveLength(2);
    // The first copy, unused for two days, goes when the next copy is made.
    const old = path.resolve(fileURLToPath(first), "../../..");
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    writeFileSync(path.join(root, "src/util/twice.ts"), `export const twice = (n: number): number => 2 * n;`);
    const third = String(await compiledMain(root));
    expect(copiesOf(root).sort()).toEqual([path.basename(path.resolve(fileURLToPath(second), "../../..")), path.basename(path.resolve(fileURLToPath(third), "../../.."))].sort());
  });

  // Run as another user (nobody) to find a copy it may read but not touch: only root can start that.
  it.skipIf(process.getuid?.() !== 0)("is used as it is by a user who cannot mark it as used (a shared install)", async () => {
    const root = fakeProject();
    const made = String(await compiledMain(root));
    chmodSync(root, 0o755);
    const script = `import { compiledMain } from ${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, "bin/compiled-code.js")).href)};
      console.log(String(await compiledMain(${JSON.stringify(root)})));`;
    const asNobody = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ["--input-type=module", "-e", script], { uid: 65534, gid: 65534 }, (error, stdout) => (error ? reject(error) : resolve(stdout.trim())));
    });
    expect(asNobody).toBe(made);
  });

  it("is named by the folder, the sources' names, sizes and times, and nothing else", () => {
    const root = fakeProject();
    const sources = sourceFiles(root);
    expect(sources).toEqual([".eleventy.ts", "src/cli/main.ts", "src/code-dir.ts", "src/util/twice.ts"]);
    const before = fingerprint(root, sources);
    expect(fingerprint(root, sources)).toBe(before);
    const other = fakeProject();
    expect(fingerprint(other, sourceFiles(other))).not.toBe(before);
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, "src/util/twice.ts"), later, later);
    expect(fingerprint(root, sources)).not.toBe(before);
  });

  it("is not made from sources that do not compile: the caller then runs them through tsx", async () => {
    const root = fakeProject({ "src/util/twice.ts": "export const twice = (n: number) => {" });
    expect(await compiledMain(root)).toBeUndefined();
    expect(readdirSync(path.join(root, "node_modules/.cache/wire-archive"))).toEqual([]);
  });
});

describe("the CLI on the compiled copy", () => {
  it("prints the same record as the sources run through tsx", () => {
    const compiled = runCli(["parse", BBC, "--json"]);
    const sources = runCli(["parse", BBC, "--json"], { env: { WIRE_ARCHIVE_TSX: "1" } });
    expect(compiled.code).toBe(0);
    expect(sources.code).toBe(0);
    expect(JSON.parse(compiled.stdout).headline).toBeTruthy();
    expect(compiled.stdout).toBe(sources.stdout);
  });

  it("runs the build's worker threads from the copy: the timeline merged there is this thread's", async () => {
    const main: URL = await compiledMain(REPO_ROOT);
    const copy = path.resolve(fileURLToPath(main), "../../..");
    const { startTimelineWorker } = await import(path.join(copy, "src/timeline/timeline-elsewhere.js"));
    const { COMPILED_DIR } = await import(path.join(copy, "src/code-dir.js"));
    expect(COMPILED_DIR).toBe(copy + path.sep);
    const events = [...seedArchive().values()].flatMap((r) => extractEvents(r));
    const worker = startTimelineWorker();
    try {
      expect(await worker.timelineOf({ events })).toEqual(timelineOf(structuredClone(events)));
    } finally {
      await worker.close();
    }
  });
});
