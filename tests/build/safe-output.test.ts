/**
 * Safe output, with real build processes on temp copies of the repository: a build whose rendering
 * fails, a build killed with SIGKILL half-way, and two builds started at once all leave the previous
 * _site/ intact and servable; the next build cleans up and succeeds.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "../../src/serve/static-server.ts";
import { makeTempRoot, removeTempRoot, reportNames, runCliIn, snapshotDir, spawnCliIn } from "./temp-root.ts";

const leftovers = (root: string) => readdirSync(root).filter((n) => n.startsWith("_site.") || n === "._site.lock");
const articleCount = (root: string) => JSON.parse(readFileSync(path.join(root, "_site/data/articles.json"), "utf8")).count as number;

describe("a build whose rendering fails", () => {
  let root: string;
  beforeAll(() => {
    root = makeTempRoot("wa-safe-render-");
    const first = runCliIn(root, ["build", "--quiet"]);
    if (first.code !== 0) throw new Error(first.stderr);
  });
  afterAll(() => removeTempRoot(root));

  it("exits 1 naming the template, and leaves the previous _site byte-identical", () => {
    const before = snapshotDir(path.join(root, "_site"));
    expect(before["index.html"]).toBeDefined();
    appendFileSync(path.join(root, "layouts/pages/index.njk"), "\n{% if %}\n");
    const r = runCliIn(root, ["build", "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Site rendering failed");
    expect(r.stderr).toContain("index.njk");
    expect(snapshotDir(path.join(root, "_site"))).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  });
});

/** Reports of varied text on top of the seeds, so a build takes long enough to be caught mid-way. */
function growArchive(root: string, count: number): void {
  const seeds = reportNames(path.join(root, "seeds")).map((n) => readFileSync(path.join(root, "seeds", n), "utf8"));
  const places = ["Geneva", "Damascus", "Moscow", "Washington", "New York", "Paris", "Beirut", "Ankara", "Amman", "Cairo"];
  const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  for (let i = 0; i < count; i++) {
    const place = places[i % places.length];
    const day = days[i % days.length];
    const body = seeds[i % seeds.length].replaceAll("Geneva", place);
    const text = `Dispatch ${i + 1} from ${place}: envoys meet again on ${day}\n\nPublished: ${1 + (i % 28)} September 2013\n\nDiplomats in ${place} said on ${day} that the talks, the ${i + 1}th round by one count, would go on.\n\n${body}`;
    writeFileSync(path.join(root, "seeds", `dispatch-${String(i + 1).padStart(3, "0")}.txt`), text);
  }
}

// 150 rather than 300: the cross-report stage (stories, names) grows faster than linearly on such
// near-duplicate reports, and 150 already keep a build busy for seconds after the staging folder appears.
const EXTRA = 150;

describe(`builds on a ${EXTRA + 3}-report archive`, () => {
  let root: string;
  let site: Record<string, string>;
  beforeAll(() => {
    root = makeTempRoot("wa-safe-kill-");
    growArchive(root, EXTRA);
    const first = runCliIn(root, ["build", "--quiet"], 600_000);
    if (first.code !== 0) throw new Error(`first build exited ${first.code}:\n${first.stderr.slice(-2000)}`);
    site = snapshotDir(path.join(root, "_site"));
  }, 700_000);
  afterAll(() => removeTempRoot(root));

  it("a build killed with SIGKILL mid-way leaves the previous _site intact and servable; the next build cleans up", async () => {
    expect(articleCount(root)).toBe(EXTRA + 3);
    writeFileSync(path.join(root, "seeds/late-report.txt"), "Late report on the talks\n\nPublished: 14 September 2013\n\nA late report says the talks in Geneva went on into Saturday night.\n");
    const build = spawnCliIn(root, ["build", "--quiet"]);
    // Wait for the staging folder: the build is then writing the new site beside the old one.
    const deadline = Date.now() + 480_000;
    while (!readdirSync(root).some((n) => n.startsWith("_site.staging-")) && build.exitCode === null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(build.exitCode, "the build finished before it could be killed").toBeNull();
    build.kill("SIGKILL");
    await build.exited;
    expect(build.signalCode).toBe("SIGKILL");

    // The killed build left its staging folder and lock behind; the site itself is untouched.
    expect(snapshotDir(path.join(root, "_site"))).toEqual(site);
    const server = await serveStatic(path.join(root, "_site"), { port: 0 });
    try {
      const res = await fetch(server.url);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(readFileSync(path.join(root, "_site/index.html"), "utf8"));
    } finally {
      await server.close();
    }

    const next = runCliIn(root, ["build", "--quiet"], 600_000);
    expect(next.code, next.stderr).toBe(0);
    expect(leftovers(root)).toEqual([]);
    expect(articleCount(root)).toBe(EXTRA + 4);
    site = snapshotDir(path.join(root, "_site"));
  }, 900_000);

  it("two builds started at once: one builds, the other exits 75 naming the lock; _site is valid after", async () => {
    writeFileSync(path.join(root, "seeds/later-report.txt"), "Later report on the talks\n\nPublished: 15 September 2013\n\nAn even later report says the deal was announced on Saturday.\n");
    const a = spawnCliIn(root, ["build", "--quiet"]);
    const b = spawnCliIn(root, ["build", "--quiet"]);
    const codes = await Promise.all([a.exited, b.exited]);
    expect([...codes].sort()).toEqual([0, 75]);
    const loser = codes[0] === 75 ? a : b;
    expect(loser.output()).toContain("._site.lock");
    expect(loser.output()).toMatch(/Another build \(pid \d+\) is running/);
    expect(leftovers(root)).toEqual([]);
    expect(existsSync(path.join(root, "_site/index.html"))).toBe(true);
    expect(articleCount(root)).toBe(EXTRA + 5);
  }, 900_000);
});
