/**
 * The file name a new report gets in seeds/: its own name, made safe and visible to the build,
 * and never one already taken (a clash gets `-2`, `-3`... before the extension).
 */
import path from "node:path";

/** A name the build will read: no path parts, no hidden/backup/temp look, only portable characters. */
export function safeSeedName(original: string): string {
  let base = path.basename(original.replace(/\\/g, "/"));
  base = base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[.~#_-]+/, "")
    .replace(/[~-]+$/, "");
  let ext = path.extname(base).toLowerCase();
  let stem = ext ? base.slice(0, -ext.length) : base;
  stem = stem.replace(/[.-]+$/, "") || "report";
  // Editor leftovers and README.md are skipped by the build (list-reports); such a name gets .txt.
  if (!ext || /^\.(swp|tmp|bak|part)$/.test(ext)) ext = `${ext}.txt`;
  if (stem.toLowerCase() === "readme") stem = "readme-report";
  return `${stem}${ext}`;
}

/** `name` if free, else `stem-2.ext`, `stem-3.ext`...; `taken` holds lower-cased names (case-insensitive file systems). */
export function freeSeedName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
