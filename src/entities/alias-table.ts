/**
 * The archive's alias table (aliases.json) as lookups: canonical name and kind by any written form,
 * title stripping ("Mr", "Secretary of State"), and one pattern that finds every listed form in text.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { CODE_DIR } from "../code-dir.ts";
import { remembered } from "../util/remembered.ts";
import type { EntityKind } from "./types.ts";

export interface AliasEntry {
  name: string;
  kind: EntityKind;
  aliases: string[];
}

export interface AliasData {
  titles: string[];
  entities: AliasEntry[];
}

export interface AliasTable {
  /** Canonical entry by normalised form (name or alias). */
  byKey: Map<string, AliasEntry>;
  /** Matches any listed name or alias, case as listed, on word boundaries; longest first. */
  pattern: RegExp | null;
  stripTitles(name: string): string;
  /** True when `form` is a one-word alias of a person (only trusted when the report names them in full). */
  isShortPersonAlias(form: string): boolean;
}

export function loadAliasData(): AliasData {
  return JSON.parse(readFileSync(path.join(CODE_DIR, "src", "entities", "aliases.json"), "utf8")) as AliasData;
}

// The entities step asks for a key per mention and again per quote for each of the report's mentions
// (about a million times at 10,000 reports, 0.7 s); the names are far fewer, so remember them.
/** Lower case, no full stops ("U.N." = "UN"), no possessive, single spaces, "al-" folded. */
export const aliasKey: (name: string) => string = remembered((name: string) =>
  name
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/'s$/, "")
    .replace(/\./g, "")
    .replace(/\s+/g, " ")
    .trim(),
);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function makeAliasTable(data: AliasData = loadAliasData()): AliasTable {
  const byKey = new Map<string, AliasEntry>();
  const forms: string[] = [];
  for (const entry of data.entities) {
    for (const form of [entry.name, ...entry.aliases]) {
      byKey.set(aliasKey(form), entry);
      forms.push(form);
    }
  }
  forms.sort((a, b) => b.length - a.length);
  const pattern = forms.length ? new RegExp(`(?<![\\p{L}\\p{N}-])(?:${forms.map(escape).join("|")})(?![\\p{L}\\p{N}-])`, "gu") : null;
  const titles = [...data.titles].sort((a, b) => b.length - a.length).map(escape);
  const leadingTitles = new RegExp(`^(?:(?:${titles.join("|")})\\.?\\s+)+`, "iu");
  const titleOnly = new RegExp(`^(?:${titles.join("|")})$`, "iu");
  return {
    byKey,
    pattern,
    stripTitles(name) {
      const stripped = name.replace(leadingTitles, "");
      return titleOnly.test(stripped) ? "" : stripped;
    },
    isShortPersonAlias(form) {
      const entry = byKey.get(aliasKey(form));
      return !!entry && entry.kind === "person" && !/\s/.test(form.trim()) && aliasKey(entry.name) !== aliasKey(form);
    },
  };
}
