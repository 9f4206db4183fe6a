/**
 * The CLI's TypeScript compiled to plain JavaScript once per change of the code, so that a command
 * starts without tsx's loader. That loader hands every module to a thread of its own and waits for
 * the answer: about 0.6 s of each command's start (1.5 s of loading against 0.9 s), and again in each
 * worker thread. The transform is tsx's own (esbuild, the version tsx depends on), file for file, into
 * node_modules/.cache/wire-archive/code-<hash>/, where the hash covers the sources' names, sizes and
 * modification times: an edit makes a new copy at the next command (a few tenths of a second).
 *
 * Relative imports of `.ts` files become `.js`. src/code-dir.ts is compiled to name the project
 * folder and the copy's, so code that reads templates, data files or its own sources by path reads
 * the originals. Anything going wrong here leaves `compiledMain` answering undefined: the caller then
 * runs the sources through tsx, the same program, only slower to start.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Bumped when the copy's layout or the transform's settings change. */
const FORMAT = 1;
/** A copy no command has used for this long is deleted (a running `dev` may still import from its own). */
const UNUSED_MS = 24 * 60 * 60 * 1000;
const CODE_DIR_MODULE = "src/code-dir.ts";

/**
 * The compiled copy of `repoDir`'s code, made if missing: the URL of its `src/cli/main.js`, or
 * undefined when it cannot be made (no esbuild, a read-only folder, a compile error).
 * @param {string} repoDir
 * @returns {Promise<URL | undefined>}
 */
export async function compiledMain(repoDir) {
  try {
    const sources = sourceFiles(repoDir);
    const cacheDir = path.join(repoDir, "node_modules", ".cache", "wire-archive");
    const outDir = path.join(cacheDir, `code-${fingerprint(repoDir, sources)}`);
    const main = path.join(outDir, "src", "cli", "main.js");
    if (statSync(main, { throwIfNoEntry: false })) {
      markUsed(outDir);
    } else {
      await compileInto(repoDir, sources, outDir);
      removeUnused(cacheDir, outDir);
    }
    return pathToFileURL(main);
  } catch {
    return undefined;
  }
}

/**
 * Marks the copy as in use, for the clean-up of unused copies; a copy in a folder this user cannot
 * write to is used all the same.
 * @param {string} dir
 */
function markUsed(dir) {
  try {
    const now = new Date();
    utimesSync(dir, now, now);
  } catch {
    // Another user's copy (a shared install): used as it is.
  }
}

/**
 * What is compiled: every `.ts` and `.js` module under src/ (not type declarations) and the Eleventy config,
 * relative to `repoDir`, sorted.
 * @param {string} repoDir
 */
export function sourceFiles(repoDir) {
  const src = readdirSync(path.join(repoDir, "src"), { recursive: true, encoding: "utf8" })
    // Plain .js modules too (shared with the browser): the compiled modules import them beside themselves.
    .filter((f) => (f.endsWith(".ts") && !f.endsWith(".d.ts")) || f.endsWith(".js"))
    .map((f) => path.join("src", f));
  return [...src, ".eleventy.ts"].sort();
}

/**
 * The copy's name: a hash of the project folder, of each source's name, size and modification time,
 * of tsconfig.json's and of the compiler's version and format (no file is read).
 * @param {string} repoDir
 * @param {string[]} sources
 */
export function fingerprint(repoDir, sources) {
  // The folder too: the copy names it (src/code-dir.ts), and copies of a project may share node_modules.
  const hash = createHash("sha1").update(`format ${FORMAT}\n${repoDir}\n`);
  for (const file of [...sources, "tsconfig.json", "node_modules/esbuild/package.json"]) {
    const info = statSync(path.join(repoDir, file), { throwIfNoEntry: false });
    hash.update(`${file}:${info ? `${info.size}:${info.mtimeMs}` : "missing"}\n`);
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * Compiles into a folder of this process's own and renames it into place, so that commands started
 * together (tests run many) never import a half-written copy: the first rename wins, the others
 * find the folder there and drop theirs.
 * @param {string} repoDir
 * @param {string[]} sources
 * @param {string} outDir
 */
async function compileInto(repoDir, sources, outDir) {
  const { build } = await import("esbuild");
  const temp = `${outDir}.${process.pid}-${randomUUID()}.tmp`;
  mkdirSync(temp, { recursive: true });
  try {
    await build({
      absWorkingDir: repoDir,
      entryPoints: sources,
      outdir: temp,
      outbase: ".",
      // Each module on its own: every import is left to Node (external), relative ones renamed to .js.
      bundle: true,
      platform: "node",
      format: "esm",
      target: `node${process.versions.node}`,
      logLevel: "silent",
      plugins: [moduleByModule(repoDir, outDir)],
    });
    // The copy is outside the project's package scope (inside node_modules): say its .js files are modules.
    writeFileSync(path.join(temp, "package.json"), JSON.stringify({ type: "module", private: true }));
    try {
      renameSync(temp, outDir);
    } catch (error) {
      if (!statSync(outDir, { throwIfNoEntry: false })) throw error;
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * @param {string} repoDir
 * @param {string} outDir
 * @returns {import("esbuild").Plugin}
 */
function moduleByModule(repoDir, outDir) {
  const codeDirModule = path.join(repoDir, CODE_DIR_MODULE);
  return {
    name: "module-by-module",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return undefined;
        const relative = args.path.startsWith("./") || args.path.startsWith("../");
        return { path: relative ? args.path.replace(/\.ts$/, ".js") : args.path, external: true };
      });
      build.onLoad({ filter: /code-dir\.ts$/ }, (args) => {
        if (args.path !== codeDirModule) return undefined;
        const source = readFileSync(args.path, "utf8");
        // The same exports, naming the real folders (see src/code-dir.ts).
        const contents = source
          .replace(/export const CODE_DIR: string = [^;]+;/, `export const CODE_DIR: string = ${JSON.stringify(withSlash(repoDir))};`)
          .replace(/export const COMPILED_DIR: string \| undefined = [^;]+;/, `export const COMPILED_DIR: string | undefined = ${JSON.stringify(withSlash(outDir))};`);
        if (contents === source || !contents.includes(JSON.stringify(withSlash(outDir)))) throw new Error(`${CODE_DIR_MODULE}: its CODE_DIR and COMPILED_DIR declarations were not found`);
        return { contents, loader: "ts" };
      });
    },
  };
}

/** @param {string} dir */
const withSlash = (dir) => (dir.endsWith(path.sep) ? dir : dir + path.sep);

/**
 * Deletes the copies (and abandoned temporary folders) no command has used for a day.
 * @param {string} cacheDir
 * @param {string} current
 */
function removeUnused(cacheDir, current) {
  for (const name of readdirSync(cacheDir)) {
    const dir = path.join(cacheDir, name);
    if (dir === current || !name.startsWith("code-")) continue;
    const info = statSync(dir, { throwIfNoEntry: false });
    if (info && Date.now() - info.mtimeMs > UNUSED_MS) rmSync(dir, { recursive: true, force: true });
  }
}
