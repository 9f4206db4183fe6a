/**
 * `add` end to end on a temp copy of the seed archive, one bad input at a time: each is answered with
 * its exact diagnostic rule, and the archive (seeds/ names and bytes, the built _site/) is unchanged
 * when the input is refused; inputs that can be read (legacy encodings, BOM, line endings, HTML with
 * active content, colliding or path-like headlines) are added without changing anything else.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addReports, type AddResult, type InputOutcome } from "../../src/add/add-reports.ts";
import { buildSite } from "../../src/build/build-site.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { PERMALINKS_FILE, readPermalinks } from "../../src/archive/permalinks.ts";
import { makeTempRoot, removeTempRoot, snapshotDir } from "../build/temp-root.ts";

let root: string;
let inputs: string;
const state = () => ({ seeds: snapshotDir(path.join(root, "seeds")), site: snapshotDir(path.join(root, "_site")) });

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(inputs, name);
  writeFileSync(file, content);
  return file;
}

async function add(...files: string[]): Promise<AddResult> {
  return addReports({ root, inputs: files.map((f) => path.relative(inputs, f)), cwd: inputs });
}

const rules = (o: InputOutcome) => o.diagnostics.map((d) => d.rule);
const text = (r: ArticleRecord) => [r.headline, r.standfirst ?? "", ...r.body.map((b) => b.text)].join("\n");

beforeAll(async () => {
  root = makeTempRoot("wa-add-");
  inputs = mkdtempSync(path.join(tmpdir(), "wa-add-inputs-"));
  await buildSite({ root });
});
afterAll(() => {
  removeTempRoot(root);
  rmSync(inputs, { recursive: true, force: true });
});

describe("add refuses what cannot be a report, and changes nothing", () => {
  const refused: Array<[string, () => string, string, number | undefined]> = [
    ["an empty file", () => write("empty.txt", ""), "empty-report", undefined],
    ["a whitespace-only file", () => write("blank.txt", "  \n\t\n   \n\n"), "empty-report", undefined],
    [
      "PNG bytes renamed .txt",
      () => write("photo.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1])),
      "binary-input",
      undefined,
    ],
    ["a 20 MB file", () => write("huge.txt", Buffer.alloc(20 * 1024 * 1024, "All work and no play makes a dull report.\n")), "too-large", undefined],
    [
      "a page of navigation lines only",
      () => write("nav.txt", "Home\nWorld\nBusiness\nSport\nShare on Facebook\nShare on Twitter\nEmail this article\nSubscribe\nSign in\n© 2024 The Example Post\n"),
      "no-article-text",
      undefined,
    ],
    [
      "front matter that is not YAML",
      () => write("bad-yaml.md", "---\nheadline: Geneva talks resume\nsource: AFP: Geneva\n---\nThe talks resumed on Saturday in Geneva, officials said, after a night of work by experts.\n"),
      "bad-front-matter",
      3,
    ],
    [
      "a `published` that is not a date",
      () => write("bad-date.md", "---\nheadline: Geneva talks resume\npublished: not-a-date\n---\nThe talks resumed on Saturday in Geneva, officials said, after a night of work by experts.\n"),
      "bad-front-matter",
      3,
    ],
  ];

  for (const [what, make, rule, line] of refused) {
    it(`${what}: [${rule}]${line ? ` at line ${line}` : ""}, exit 1, archive unchanged`, async () => {
      const before = state();
      const file = make();
      const result = await add(file);
      expect(result.exitCode).toBe(1);
      expect(result.build).toBeUndefined();
      const [outcome] = result.outcomes;
      expect(outcome.status).toBe("rejected");
      expect(outcome.input).toBe(path.basename(file));
      const diagnostic = outcome.diagnostics.find((d) => d.rule === rule);
      expect(diagnostic, `rules: ${rules(outcome).join(", ")}`).toBeDefined();
      expect(diagnostic!.severity).toBe("error");
      expect(diagnostic!.file).toBe(path.basename(file));
      if (line) expect(diagnostic!.line).toBe(line);
      expect(diagnostic!.hint).toBeTruthy();
      expect(state()).toEqual(before);
    });
  }

  it("a path that does not exist is a diagnostic, not a crash", async () => {
    const before = state();
    const result = await addReports({ root, inputs: ["no/such/report.txt"], cwd: inputs });
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(["unreadable-file"]);
    expect(state()).toEqual(before);
  });

  it("the same report again: already in the archive as its seeds/ file, exit 1, archive unchanged", async () => {
    const before = state();
    const again = write("again.txt", readFileSync(path.join(root, "seeds/001_074339284b23f45c.txt")));
    const result = await add(again);
    expect(result.exitCode).toBe(1);
    expect(result.outcomes[0]).toMatchObject({ status: "already-in-archive", seedFile: "seeds/001_074339284b23f45c.txt" });
    expect(rules(result.outcomes[0])).toEqual(["already-in-archive"]);
    expect(state()).toEqual(before);
  });
});

describe("add takes readable inputs in any encoding and form, changing nothing else", () => {
  let result: AddResult;
  let before: ReturnType<typeof state>;
  let articles: ArticleRecord[];
  const files: Record<string, string> = {};
  const outcome = (key: string) => result.outcomes.find((o) => o.input === path.basename(files[key]))!;

  beforeAll(async () => {
    before = state();
    files.cp1252 = write(
      "windows-1252.txt",
      iconv.encode(
        "Pound slides after Bank of England holds rates\r\n\r\nPublished: 12 March 2014\r\n\r\nThe pound fell to £0.83 against the euro on Wednesday after the Bank of England held interest rates, with traders saying the decision was “no surprise” but the bank’s tone was softer than expected.\r\n",
        "windows-1252",
      ),
    );
    files.bom = write(
      "bom.txt",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Harbour bridge reopens after repairs\n\nPublished: 3 June 2014\n\nThe harbour bridge reopened to traffic on Tuesday after six weeks of repairs to its deck, the city council said.\n")]),
    );
    files.crlf = write(
      "crlf.txt",
      "Library extends opening hours\r\n\r\nPublished: 9 June 2014\r\n\r\nThe central library will open until 10pm on weekdays from Monday, the council announced,\r\nafter a petition signed by 4,000 students.\r\n",
    );
    files.cr = write(
      "lone-cr.txt",
      "Ferry timetable changes for summer\r\rPublished: 16 June 2014\r\rThe island ferry will run every half hour from Saturday until the end of August, the operator said.\r",
    );
    files.html = write(
      "active.html",
      `<!doctype html><html><head><title>Council approves cycle lanes - The Example Post</title>
<meta property="og:site_name" content="The Example Post">
<meta property="article:published_time" content="2014-06-20T09:30:00Z">
<script>alert("owned")</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves cycle lanes</h1>
<p>The city council on Friday approved twelve kilometres of protected cycle lanes across the centre, after a two-year consultation with residents and businesses.</p>
<p><img src="x.png" onerror="alert('owned')">Work on the first stretch, along the river, is due to begin in September and to take about four months, the council said.</p>
<script>document.write("injected")</script>
<p>Opponents said the lanes would slow deliveries to shops on the high street, and asked for loading bays to be kept.</p>
</article></body></html>`,
    );
    // Same headline as the Al Jazeera seed (its id "us-and-russia-enter-third-day-of-syria-talks"), a day later.
    files.collide = write(
      "collide.txt",
      "US and Russia enter third day of Syria talks\n\nPublished: 15 September 2013\n\nA second account of the talks, filed a day later by another desk, repeats the headline of the first one word for word.\n",
    );
    files.dotdot = write(
      "..%2F..%2Fetc%2Fpasswd.txt",
      "../../../etc/passwd: how a path ended up in a headline\n\nPublished: 24 June 2014\n\nA headline that looks like a file path was published on Tuesday by mistake, editors said, and was corrected within the hour.\n",
    );
    // A different report whose file name clashes with one already in seeds/.
    files.clash = write(
      "000_b8421826220f6c4c.txt",
      "Orchestra names new conductor\n\nPublished: 1 July 2014\n\nThe city orchestra named a new principal conductor on Monday, ending a search that took two seasons.\n",
    );
    result = await add(...Object.values(files), files.crlf); // crlf given twice on one command line
    articles = JSON.parse(readFileSync(path.join(root, "_site/data/articles.json"), "utf8")).articles;
  });

  it("adds each of them and rebuilds once", () => {
    expect(result.exitCode).toBe(0);
    expect(result.build).toMatchObject({ ok: true, records: 3 + 8 });
    for (const key of Object.keys(files)) expect(outcome(key).status, key).toBe("added");
  });

  it("copies each byte for byte into seeds/ and leaves every earlier report as it was", () => {
    const reports = (snapshot: Record<string, string>) => Object.keys(snapshot).filter((name) => name !== PERMALINKS_FILE);
    const after = snapshotDir(path.join(root, "seeds"));
    for (const name of reports(before.seeds)) expect(after[name]).toBe(before.seeds[name]);
    for (const key of Object.keys(files)) {
      expect(readFileSync(path.join(root, outcome(key).seedFile!))).toEqual(readFileSync(files[key]));
    }
    expect(reports(after)).toHaveLength(reports(before.seeds).length + 8);
    // Beside them, the permalink ledger: one entry a report, each with the id its page has.
    const ledger = readPermalinks(path.join(root, "seeds")).entries;
    expect(new Set(ledger.map((e) => e.file))).toEqual(new Set(reports(after).map((name) => `seeds/${name}`)));
    for (const a of articles) expect(ledger).toContainEqual({ file: a.sourceFile, id: a.id, checksum: a.checksum });
  });

  it("the same file twice on one command line is added once [duplicate-input]", () => {
    const twice = result.outcomes.filter((o) => o.input === "crlf.txt");
    expect(twice.map((o) => o.status)).toEqual(["added", "duplicate-input"]);
    expect(rules(twice[1])).toEqual(["duplicate-input"]);
  });

  it("Windows-1252 is detected and decoded: £ and curly quotes in the record [legacy-encoding]", () => {
    const o = outcome("cp1252");
    expect(rules(o)).toContain("legacy-encoding");
    expect(o.record!.encoding).toBe("windows-1252");
    expect(text(o.record!)).toContain("£0.83");
    expect(text(o.record!)).toContain("“no surprise”");
    expect(text(o.record!)).toContain("bank’s tone");
  });

  it("a UTF-8 byte-order mark is dropped [utf8-bom]", () => {
    const o = outcome("bom");
    expect(rules(o)).toContain("utf8-bom");
    expect(o.record!.headline).toBe("Harbour bridge reopens after repairs");
  });

  it("CRLF and lone CR line ends are normalised [line-endings]", () => {
    for (const key of ["crlf", "cr"]) {
      const o = outcome(key);
      expect(rules(o)).toContain("line-endings");
      expect(text(o.record!)).not.toMatch(/\r/);
    }
    expect(outcome("cr").record!.headline).toBe("Ferry timetable changes for summer");
    expect(outcome("cr").record!.published).toMatchObject({ date: "2014-06-16", origin: "stated" });
  });

  it("HTML with <script> and onerror=: stripped, never on the page or in the data as markup [html-stripped-active-content]", () => {
    const o = outcome("html");
    expect(rules(o)).toContain("html-stripped-active-content");
    const page = readFileSync(path.join(root, "_site", o.url!, "index.html"), "utf8");
    expect(page).toContain("twelve kilometres of protected cycle lanes");
    expect(page).not.toMatch(/alert\(|onerror=|document\.write/);
    const record = JSON.stringify(articles.find((a) => a.checksum === o.checksum));
    expect(record).not.toMatch(/<script|onerror|alert\(/);
  });

  it("HTML: the headline is the article's, without the site name the <title> appends", () => {
    expect(outcome("html").record!.headline).toBe("Council approves cycle lanes");
  });

  it("HTML: the raw copy of the page is not published as a page that a browser would run", () => {
    const raw = readdirSync(path.join(root, "_site/raw")).filter((n) => n.startsWith(outcome("html").record!.id));
    expect(raw).toHaveLength(1);
    expect(raw[0]).not.toMatch(/\.x?html?$/i);
  });

  it("a headline another report already has gets a distinct id; the earlier page keeps its URL [id-collision]", () => {
    const o = outcome("collide");
    expect(rules(o)).toContain("id-collision");
    expect(o.record!.id).not.toBe("us-and-russia-enter-third-day-of-syria-talks");
    expect(o.record!.id.startsWith("us-and-russia-enter-third-day-of-syria-talks-")).toBe(true);
    const seed = articles.find((a) => a.sourceFile === "seeds/001_074339284b23f45c.txt")!;
    expect(seed.id).toBe("us-and-russia-enter-third-day-of-syria-talks");
    expect(existsSync(path.join(root, "_site/articles", o.record!.id, "index.html"))).toBe(true);
    expect(result.changed).toEqual([]);
  });

  it("a path-like headline gets a safe slug, and a path-like file name a safe seeds/ name", () => {
    const o = outcome("dotdot");
    expect(o.record!.id).toBe("etc-passwd-how-a-path-ended-up-in-a-headline");
    expect(o.url).toBe("/articles/etc-passwd-how-a-path-ended-up-in-a-headline/");
    expect(o.seedFile).toMatch(/^seeds\/[A-Za-z0-9][A-Za-z0-9._-]*\.txt$/);
    expect(existsSync(path.join(root, "_site/articles/etc-passwd-how-a-path-ended-up-in-a-headline/index.html"))).toBe(true);
  });

  it("a different report with a clashing file name gets a new name; the old file is untouched", () => {
    expect(outcome("clash").seedFile).toBe("seeds/000_b8421826220f6c4c-2.txt");
    expect(readdirSync(path.join(root, "seeds"))).toContain("000_b8421826220f6c4c.txt");
  });

  it("every new page is built, at the URL reported", () => {
    for (const key of Object.keys(files)) {
      const o = outcome(key);
      expect(o.url).toBe(`/articles/${o.record!.id}/`);
      expect(existsSync(path.join(root, "_site", o.url!, "index.html")), key).toBe(true);
      expect(articles.some((a) => a.checksum === o.checksum)).toBe(true);
    }
  });
});
