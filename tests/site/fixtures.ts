/**
 * Hand-written article records for the site tests (no parser needed). Valid against
 * ArticleRecordSchema; together they exercise every block type and every provenance note.
 */
import type { Archive } from "../../src/archive/types.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";

const sha = (c: string) => c.repeat(64);

/** Newest: stated date and headline, every block type, media, related links, removals, a diagnostic. */
export const talksThirdDay: ArticleRecord = {
  id: "us-russia-third-day",
  sourceFile: "reports/aljazeera-talks.txt",
  checksum: sha("a"),
  format: "text",
  encoding: "UTF-8",
  source: { id: "al-jazeera", name: "Al Jazeera", origin: "inferred", evidence: "Featured on Al Jazeera", line: 60 },
  headline: "US and Russia enter third day of Syria talks",
  headlineOrigin: "stated",
  headlineLine: 3,
  standfirst: "John Kerry and his Russian counterpart seek to hammer out a deal.",
  section: "Middle East",
  published: { date: "2013-09-14", time: "07:13", origin: "stated", evidence: "Last Modified: 14 Sep 2013 07:13", line: 7 },
  body: [
    { type: "paragraph", text: "The United States and Russia are to hold a third day of complex talks.", line: 14 },
    { type: "heading", text: "Reviving talks", line: 28 },
    { type: "quote", text: "We're obviously at a pivotal point.", line: 30 },
    { type: "list-item", text: "Declare the stockpile", line: 31 },
    { type: "list-item", text: "Allow inspectors access", line: 32 },
    {
      type: "timeline",
      title: "Chemical weapons plan timeline",
      text: "Chemical weapons plan timeline 12 Sep: Kerry meets Lavrov 13 Sep: Second round",
      entries: [
        { label: "12 Sep", start: "2013-09-12", text: "John Kerry meets Sergei Lavrov in Geneva", line: 34 },
        { label: "13 Sep", start: "2013-09-13", text: "Second round of Geneva talks", line: 35 },
      ],
      line: 33,
      endLine: 35,
    },
    { type: "paragraph", text: "Teams of experts have been poring over a Russian initiative.", line: 37 },
  ],
  media: [
    {
      caption: "Washington and Moscow are also working to get peace talks going",
      credit: "Reuters",
      text: "Washington and Moscow are also working to get peace talks going [Reuters]",
      line: 12,
    },
  ],
  related: [{ text: "In-depth coverage of escalating violence across Syria", line: 40 }],
  fields: [{ field: "section", text: "Middle East", line: 1 }],
  removed: [
    { line: 9, text: "Email Article", reason: "share-bar line (profile: aljazeera)" },
    { line: 10, text: "Print Article", reason: "share-bar line (profile: aljazeera)" },
  ],
  diagnostics: [
    {
      file: "reports/aljazeera-talks.txt",
      line: 61,
      severity: "warning",
      rule: "trailing-promo",
      message: "Unexpected promotional teaser, expected article text",
      hint: "Add the teaser pattern to the source profile.",
    },
  ],
  wordCount: 210,
};

/** Middle: derived headline and inferred date; raw report is Markdown (extension kept). */
export const agencyWire: ArticleRecord = {
  id: "agency-wire-third-day",
  sourceFile: "reports/agency.md",
  checksum: sha("b"),
  format: "markdown",
  encoding: "UTF-8",
  source: { id: "afp", name: "AFP", origin: "stated", line: 12 },
  headline: "The United States and Russia were Saturday to hold a third day of talks",
  headlineOrigin: "derived",
  published: {
    date: "2013-09-13",
    origin: "inferred",
    evidence: "were Saturday to hold a third day",
    line: 1,
  },
  body: [
    { type: "paragraph", text: "The United States and Russia were Saturday to hold a third day of complex talks.", line: 1 },
    { type: "paragraph", text: "UN chief Ban Ki-moon accused Assad of crimes against humanity.", line: 3 },
  ],
  media: [{ credit: "Agence France-Presse", text: "[Image via Agence France-Presse]", line: 12 }],
  related: [],
  fields: [],
  removed: [],
  diagnostics: [],
  wordCount: 28,
};

/** Oldest position (undated sorts last): hostile text must be rendered as text. */
export const undatedHostile: ArticleRecord = {
  id: "undated-markup",
  sourceFile: "reports/undated.txt",
  checksum: sha("c"),
  format: "text",
  encoding: "windows-1252",
  source: { id: "unknown", name: "Unknown source", origin: "unknown" },
  headline: "Talks <script>alert('x')</script> & more",
  headlineOrigin: "stated",
  published: null,
  body: [{ type: "paragraph", text: "Body with <script>alert(1)</script> and <b>tags</b> & ampersands.", line: 2 }],
  media: [],
  related: [{ text: "Elsewhere", url: "https://example.org/elsewhere", line: 4 }],
  fields: [],
  removed: [{ line: 5, text: "<img src=x onerror=alert(1)>", reason: "markup residue" }],
  diagnostics: [],
  wordCount: 9,
};

export const fixtureRecords: ArticleRecord[] = [talksThirdDay, agencyWire, undatedHostile];

/** Raw report contents written under the test's rootDir at each record's sourceFile. */
export const fixtureRawFiles: Record<string, string> = {
  "reports/aljazeera-talks.txt": "Middle East\n\nUS and Russia enter third day of Syria talks\n",
  "reports/agency.md": "The United States and Russia were Saturday to hold a third day of complex talks.\n",
  "reports/undated.txt": "Talks <script>alert('x')</script> & more\n",
};

export function fixtureArchive(): Archive {
  return {
    records: fixtureRecords,
    sources: [
      { id: "al-jazeera", name: "Al Jazeera", count: 1 },
      { id: "afp", name: "AFP", count: 1 },
      { id: "unknown", name: "Unknown source", count: 1 },
    ],
    timeline: { events: [] },
    diagnostics: talksThirdDay.diagnostics,
    generatedAt: "2024-01-01T00:00:00.000Z",
  };
}
