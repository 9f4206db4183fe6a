/** The CLI end to end on the seed archive: build, parse --json, check, help and errors. */
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { runCli } from "../helpers/run-cli.ts";
import { AFP, ALJAZEERA, BBC } from "../helpers/seeds.ts";

let out: string;
let build: ReturnType<typeof runCli>;
let articles: ArticleRecord[];

beforeAll(() => {
  out = path.join(mkdtempSync(path.join(tmpdir(), "wa-cli-")), "site");
  build = runCli(["build", "--out", out]);
  if (build.code === 0) articles = JSON.parse(readFileSync(path.join(out, "data/articles.json"), "utf8")).articles;
});
afterAll(() => rmSync(path.dirname(out), { recursive: true, force: true }));

describe("wire-archive build", () => {
  it("succeeds, reports what it built and shows per-stage progress", () => {
    expect(build.stderr).toContain("Parsing reports");
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/Built 3 reports/);
  });

  it("writes the records with the golden facts to data/articles.json, newest first", () => {
    const by = (file: string) => articles.find((a) => a.sourceFile === file)!;
    expect(articles).toHaveLength(3);
    expect(by(ALJAZEERA)).toMatchObject({ headline: "US and Russia enter third day of Syria talks", section: "Middle East" });
    expect(by(AFP).published).toMatchObject({ date: "2013-09-14", origin: "inferred" });
    expect(by(BBC).published).toMatchObject({ date: "2013-09-13", origin: "inferred" });
    expect(by(BBC).source.name).toBe("BBC");
    // Newest first: Al Jazeera (14 Sep 07:13) and AFP (14 Sep) before the BBC (13 Sep).
    expect(articles.at(-1)!.sourceFile).toBe(BBC);
  });

  it("renders one page per report and the home page, and copies each raw report", () => {
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
    for (const a of articles) {
      expect(existsSync(path.join(out, "articles", a.id, "index.html"))).toBe(true);
      const raw = path.join(out, "raw", `${a.id}${path.extname(a.sourceFile)}`);
      expect(readFileSync(raw)).toEqual(readFileSync(path.resolve(a.sourceFile)));
    }
  });
});

describe("article pages of the seed archive", () => {
  const html = (file: string) => readFileSync(path.join(out, "articles", articles.find((a) => a.sourceFile === file)!.id, "index.html"), "utf8");

  it("link names to their entity pages, aliases to the same page", () => {
    const page = html(ALJAZEERA);
    expect(page).toContain('<a class="entity-link" href="/entities/john-kerry/">John Kerry</a>');
    expect(page).toContain('<a class="entity-link" href="/entities/bashar-al-assad/">Assad</a>');
    expect(page).toContain('<a class="entity-link" href="/entities/bashar-al-assad/">Bashar al-Assad</a>');
    expect(existsSync(path.join(out, "entities/john-kerry/index.html"))).toBe(true);
  });

  it("link to the story all three reports belong to", () => {
    const links = [AFP, ALJAZEERA, BBC].map((f) => /Part of the story <a href="([^"]+)"/.exec(html(f))?.[1]);
    expect(links[0]).toMatch(/^\/stories\/[a-z0-9-]+\/$/);
    expect(new Set(links).size).toBe(1);
  });
});

describe("wire-archive parse", () => {
  it("prints one record as JSON with the golden facts", () => {
    const r = runCli(["parse", ALJAZEERA, "--json"]);
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout) as ArticleRecord;
    expect(record.standfirst).toBe("John Kerry and his Russian counterpart seek to hammer out a deal on eliminating Syria's arsenal of chemical weapons.");
    expect(record.published).toMatchObject({ date: "2013-09-14", time: "07:13", origin: "stated" });
  });

  it("infers a date across the archive's reports", () => {
    const record = JSON.parse(runCli(["parse", AFP, "--json"]).stdout) as ArticleRecord;
    expect(record.published).toMatchObject({ date: "2013-09-14", origin: "inferred" });
  });

  it("exits non-zero with a readable message for a missing file", () => {
    const r = runCli(["parse", "seeds/no-such-report.txt"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("unreadable-file");
  });
});

describe("wire-archive check, help and usage errors", () => {
  it("check passes on the seeds", () => {
    const r = runCli(["check"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("3 reports checked: 0 errors");
  });

  it("--help lists the commands", () => {
    const r = runCli(["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["build", "parse", "check", "serve"]) expect(r.stdout).toContain(c);
  });

  it("an unknown command or option is a usage error (exit 2)", () => {
    expect(runCli(["frobnicate"]).code).toBe(2);
    expect(runCli(["build", "--no-such-option"]).code).toBe(2);
  });
});
