/**
 * Makes record ids unique across the archive. Ids already published (the permalink ledger,
 * permalinks.ts) are kept first: a listed report keeps its id even when its headline changed, and
 * ids of listed reports that are gone stay reserved. The other records propose a slug (from their
 * headline); when several propose the same one, the earliest report (by date, then file) keeps it
 * unless a published id holds it, and the others get their checksum's first eight hex digits appended.
 */
import type { ArticleRecord } from "../record/schema.ts";
import type { PermalinkEntry } from "./permalinks.ts";

export function assignUniqueIds(records: ArticleRecord[], published: readonly PermalinkEntry[] = []): void {
  const proposed = new Map(records.map((r) => [r, r.id]));
  const reserved = new Map<string, string>(); // id -> who holds it: a report file, or a gone report's entry
  const fresh = keepPublished(records, published, reserved);
  const byId = new Map<string, ArticleRecord[]>();
  for (const r of fresh) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  // Appended suffixes must not land on an id another record proposes either.
  const taken = new Set([...reserved.keys(), ...byId.keys()]);
  for (const [id, group] of byId) {
    if (group.length < 2 && !reserved.has(id)) continue;
    group.sort((a, b) => (a.published?.date ?? "9999").localeCompare(b.published?.date ?? "9999") || a.sourceFile.localeCompare(b.sourceFile));
    for (const r of reserved.has(id) ? group : group.slice(1)) {
      let next = `${id.slice(0, 86)}-${r.checksum.slice(0, 8)}`;
      for (let n = 2; taken.has(next); n++) next = `${id.slice(0, 80)}-${r.checksum.slice(0, 8)}-${n}`;
      taken.add(next);
      r.id = next;
    }
  }
  explainIds(records, proposed, reserved);
}

/**
 * Gives each listed report its published id (a gone report's entry passes to a report with the same
 * checksum: a renamed file) and reserves the ids of the other gone reports. Returns the records left.
 */
function keepPublished(records: ArticleRecord[], published: readonly PermalinkEntry[], reserved: Map<string, string>): ArticleRecord[] {
  if (published.length === 0) return records;
  const present = new Set(records.map((r) => r.sourceFile));
  const byFile = new Map(published.map((e) => [e.file, e]));
  const goneByChecksum = new Map<string, PermalinkEntry>();
  for (const e of published) if (!present.has(e.file) && !goneByChecksum.has(e.checksum)) goneByChecksum.set(e.checksum, e);
  const fresh: ArticleRecord[] = [];
  for (const r of records) {
    const entry = byFile.get(r.sourceFile) ?? goneByChecksum.get(r.checksum);
    if (entry && !reserved.has(entry.id)) {
      if (!byFile.has(r.sourceFile)) goneByChecksum.delete(r.checksum);
      r.id = entry.id;
      reserved.set(entry.id, r.sourceFile);
    } else fresh.push(r);
  }
  for (const e of published) if (!present.has(e.file) && !reserved.has(e.id)) reserved.set(e.id, `${e.file} (published, no longer in the archive)`);
  return fresh;
}

/**
 * Says why a record's id is not the slug its headline gives. Worked out from the final ids alone, so
 * a build that kept ids from the ledger says the same as the build that first gave them (the record,
 * diagnostics included, is what its pages' keys cover).
 */
function explainIds(records: ArticleRecord[], proposed: Map<ArticleRecord, string>, reserved: Map<string, string>): void {
  const holder = new Map(reserved);
  for (const r of records) holder.set(r.id, r.sourceFile);
  for (const r of records) {
    const slug = proposed.get(r)!;
    if (slug === r.id) continue;
    const owner = holder.get(slug);
    r.diagnostics.push(
      owner
        ? {
            file: r.sourceFile,
            severity: "info",
            rule: "id-collision",
            message: `Unexpected duplicate id "${slug}" (held by ${owner}), expected a unique one: this report is "${r.id}".`,
            hint: "Nothing to do unless you want a different URL: give the report a distinct headline in front matter.",
          }
        : {
            file: r.sourceFile,
            severity: "info",
            rule: "published-id",
            message: `Unexpected id "${r.id}" for a headline that gives "${slug}": the report keeps the URL it was published under.`,
            hint: "Nothing to do; to move it to the new URL, delete its entry from the permalink ledger (seeds/.permalinks.json).",
          },
    );
  }
}
