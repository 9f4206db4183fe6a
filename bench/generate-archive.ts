/**
 * Generates a benchmark archive of N raw reports from real articles (the BBC News corpus: topic folders
 * of NNN.txt, first line the title, paragraphs separated by blank lines).
 *
 * Up to the corpus size each report is one real article; beyond it, reports are recombined from real
 * paragraphs of the same topic. Each report is dressed as one of a few imaginary outlets, each with its
 * own page-dump habits (front matter, `Headline - Outlet` page titles, `SOURCE:` lines, wire datelines,
 * share bars, captions, teaser lists, hard wraps at ~70 columns, glued sentences), dated across several
 * years. Report i depends only on (seed, i, corpus), never on N: an archive of 1,000 is the first 1,000
 * reports of one of 10,000, and `generateReport(n)` is a fresh report to add to an archive of N.
 *
 * CLI: `npx tsx bench/generate-archive.ts --n 100 --out DIR [--corpus DIR] [--seed 1]`
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chance, hash32, int, mulberry32, pick, shuffled, type Rng } from "./prng.ts";

export const DEFAULT_CORPUS = fileURLToPath(new URL("../../shared/corpora/bbc-news/", import.meta.url));

export interface CorpusArticle {
  topic: string;
  /** e.g. `business/001.txt`, for tracing a report back to its material. */
  name: string;
  title: string;
  paragraphs: string[];
}

export interface GenerateOptions {
  n: number;
  corpusDir?: string;
  outDir: string;
  seed?: number;
  /** Share of reports printing no date at all (the archive must infer or warn). Default 0.02. */
  undatedShare?: number;
}

export interface GeneratedReport {
  index: number;
  fileName: string;
  text: string;
  outlet: string;
  style: Style;
  /** YYYY-MM-DD printed in the report, or undefined when it prints none. */
  date?: string;
  topic: string;
  /** Corpus articles the text was taken from. */
  from: string[];
}

export interface GenerateResult {
  outDir: string;
  reports: Array<Omit<GeneratedReport, "text">>;
}

type Style = "front-matter" | "markdown" | "page-title" | "source-end" | "source-top" | "wire";

interface Outlet {
  name: string;
  style: Style;
  /** Page-title separator, for `page-title`. */
  separator?: string;
  /** Hard-wrap body lines at about this many columns (0: one line per paragraph). */
  wrap: number;
  /** Blank lines between paragraphs? (some dumps lose them) */
  blankBetween: boolean;
  /** How the outlet prints its date line; `{d}` is filled in. */
  dateline?: (d: Stamp) => string;
  weight: number;
}

interface Stamp {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const pad2 = (n: number) => String(n).padStart(2, "0");
const isoDate = (s: Stamp) => `${s.year}-${pad2(s.month)}-${pad2(s.day)}`;

/** The imaginary outlets. None has a source profile: the parser must cope with outlets it does not know. */
export const OUTLETS: Outlet[] = [
  { name: "The Daily Ledger", style: "front-matter", wrap: 70, blankBetween: true, weight: 3 },
  { name: "Capital Gazette", style: "markdown", wrap: 0, blankBetween: true, weight: 2 },
  {
    name: "Harbour Post",
    style: "page-title",
    separator: " - ",
    wrap: 0,
    blankBetween: true,
    dateline: (s) => `Published: ${s.day} ${MONTHS[s.month - 1].slice(0, 3)} ${s.year} ${pad2(s.hour)}:${pad2(s.minute)}`,
    weight: 3,
  },
  {
    name: "Eastern Dispatch",
    style: "page-title",
    separator: " | ",
    wrap: 0,
    blankBetween: false,
    dateline: (s) => `Last updated: ${s.day} ${MONTHS[s.month - 1]} ${s.year}`,
    weight: 2,
  },
  {
    name: "Northern Courier",
    style: "source-end",
    wrap: 70,
    blankBetween: false,
    dateline: (s) => `Posted: ${s.day} ${MONTHS[s.month - 1]} ${s.year}, ${pad2(s.hour)}:${pad2(s.minute)}`,
    weight: 2,
  },
  {
    name: "Valley Tribune",
    style: "source-top",
    wrap: 0,
    blankBetween: true,
    dateline: (s) => `Published on ${MONTHS[s.month - 1]} ${s.day}, ${s.year}`,
    weight: 2,
  },
  {
    name: "Meridian Wire",
    style: "wire",
    wrap: 72,
    blankBetween: true,
    dateline: (s) => `Updated: ${isoDate(s)} ${pad2(s.hour)}:${pad2(s.minute)}`,
    weight: 2,
  },
];

const SECTIONS: Record<string, string> = { business: "Business", entertainment: "Entertainment", politics: "Politics", sport: "Sport", tech: "Technology" };
const CREDITS = ["Reuters", "AFP", "EPA", "Getty Images", "AP"];
const CITIES = ["LONDON", "BRUSSELS", "NEW YORK", "PARIS", "TOKYO", "GENEVA", "MADRID"];
const BYLINES = ["Anna Keller", "Tomas Reyes", "Priya Natarajan", "Owen Hughes", "Leila Haddad", "Marek Nowak"];
const TEASER_MARKERS = ["Most read", "Related stories", "More from this section"];
const SHARE_BARS = [
  ["Email Article", "Print Article", "Share article"],
  ["Share", "Tweet", "Email"],
  ["Share this article", "Print"],
];
const FIRST_YEAR = 2005;
const YEARS = 8;

// ---------------------------------------------------------------------------------------------- corpus

const corpusCache = new Map<string, Promise<CorpusArticle[]>>();

/** Every article of the corpus, in a fixed order (topic folder, then file name). */
export function loadCorpus(dir: string = DEFAULT_CORPUS): Promise<CorpusArticle[]> {
  const key = path.resolve(dir);
  if (!corpusCache.has(key)) corpusCache.set(key, readCorpus(key));
  return corpusCache.get(key)!;
}

async function readCorpus(dir: string): Promise<CorpusArticle[]> {
  const articles: CorpusArticle[] = [];
  const topics = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const topic of topics) {
    const names = (await readdir(path.join(dir, topic))).filter((f) => f.endsWith(".txt")).sort();
    for (const name of names) {
      const text = (await readFile(path.join(dir, topic, name), "utf8")).replace(/\r\n?/g, "\n");
      const [title, ...rest] = text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean);
      if (!title || rest.length < 2) continue; // too short to dress as a report
      articles.push({ topic, name: `${topic}/${name}`, title, paragraphs: rest });
    }
  }
  if (articles.length === 0) throw new Error(`No articles found in ${dir} (expected topic folders of NNN.txt)`);
  return articles;
}

// ------------------------------------------------------------------------------------------ generation

/** Where corpus order comes from: one shuffle per seed, so the first N are a varied sample. */
const orderCache = new WeakMap<CorpusArticle[], Map<number, CorpusArticle[]>>();
function corpusOrder(corpus: CorpusArticle[], seed: number): CorpusArticle[] {
  const bySeed = orderCache.get(corpus) ?? new Map<number, CorpusArticle[]>();
  orderCache.set(corpus, bySeed);
  if (!bySeed.has(seed)) bySeed.set(seed, shuffled(mulberry32(hash32(`order:${seed}`)), corpus));
  return bySeed.get(seed)!;
}

/** The material of report i: a real article, or (past the corpus) a recombination of real paragraphs. */
function material(corpus: CorpusArticle[], seed: number, index: number, rng: Rng): { topic: string; title: string; paragraphs: string[]; from: string[] } {
  const order = corpusOrder(corpus, seed);
  if (index < order.length) {
    const a = order[index];
    return { topic: a.topic, title: a.title, paragraphs: [...a.paragraphs], from: [a.name] };
  }
  const base = pick(rng, corpus);
  const sameTopic = corpus.filter((a) => a.topic === base.topic);
  const paragraphs = [base.paragraphs[0]];
  const from = [base.name];
  const extra = int(rng, 3, 9);
  for (let k = 0; k < extra; k++) {
    const donor = pick(rng, sameTopic);
    paragraphs.push(pick(rng, donor.paragraphs.slice(1).length ? donor.paragraphs.slice(1) : donor.paragraphs));
    from.push(donor.name);
  }
  return { topic: base.topic, title: base.title, paragraphs: [...new Set(paragraphs)], from };
}

function pickOutlet(rng: Rng): Outlet {
  const total = OUTLETS.reduce((s, o) => s + o.weight, 0);
  let r = rng() * total;
  for (const o of OUTLETS) if ((r -= o.weight) < 0) return o;
  return OUTLETS[OUTLETS.length - 1];
}

function pickStamp(rng: Rng): Stamp {
  const start = Date.UTC(FIRST_YEAR, 0, 1);
  const day = new Date(start + int(rng, 0, YEARS * 365 - 1) * 86_400_000);
  return { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: int(rng, 6, 22), minute: int(rng, 0, 59) };
}

/** Greedy hard wrap at `width` columns, as text copied out of a fixed-width view. */
export function hardWrap(text: string, width: number): string[] {
  if (width <= 0) return [text];
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Glue one sentence to the next (`Friday.The BBC's`), as page dumps that lose a line break do. */
function glueOneSentence(rng: Rng, paragraphs: string[]): void {
  const candidates = paragraphs.map((p, i) => ({ p, i })).filter(({ p }) => /[a-z]\. [A-Z]/.test(p));
  if (candidates.length === 0) return;
  const { p, i } = pick(rng, candidates);
  const spots = [...p.matchAll(/[a-z]\. (?=[A-Z])/g)];
  const at = pick(rng, spots).index! + 2;
  paragraphs[i] = p.slice(0, at) + p.slice(at + 1);
}

/** A caption with a bracketed credit (`Text [Reuters]`): a few words of the article, no end stop. */
function caption(rng: Rng, paragraphs: string[]): string {
  const words = pick(rng, paragraphs).split(" ").slice(0, int(rng, 6, 12)).join(" ").replace(/[^\p{L}\p{N}]+$/u, "");
  return `${words} [${pick(rng, CREDITS)}]`;
}

function teasers(rng: Rng, corpus: CorpusArticle[]): string[] {
  return Array.from({ length: int(rng, 3, 6) }, () => pick(rng, corpus).title);
}

function bodyLines(outlet: Outlet, paragraphs: string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    if (outlet.blankBetween && out.length) out.push("");
    out.push(...hardWrap(p, outlet.wrap));
  }
  return out;
}

/**
 * Report `index` of the archive for `seed`; independent of how many reports the archive has. With
 * `latest`, it is dated after every report the generator makes (as news arrives: newer than the rest).
 */
export function generateReport(corpus: CorpusArticle[], seed: number, index: number, opts: { undatedShare?: number; latest?: boolean } = {}): GeneratedReport {
  const rng = mulberry32(hash32(`report:${seed}:${index}`));
  const m = material(corpus, seed, index, rng);
  const outlet = pickOutlet(rng);
  const picked = pickStamp(rng);
  // The year after the range; day 28 at most, so that 29 February of a leap year stays a date.
  const stamp = opts.latest ? { ...picked, year: FIRST_YEAR + YEARS, day: Math.min(picked.day, 28) } : picked;
  // Only outlets that print their date in the text can lose it; front matter always states one.
  const undated = !opts.latest && outlet.dateline !== undefined && chance(rng, opts.undatedShare ?? 0.02);
  const section = SECTIONS[m.topic] ?? m.topic;
  const paragraphs = [...m.paragraphs];
  if (chance(rng, 0.3)) glueOneSentence(rng, paragraphs);
  const lines: string[] = [];
  const shareBar = pick(rng, SHARE_BARS);

  switch (outlet.style) {
    case "front-matter":
    case "markdown": {
      const md = outlet.style === "markdown";
      lines.push("---", `${md ? "title" : "headline"}: ${JSON.stringify(m.title)}`, `source: ${outlet.name}`);
      lines.push(md ? `date: ${isoDate(stamp)}` : `published: ${isoDate(stamp)} ${pad2(stamp.hour)}:${pad2(stamp.minute)}`);
      lines.push(`section: ${section}`);
      if (md && chance(rng, 0.5)) lines.push(`author: ${pick(rng, BYLINES)}`);
      lines.push("---", "");
      lines.push(...bodyLines(outlet, paragraphs));
      break;
    }
    case "page-title": {
      lines.push(`${m.title}${outlet.separator}${outlet.name}`, "");
      if (chance(rng, 0.6)) lines.push(section, "");
      if (!undated) lines.push(outlet.dateline!(stamp));
      lines.push(...shareBar);
      if (chance(rng, 0.5)) lines.push(caption(rng, paragraphs));
      lines.push("", ...bodyLines(outlet, paragraphs), "", "");
      lines.push(...shareBar);
      lines.push(pick(rng, TEASER_MARKERS), ...teasers(rng, corpus));
      break;
    }
    case "source-end": {
      // The BBC seed's shape: headline, hard-wrapped paragraphs with no blank lines, SOURCE at the end.
      lines.push(m.title);
      if (!undated) lines.push(outlet.dateline!(stamp));
      lines.push(...bodyLines(outlet, paragraphs));
      lines.push(`SOURCE: ${outlet.name}`);
      break;
    }
    case "source-top": {
      lines.push(`SOURCE: ${outlet.name}`, "", m.title, "");
      if (chance(rng, 0.6)) lines.push(`By ${pick(rng, BYLINES)}`);
      if (!undated) lines.push(outlet.dateline!(stamp));
      if (chance(rng, 0.4)) lines.push(caption(rng, paragraphs));
      lines.push("", ...bodyLines(outlet, paragraphs));
      if (chance(rng, 0.5)) lines.push("", ...shareBar);
      break;
    }
    case "wire": {
      // The AFP seed's shape: no headline, a wire dateline, an image credit at the very end.
      lines.push(`${pick(rng, CITIES)} (${outlet.name}) —`);
      if (!undated) lines.push(outlet.dateline!(stamp));
      lines.push("", ...bodyLines(outlet, paragraphs), "", `[Image via ${outlet.name}]`);
      break;
    }
  }
  const text = `${lines.join("\n")}\n`;
  const ext = outlet.style === "markdown" ? "md" : "txt";
  const fileName = `${String(index).padStart(6, "0")}_${hash32(text).toString(16).padStart(8, "0")}.${ext}`;
  return { index, fileName, text, outlet: outlet.name, style: outlet.style, date: undated ? undefined : isoDate(stamp), topic: m.topic, from: m.from };
}

/** Writes reports 0..n-1 into outDir (created if missing). Same arguments, same bytes. */
export async function generateArchive(opts: GenerateOptions): Promise<GenerateResult> {
  const corpus = await loadCorpus(opts.corpusDir ?? DEFAULT_CORPUS);
  const seed = opts.seed ?? 1;
  await mkdir(opts.outDir, { recursive: true });
  const reports: GenerateResult["reports"] = [];
  const BATCH = 64; // bounded parallel writes: fast on 50,000 files without exhausting descriptors
  for (let start = 0; start < opts.n; start += BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(opts.n, start + BATCH); i++) batch.push(generateReport(corpus, seed, i, opts));
    await Promise.all(batch.map((r) => writeFile(path.join(opts.outDir, r.fileName), r.text)));
    for (const { text: _text, ...meta } of batch) reports.push(meta);
  }
  return { outDir: opts.outDir, reports };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { n: { type: "string" }, out: { type: "string" }, corpus: { type: "string" }, seed: { type: "string" } } });
  if (!values.n || !values.out) {
    console.error("Usage: tsx bench/generate-archive.ts --n N --out DIR [--corpus DIR] [--seed S]");
    process.exit(2);
  }
  const result = await generateArchive({ n: Number(values.n), outDir: path.resolve(values.out), corpusDir: values.corpus, seed: values.seed ? Number(values.seed) : undefined });
  console.log(`Wrote ${result.reports.length} reports to ${result.outDir}`);
}
