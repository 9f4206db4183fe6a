/**
 * Dev harness: scores the date resolver against the hand-normalised dev set in ../shared/timeline/dev
 * (the same judging rules as its score.py), one event per date expression found in a paragraph.
 * usage: npx tsx tests/timeline/dev-harness.ts [--wrong] [--missed]
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { findDates } from "../../src/dates/resolve.ts";

const SET = join(import.meta.dirname, "../../../shared/timeline/dev");
if (!existsSync(SET)) {
  console.log(`skipped: no dev set at ${SET}`);
  process.exit(0);
}

type Gold = { expr: string; value: string; precision: string };
const gold = new Map<string, Gold[]>();
for (const line of readFileSync(join(SET, "gold.tsv"), "utf8").trim().split("\n").slice(1)) {
  const [doc, para, expr, value, precision] = line.split("\t");
  const key = `${doc}#${para}`;
  if (!gold.has(key)) gold.set(key, []);
  gold.get(key)!.push({ expr, value, precision });
}

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

const showWrong = process.argv.includes("--wrong");
const showMissed = process.argv.includes("--missed");
let right = 0, wrong = 0, unanchored = 0, dayGold = 0, dayHit = 0;
for (const file of readdirSync(join(SET, "reports")).filter((f) => f.endsWith(".md")).sort()) {
  const doc = file.replace(/\.md$/, "");
  const raw = readFileSync(join(SET, "reports", file), "utf8");
  const published = /^published:\s*"?(\d{4}-\d{2}-\d{2})/m.exec(raw)![1];
  const paras = raw.split("\n---\n")[1].trim().split("\n\n");
  paras.forEach((p, i) => {
    const g = gold.get(`${doc}#${i}`) ?? [];
    const mentions = findDates(p, { date: published });
    for (const m of mentions) {
      if (g.length === 0) {
        unanchored++;
        if (showWrong) console.log(`unanchored ${doc} ¶${i}: ${JSON.stringify(m.text)} -> ${m.date} (${m.precision})`);
      } else if (g.some((x) => agrees(m.date, m.precision, x.value, x.precision))) right++;
      else {
        wrong++;
        if (showWrong) console.log(`WRONG ${doc} ¶${i} pub ${published}: ${JSON.stringify(m.text)} -> ${m.date} (${m.precision}, ${m.tense}); gold ${g.map((x) => `${x.expr}=${x.value}`).join("; ")}\n    ${p.slice(0, 300)}`);
      }
    }
    for (const x of g.filter((x) => x.precision === "day")) {
      dayGold++;
      if (mentions.some((m) => m.precision === "day" && m.date === x.value)) dayHit++;
      else if (showMissed) console.log(`missed ${doc} ¶${i} pub ${published}: ${JSON.stringify(x.expr)}=${x.value}; found ${mentions.map((m) => `${m.text}=${m.date}`).join("; ")}`);
    }
  });
}
const events = right + wrong;
console.log(`events on dated paragraphs ${events}: right ${right}, wrong ${wrong}, precision ${(right / events).toFixed(3)}; ` +
  `day recall ${(dayHit / dayGold).toFixed(3)} (${dayHit}/${dayGold}); unanchored share ${(unanchored / (events + unanchored)).toFixed(3)} (${unanchored})`);
