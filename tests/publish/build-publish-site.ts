/** Builds the site tests' fixture archive (tests/site/fixtures.ts) into a temp dir, with a chosen base URL. */
import { mkdtemp, mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DOMParser, parseHTML } from "linkedom";
import { XMLValidator } from "fast-xml-parser";
import { renderSite } from "../../src/site/render-site.ts";
import { fixtureArchive, fixtureRawFiles } from "../site/fixtures.ts";

export interface BuiltSite {
  rootDir: string;
  outDir: string;
  read(sitePath: string): Promise<string>;
  html(sitePath: string): Promise<Document>;
  /** Parses XML after checking it is well-formed (throws with the parser's message if not). */
  xml(sitePath: string): Promise<Document>;
  json(sitePath: string): Promise<any>;
}

export async function buildPublishSite(baseUrl?: string): Promise<BuiltSite> {
  const rootDir = await mkdtemp(path.join(os.tmpdir(), "wire-publish-"));
  for (const [file, text] of Object.entries(fixtureRawFiles)) {
    await mkdir(path.dirname(path.join(rootDir, file)), { recursive: true });
    await writeFile(path.join(rootDir, file), text);
  }
  const outDir = path.join(rootDir, "_site");
  await renderSite({ archive: fixtureArchive(), outDir, rootDir, baseUrl });
  return siteReader(rootDir, outDir);
}

export function siteReader(rootDir: string, outDir: string): BuiltSite {
  const read = (sitePath: string) => {
    const rel = sitePath.replace(/^\/+/, "");
    return readFile(path.join(outDir, rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel), "utf8");
  };
  return {
    rootDir,
    outDir,
    read,
    html: async (p) => parseHTML(await read(p)).document as unknown as Document,
    xml: async (p) => {
      const text = await read(p);
      const valid = XMLValidator.validate(text);
      if (valid !== true) throw new Error(`${p} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
      return new DOMParser().parseFromString(text, "text/xml") as unknown as Document;
    },
    json: async (p) => JSON.parse(await read(p)),
  };
}

/** Direct children of `el` named `name` (linkedom's XML documents do not do namespaced selectors). */
export function childrenNamed(el: Element, name: string): Element[] {
  return [...el.children].filter((c) => c.tagName === name);
}

export function childText(el: Element, name: string): string | undefined {
  return childrenNamed(el, name)[0]?.textContent ?? undefined;
}
