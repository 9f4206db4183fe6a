/**
 * Lookups computed once per rendered archive (record by id, stories of a report, entity links of a
 * block, timeline marks), not once per page: every article page asks for them, and rebuilding an
 * archive-wide index per page made rendering quadratic in the archive's size.
 *
 * Eleventy may hand templates a proxy of the global data rather than the object itself, so a value is
 * found by the archive's identity first, then by what identifies one build's archive.
 */
import type { Archive } from "../archive/types.ts";

type MemoArchive = Pick<Archive, "records" | "generatedAt"> & Partial<Pick<Archive, "timeline" | "stories" | "entities">>;

const byIdentity = new WeakMap<object, Map<string, unknown>>();
/** The last few archives seen by signature (tests render several small sites in one process). */
const bySignature = new Map<string, Map<string, unknown>>();
const KEEP = 4;

function signature(archive: MemoArchive): string {
  const events = archive.timeline?.events ?? [];
  const records = archive.records ?? [];
  return [
    archive.generatedAt,
    records.length,
    records[0]?.id,
    records.at(-1)?.id,
    events.length,
    events[0]?.id,
    events.at(-1)?.id,
    archive.stories?.length ?? -1,
    archive.entities?.length ?? -1,
  ].join("|");
}

function slotsOf(archive: MemoArchive): Map<string, unknown> {
  const known = byIdentity.get(archive);
  if (known) return known;
  const key = signature(archive);
  let slots = bySignature.get(key);
  if (!slots) {
    slots = new Map();
    bySignature.set(key, slots);
    if (bySignature.size > KEEP) bySignature.delete(bySignature.keys().next().value!);
  }
  byIdentity.set(archive, slots);
  return slots;
}

/** `build(archive)`, computed once per archive and name. */
export function memoForArchive<T>(archive: MemoArchive, name: string, build: (archive: MemoArchive) => T): T {
  const slots = slotsOf(archive);
  if (!slots.has(name)) slots.set(name, build(archive));
  return slots.get(name) as T;
}
