/**
 * Makes record ids unique across the archive. Each record proposes a slug (from its headline); when
 * several propose the same one, the earliest report (by date, then file) keeps it and the others get
 * their checksum's first eight hex digits appended, so an existing page keeps its URL when a newer
 * report with the same headline arrives.
 */
import type { ArticleRecord } from "../record/schema.ts";

export function assignUniqueIds(records: ArticleRecord[]): void {
  const byId = new Map<string, ArticleRecord[]>();
  for (const r of records) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const taken = new Set(byId.keys());
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    group.sort((a, b) => (a.published?.date ?? "9999").localeCompare(b.published?.date ?? "9999") || a.sourceFile.localeCompare(b.sourceFile));
    for (const r of group.slice(1)) {
      let next = `${id.slice(0, 86)}-${r.checksum.slice(0, 8)}`;
      for (let n = 2; taken.has(next); n++) next = `${id.slice(0, 80)}-${r.checksum.slice(0, 8)}-${n}`;
      taken.add(next);
      r.id = next;
      r.diagnostics.push({
        file: r.sourceFile,
        severity: "info",
        rule: "id-collision",
        message: `Unexpected duplicate id "${id}" (shared with ${group[0].sourceFile}), expected a unique one: this report is "${next}".`,
        hint: "Nothing to do unless you want a different URL: give the report a distinct headline in front matter.",
      });
    }
  }
}
