/**
 * Headline and publication date of real page dumps (../shared/extraction/dev), as the dumps print
 * them. Every expected value below was read by hand from the dump (the line is quoted in the
 * comment), not produced by the parser. Skips when ../shared is not there.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ingestBytes } from "../../src/ingest/read-report.ts";
import { parseDocument } from "../../src/parse/parse-document.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dev = path.resolve(root, "../shared/extraction/dev");
const present = existsSync(dev);
if (!present) console.warn(`skipping the dev-set masthead facts: the dev set ${dev} is not there`);

function parseDump(prefix: string) {
  const file = readdirSync(dev).find((f) => f.startsWith(prefix) && f.endsWith(".txt") && !f.endsWith(".gold.txt"))!;
  return parseDocument(ingestBytes(readFileSync(path.join(dev, file)), file));
}

interface Fact {
  page: string;
  headline: string;
  /** `null`: the page prints no calendar date for its article. */
  date: string | null;
  time?: string;
}

const FACTS: Fact[] = [
  // Line 1 "Hong Kong chaos: ... is only option | World | News | Express.co.uk";
  // "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019".
  { page: "624fcd90", headline: "Hong Kong chaos: China deploys troops and warns SURRENDER is only option", date: "2019-11-19", time: "10:48" },
  // Line 1 "... Disappoints - Barron's"; "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET".
  { page: "f8ff621a", headline: "Home Depot Stock Falls After Earnings Report Disappoints", date: "2019-11-19", time: "08:02" },
  // A page title with no site part; the date line "19 NOV 2019" is not the headline.
  { page: "359fee22", headline: "The First Map of Saturn's Moon Titan Just Revealed Some Tantalising Features", date: "2019-11-19" },
  // "Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)" under the headline.
  { page: "65bf3048", headline: "16-inch MacBook Pro review: The keyboard is probably enough to convince those waiting", date: "2019-11-18", time: "16:05" },
  // "Nov. 20, 2019 6:02 AM EST" printed above the headline.
  { page: "e7994d55", headline: "UK Tories under fire for Twitter name switch during debate", date: "2019-11-20", time: "06:02" },
  // "Published Wed, Nov 20 2019 4:29 AM EST Updated an hour ago".
  { page: "374ac9a5", headline: "Emirates inks order for 30 Boeing 787 jets, talks expansion plans", date: "2019-11-20", time: "04:29" },
  // "Published 1 day ago": relative to nothing, so no date.
  { page: "eb62ac84", headline: "Scooter Braun allegedly ‘frustrated’ with Big Machine partner Scott Borchetta amid Taylor Swift feud: report", date: null },
  // "Nov 20 2019, 10:18am ist" then "updated: Nov 20 2019, 13:42pm ist": the first is the publication.
  { page: "c90731f0", headline: "Impeachment sham completely debunked: White House", date: "2019-11-20", time: "10:18" },
  // Line 1 is only the site ("Quanta Magazine"); the headline is printed over "By Carrie Arnold" and "November 15, 2019".
  { page: "bdb56ac8", headline: "Cells That ‘Taste’ Danger Set Off Immune Responses", date: "2019-11-15" },
  // "By Mike Wall 2019-11-18T20:51:19Z Science & Astronomy".
  { page: "686bb170", headline: "The Weird Plumes of Jupiter's Moon Europa Are Spewing Water Vapor", date: "2019-11-18", time: "20:51" },
  // "Nov. 19, 2019, 8:41 AM UTC".
  { page: "7a457a4f", headline: "New York man pleads guilty to threatening to kill Rep. Ilhan Omar", date: "2019-11-19", time: "08:41" },
];

describe.skipIf(!present)("headline and publication date of dev-set page dumps", () => {
  it.each(FACTS)("$page: $headline", (fact) => {
    const r = parseDump(fact.page);
    expect(r.headline).toBe(fact.headline);
    expect(r.headlineOrigin).toBe("stated");
    if (fact.date === null) {
      expect(r.published).toBeNull();
      return;
    }
    expect(r.published).toMatchObject({ date: fact.date, origin: "stated" });
    if (fact.time) expect(r.published!.time).toBe(fact.time);
  });
});
