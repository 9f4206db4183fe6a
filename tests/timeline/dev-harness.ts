/**
 * Dev harness: scores the date resolver against the hand-normalised dev set in ../shared/timeline/dev
 * (the same judging rules as its score.py). By default through buildTimeline on records made from the
 * reports' paragraphs; with --mentions, one event per date expression found in a paragraph.
 * usage: npx tsx tests/timeline/dev-harness.ts [--mentions] [--wrong] [--missed]
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { findDates } from "../../src/dates/resolve.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { buildTimeline } from "../../src/timeline/build-timeline.ts";

export const DEV_SET = join(import.meta.dirname, "../../../shared/timeline/dev");

export interface DevScore {
  right: number;
  wrong: number;
  unanchored: number;
  precision: number;
  dayRecall: number;
  unanchoredShare: number;
  /** Human-readable lines for wrong, unanchored and missed dates. */
  notes: string[];
}

type Gold = { expr: string; value: string; precision: string };
const RANK: Record<string, number> = { year: 0, month: 1, week: 2, day: 3 };
const weekStart = (v: string) => DateTime.fromISO(v).startOf("week").toISODate()!; // 1998-W32 -> Monday
function agrees(date: string, prec: string, value: string, gprec: string): boolean {
  if (gprec === "now") gprec = "day";
  if (prec === "week" || gprec === "week") {
    if (prec === "week" && gprec === "week") return date.slice(0, 10) === weekStart(value);
    if (gprec === "week") {
      if (date.length < 10) return false;
      const d = DateTime.fromISO(date.slice(0, 10)).diff(DateTime.fromISO(weekStart(value)), "days").days;
      return d >= 0 && d < 7;
    }
    if (value.length >= 10) {
      const d = DateTime.fromISO(value.slice(0, 10)).diff(DateTime.fromISO(date.slice(0, 10)), "days").days;
      return d >= 0 && d < 7;
    }
    return value.slice(0, 7) === date.slice(0, 7);
  }
  const n = { year: 4, month: 7, day: 10 }[[prec, gprec].sort((a, b) => RANK[a] - RANK[b])[0] as "year"];
  return date.slice(0, n) === value.slice(0, n);
}

/** Scores the resolver (byMentions) or the whole timeline against the dev set's gold dates. */
export function scoreDevSet(byMentions = false, SET = DEV_SET): DevScore {
  const gold = new Map<string, Gold[]>();
  for (const line of readFileSync(join(SET, "gold.tsv"), "utf8").trim().split("\n").slice(1)) {
    const [doc, para, expr, value, precision] = line.split("\t");
    const key = `${doc}#${para}`;
    if (!gold.has(key)) gold.set(key, []);
    gold.get(key)!.push({ expr, value, precision });
  }
  const notes: string[] = [];

  interface Report { doc: string; published: string; paras: string[] }
  const reports: Report[] = readdirSync(join(SET, "reports")).filter((f) => f.endsWith(".md")).sort().map((file) => {
    const raw = readFileSync(join(SET, "reports", file), "utf8");
    return {
      doc: file.replace(/\.md$/, ""),
      published: /^published:\s*"?(\d{4}-\d{2}-\d{2})/m.exec(raw)![1],
      paras: raw.split("\n---\n")[1].trim().split("\n\n"),
    };
  });

  /** (doc, paragraph) -> the dated events found there: date, precision, the words. */
  const found = new Map<string, { date: string; precision: string; text: string; tense?: string }[]>();
  const add = (doc: string, i: number, e: { date: string; precision: string; text: string; tense?: string }) => {
    const k = `${doc}#${i}`;
    if (!found.has(k)) found.set(k, []);
    found.get(k)!.push(e);
  };
  if (byMentions) {
    for (const r of reports) r.paras.forEach((p, i) => findDates(p, { date: r.published }).forEach((m) => add(r.doc, i, m)));
  } else {
    const records = reports.map((r) => ({
      id: r.doc.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      sourceFile: `seeds/${r.doc}.md`,
      published: { date: r.published, origin: "stated", evidence: "front matter" },
      source: { id: "x", name: "x", origin: "stated" },
      headline: r.doc,
      body: r.paras.map((text) => ({ type: "paragraph", text, line: 1 })),
    })) as unknown as ArticleRecord[];
    const docOf = new Map(records.map((rec, i) => [rec.id, reports[i].doc]));
    for (const e of buildTimeline(records).events) {
      for (const s of e.sources) add(docOf.get(s.articleId)!, s.blockIndex, { date: e.date, precision: e.precision, text: s.expression });
    }
  }

  let right = 0, wrong = 0, unanchored = 0, dayGold = 0, dayHit = 0;
  for (const r of reports) {
    r.paras.forEach((p, i) => {
      const g = gold.get(`${r.doc}#${i}`) ?? [];
      const events = found.get(`${r.doc}#${i}`) ?? [];
      for (const m of events) {
        if (g.length === 0) {
          unanchored++;
          notes.push(`unanchored ${r.doc} ¶${i}: ${JSON.stringify(m.text)} -> ${m.date} (${m.precision})`);
        } else if (g.some((x) => agrees(m.date, m.precision, x.value, x.precision))) right++;
        else {
          wrong++;
          notes.push(`WRONG ${r.doc} ¶${i} pub ${r.published}: ${JSON.stringify(m.text)} -> ${m.date} (${m.precision}, ${m.tense ?? ""}); gold ${g.map((x) => `${x.expr}=${x.value}`).join("; ")}\n    ${p.slice(0, 300)}`);
        }
      }
      for (const x of g.filter((x) => x.precision === "day")) {
        dayGold++;
        if (events.some((m) => m.precision === "day" && m.date === x.value)) dayHit++;
        else notes.push(`missed ${r.doc} ¶${i} pub ${r.published}: ${JSON.stringify(x.expr)}=${x.value}; found ${events.map((m) => `${m.text}=${m.date}`).join("; ")}`);
      }
    });
  }
  const n = right + wrong;
  return { right, wrong, unanchored, precision: right / n, dayRecall: dayHit / dayGold, unanchoredShare: unanchored / (n + unanchored), notes };
}

if (process.argv[1]?.endsWith("dev-harness.ts")) {
  if (!existsSync(DEV_SET)) {
    console.log(`skipped: no dev set at ${DEV_SET}`);
  } else {
    const byMentions = process.argv.includes("--mentions");
    const r = scoreDevSet(byMentions);
    const show = (p: string) => process.argv.includes(p);
    for (const line of r.notes) {
      if ((line.startsWith("WRONG") || line.startsWith("unanchored")) && show("--wrong")) console.log(line);
      if (line.startsWith("missed") && show("--missed")) console.log(line);
    }
    console.log(`${byMentions ? "mentions" : "timeline"}: events on dated paragraphs ${r.right + r.wrong}: right ${r.right}, wrong ${r.wrong}, ` +
      `precision ${r.precision.toFixed(3)}; day recall ${r.dayRecall.toFixed(3)}; unanchored share ${r.unanchoredShare.toFixed(3)} (${r.unanchored})`);
  }
}
