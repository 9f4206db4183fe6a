/** Reads the source profiles (JSON data) once, validates them and compiles their patterns. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CODE_DIR } from "../code-dir.ts";
import { z } from "zod";
import type { LinePattern, SourceProfile } from "./types.ts";

const LinePatternSchema = z.object({ pattern: z.string(), reason: z.string() });
const ProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  signatures: z.array(z.string()).optional(),
  boilerplate: z.array(LinePatternSchema).optional(),
  teaserMarkers: z.array(LinePatternSchema).optional(),
  related: z.array(z.string()).optional(),
  datelines: z.array(z.string()).optional(),
  captions: z.array(z.string()).optional(),
  sourceLines: z.array(z.string()).optional(),
  bylines: z.array(z.string()).optional(),
  wireDatelines: z.array(z.string()).optional(),
  titleSuffixes: z.array(z.string()).optional(),
});

export interface CompiledPattern {
  re: RegExp;
  reason: string;
  profileId: string;
}

/** A profile with its patterns compiled (case-insensitive, Unicode, anchored by the data itself). */
export interface CompiledProfile {
  profile: SourceProfile;
  signatures: RegExp[];
  boilerplate: CompiledPattern[];
  teaserMarkers: CompiledPattern[];
  related: RegExp[];
  datelines: RegExp[];
  captions: RegExp[];
  sourceLines: RegExp[];
  bylines: RegExp[];
  wireDatelines: RegExp[];
}

export interface ProfileSet {
  generic: CompiledProfile;
  outlets: CompiledProfile[];
}

const re = (source: string) => new RegExp(source, "iu");
const withReason = (p: LinePattern, profileId: string): CompiledPattern => ({ re: re(p.pattern), reason: p.reason, profileId });

export function compileProfile(profile: SourceProfile): CompiledProfile {
  return {
    profile,
    signatures: (profile.signatures ?? []).map(re),
    boilerplate: (profile.boilerplate ?? []).map((p) => withReason(p, profile.id)),
    teaserMarkers: (profile.teaserMarkers ?? []).map((p) => withReason(p, profile.id)),
    related: (profile.related ?? []).map(re),
    datelines: (profile.datelines ?? []).map(re),
    captions: (profile.captions ?? []).map(re),
    sourceLines: (profile.sourceLines ?? []).map(re),
    bylines: (profile.bylines ?? []).map((s) => new RegExp(s, "u")),
    wireDatelines: (profile.wireDatelines ?? []).map((s) => new RegExp(s, "u")),
  };
}

export const PROFILE_DIR = join(CODE_DIR, "src", "profiles", "data");

/** Loads every profile in `dir`; `generic.json` is the generic knowledge applied to every report. */
export function loadProfiles(dir = PROFILE_DIR): ProfileSet {
  const outlets: CompiledProfile[] = [];
  let generic: CompiledProfile | undefined;
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const raw = JSON.parse(readFileSync(join(dir, name), "utf8"));
    const parsed = ProfileSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`Source profile ${join(dir, name)} is invalid:\n${z.prettifyError(parsed.error)}`);
    const compiled = compileProfile(parsed.data);
    if (parsed.data.id === "generic") generic = compiled;
    else outlets.push(compiled);
  }
  if (!generic) throw new Error(`No generic.json in ${dir}: the generic profile is required.`);
  return { generic, outlets };
}

let cached: ProfileSet | undefined;
/** The bundled profiles, loaded once per process. */
export function defaultProfiles(): ProfileSet {
  return (cached ??= loadProfiles());
}

/** Each set's outlets by normalised name and alias (the first outlet listing a name has it), built once per set. */
const byName = new WeakMap<ProfileSet, Map<string, CompiledProfile>>();

function nameIndex(set: ProfileSet): Map<string, CompiledProfile> {
  let index = byName.get(set);
  if (!index) {
    index = new Map();
    for (const p of set.outlets) {
      for (const alias of [p.profile.name, ...p.profile.aliases]) {
        const key = normaliseName(alias);
        if (!index.has(key)) index.set(key, p);
      }
    }
    byName.set(set, index);
  }
  return index;
}

/** The outlet profile whose name or alias equals `name` (case- and punctuation-insensitive). */
export function findProfileByName(set: ProfileSet, name: string): CompiledProfile | undefined {
  return nameIndex(set).get(normaliseName(name));
}

export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/^the\s+/, "").replace(/[^\p{L}\p{N}]+/gu, "");
}
