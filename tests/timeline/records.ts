/** Hand-built article records for timeline tests: only the fields the timeline reads matter. */
import type { ArticleRecord, Block } from "../../src/record/schema.ts";

export function record(id: string, outlet: string, published: string | null, body: (string | Block)[]): ArticleRecord {
  return {
    id,
    sourceFile: `seeds/${id}.txt`,
    checksum: "0".repeat(64),
    format: "text",
    encoding: "UTF-8",
    source: { id: outlet.toLowerCase(), name: outlet, origin: "stated" },
    headline: `Report ${id}`,
    headlineOrigin: "derived",
    published: published ? { date: published, origin: "stated", evidence: published } : null,
    body: body.map((b, i) => (typeof b === "string" ? { type: "paragraph" as const, text: b, line: i + 1 } : b)),
    media: [],
    related: [],
    fields: [],
    removed: [],
    diagnostics: [],
    wordCount: 0,
  };
}
