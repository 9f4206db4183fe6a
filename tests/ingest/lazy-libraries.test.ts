/**
 * The HTML and Markdown libraries load with the first report that needs them, not with the parser:
 * every command and worker thread imports the parser, and linkedom's DOM alone is some 190 modules.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const moduleUrl = (rel: string) => JSON.stringify(pathToFileURL(path.join(REPO, rel)).href);

/** Registers a loader hook that names every module imported (ES modules, and CommonJS ones imported) on stderr. */
const HOOK = 'export async function load(u, c, next) { process.stderr.write("LOADED " + u + "\\n"); return next(u, c); }';
const REPORT_IMPORTS = `data:text/javascript,${encodeURIComponent(
  `import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});`,
)}`;

/** Parses `inputs` ([file name, text]) in a fresh process: every module it loaded, imported or required. */
function modulesLoadedParsing(inputs: Array<[string, string]>): string[] {
  const script = [
    'import { createRequire } from "node:module";',
    `const { ingestBytes } = await import(${moduleUrl("src/ingest/read-report.ts")});`,
    `const { parseReport } = await import(${moduleUrl("src/parse/parse-document.ts")});`,
    `for (const [name, text] of ${JSON.stringify(inputs)}) {`,
    "  const { record } = parseReport(ingestBytes(Buffer.from(text), name));",
    '  if (!record.body.length) throw new Error("no body parsed from " + name);',
    "}",
    "console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));",
  ].join("\n");
  const run = spawnSync(process.execPath, ["--import", REPORT_IMPORTS, "--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`child failed (${run.status}): ${run.stderr.split("\n").filter((l) => !l.startsWith("LOADED ")).join("\n")}`);
  const imported = run.stderr.split("\n").filter((l) => l.startsWith("LOADED ")).map((l) => l.slice("LOADED ".length));
  const required = JSON.parse(run.stdout.trim().split("\n").pop()!) as string[];
  return [...imported, ...required];
}

const fromPackage = (modules: string[], name: string) => modules.filter((m) => m.includes(`/node_modules/${name}/`));

const SEED = readFileSync(path.join(REPO, "seeds/000_b8421826220f6c4c.txt"), "utf8");
const PROSE = "The council met on Tuesday to discuss the new bridge. Members voted to approve the plan after a long debate.";
const HTML = `<html><head><title>Bridge plan approved</title></head><body><article><h1>Bridge plan approved</h1><p>${PROSE}</p><p>${PROSE}</p></article></body></html>`;
const MARKDOWN = `---\ntitle: Bridge plan approved\n---\n\n# Bridge plan approved\n\n${PROSE}\n\n${PROSE}\n`;

describe("libraries for some formats only", () => {
  it("parsing a plain-text report loads neither linkedom nor markdown-it", () => {
    const modules = modulesLoadedParsing([["seeds/report.txt", SEED]]);
    expect(modules.some((m) => m.includes("/src/parse/parse-document.ts"))).toBe(true); // the hook sees our modules
    expect(fromPackage(modules, "linkedom")).toEqual([]);
    expect(fromPackage(modules, "markdown-it")).toEqual([]);
  }, 60_000);

  it("an HTML report loads linkedom and a Markdown report markdown-it, when they come", () => {
    const modules = modulesLoadedParsing([
      ["seeds/report.txt", SEED],
      ["seeds/page.html", HTML],
      ["seeds/note.md", MARKDOWN],
    ]);
    expect(fromPackage(modules, "linkedom").length).toBeGreaterThan(0);
    expect(fromPackage(modules, "markdown-it").length).toBeGreaterThan(0);
  }, 60_000);
});
