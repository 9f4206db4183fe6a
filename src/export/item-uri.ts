/**
 * A permanent identifier for each record, independent of where the site is hosted: Atom entry ids,
 * JSON Feed item ids and ninjs `uri` must not change when the archive moves to another base URL.
 * A name-based UUID (version 5, RFC 9562) of the record id in the archive's own namespace.
 */
import { createHash } from "node:crypto";
import type { ArticleRecord } from "../record/schema.ts";

/** Fixed namespace of this archive format; changing it would change every published identifier. */
export const ARCHIVE_NAMESPACE = "7a3c2f0e-5b1d-4c8e-9f6a-2d4b8e1c0a57";

export function uuidV5(name: string, namespace: string = ARCHIVE_NAMESPACE): string {
  const ns = Buffer.from(namespace.replaceAll("-", ""), "hex");
  const hash = createHash("sha1").update(ns).update(name, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** "urn:uuid:…" for a record; stable as long as the record id is. */
export function itemUri(record: Pick<ArticleRecord, "id">): string {
  return `urn:uuid:${uuidV5(`article/${record.id}`)}`;
}
