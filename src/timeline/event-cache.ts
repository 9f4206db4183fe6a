/**
 * Each report's extracted events kept between builds: finding and resolving date expressions in every
 * sentence is most of the timeline's cost, and a report's events change only with its text (checksum,
 * parser), its publication date (dates resolve against it), its id (events cite it) or this code.
 * One JSON file per code version under the build cache, holding the entries the last build used.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { codeVersion } from "../archive/parse-cache.ts";
import type { ArticleRecord } from "../record/schema.ts";
import { extractEvents } from "./extract-events.ts";
import type { ExtractedEvent } from "./types.ts";

/** What extraction depends on besides the report: the parser (its body), the date code, the extractor. */
const eventsVersion = () => codeVersion(["parse", "ingest", "profiles", "record", "dates", "timeline/extract-events.ts", "timeline/types.ts"]);

export interface EventCache {
  /** `extractEvents(record)`, from the cache when the report is unchanged. Fresh objects each call. */
  extract(record: ArticleRecord): ExtractedEvent[];
  save(): Promise<void>;
  readonly stats: { hits: number; misses: number };
}

const keyOf = (r: ArticleRecord) => `${r.sourceFile}\0${r.checksum}\0${r.id}\0${r.published?.date ?? ""}`;

export async function openEventCache(cacheDir: string): Promise<EventCache> {
  const file = path.join(cacheDir, `events-${eventsVersion()}.json`);
  let stored = new Map<string, string>();
  try {
    const parsed = JSON.parse(await readFile(file, "utf8"));
    if (parsed && typeof parsed === "object") stored = new Map(Object.entries(parsed as Record<string, string>));
  } catch {
    // missing or corrupt: everything is a miss
  }
  // Entries this build used, as JSON text: merging may change the event objects it is given.
  const used = new Map<string, string>();
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    extract(record) {
      const key = keyOf(record);
      const hit = stored.get(key);
      if (typeof hit === "string") {
        stats.hits++;
        used.set(key, hit);
        return JSON.parse(hit) as ExtractedEvent[];
      }
      stats.misses++;
      const events = extractEvents(record);
      used.set(key, JSON.stringify(events));
      return events;
    },
    async save() {
      const temp = `${file}.${process.pid}.tmp`;
      try {
        await mkdir(cacheDir, { recursive: true });
        await writeFile(temp, JSON.stringify(Object.fromEntries(used)));
        await rename(temp, file);
        const stale = (await readdir(cacheDir)).filter((n) => n.startsWith("events-") && n !== path.basename(file) && !n.endsWith(".tmp"));
        await Promise.all(stale.map((n) => rm(path.join(cacheDir, n), { force: true })));
      } catch {
        // A cache that cannot be written only costs time.
        await rm(temp, { force: true }).catch(() => {});
      }
    },
  };
}
