/**
 * Which outlet a report comes from. Evidence, strongest first: a stated source (front matter, HTML
 * metadata); a line stating it (`SOURCE: BBC`); a wire dateline (`NAIROBI, Kenya (AP) _`); an outlet
 * profile's signature line; the site name after a page title (`Headline - WSJ`). Names are matched to
 * profiles by alias; an outlet with no profile still gets a source from its printed name.
 */
import { findProfileByName, type CompiledProfile } from "../profiles/load-profiles.ts";
import { titleCuts } from "../ingest/title-separators.ts";
import type { Source } from "../record/schema.ts";
import { claimField, diag, firstGroup, isBlank, openLines, type Draft } from "./draft.ts";
import { slugify } from "./slug.ts";
import { isProse, wordCount } from "./text-shape.ts";

/** How many non-blank lines from the top a wire dateline or page title may sit at. */
const TOP_LINES = 8;

export function detectOutlet(d: Draft): void {
  const found = fromStated(d) ?? fromLines(d) ?? fromSignature(d) ?? fromTitleSuffix(d);
  if (found) {
    d.source = found.source;
    d.outlet = found.profile;
    return;
  }
  d.source = { id: "unknown", name: "Unknown source", origin: "unknown" };
  diag(d, {
    severity: "warning",
    rule: "unknown-source",
    message: "No outlet found: no `SOURCE:` line, wire dateline, profile signature or stated source.",
    hint: "Add front matter with `source: <outlet name>`, or a source profile in src/profiles/data/ for this outlet.",
  });
}

interface Found {
  source: Source;
  profile?: CompiledProfile;
}

function named(d: Draft, name: string, origin: Source["origin"], evidence: string, line?: number): Found {
  const profile = findProfileByName(d.profiles, name);
  const source: Source = profile
    ? { id: profile.profile.id, name: profile.profile.name, origin, evidence, line }
    : { id: slugify(name) || "unknown", name: name.trim(), origin, evidence, line };
  return { source, profile };
}

function fromStated(d: Draft): Found | undefined {
  const name = d.doc.stated.source;
  if (!name) return undefined;
  const line = d.doc.stated.lines?.source;
  return named(d, name, "stated", `source: ${name}`, line);
}

function fromLines(d: Draft): Found | undefined {
  const patterns = [d.profiles.generic, ...d.profiles.outlets].flatMap((p) => p.sourceLines);
  const wire = [d.profiles.generic, ...d.profiles.outlets].flatMap((p) => p.wireDatelines);
  const lines = openLines(d).filter((l) => !isBlank(l));
  for (const line of lines) {
    const text = line.text.trim();
    const name = firstGroup(patterns, text, "name");
    if (name) {
      claimField(d, line, "source");
      return named(d, name, "stated", text, line.n);
    }
  }
  for (const line of lines.slice(0, TOP_LINES)) {
    const text = line.text.trim();
    const name = firstGroup(wire, text, "name");
    if (name) {
      claimField(d, line, "dateline");
      return named(d, name, "stated", text, line.n);
    }
    // A dateline opens the story (its line may start the prose): below a paragraph of prose,
    // "FATAL FORCE (MACROSPACE)" is a heading.
    if (isProse(text)) break;
  }
  return undefined;
}

function fromSignature(d: Draft): Found | undefined {
  for (const line of d.doc.lines) {
    const text = line.text.trim();
    if (!text) continue;
    const profile = d.profiles.outlets.find((p) => p.signatures.some((re) => re.test(text)));
    if (profile) {
      return {
        profile,
        source: { id: profile.profile.id, name: profile.profile.name, origin: "inferred", evidence: text, line: line.n },
      };
    }
  }
  return undefined;
}

/** `Headline - Outlet` on the first line: the outlet is the short part after the last separator. */
function fromTitleSuffix(d: Draft): Found | undefined {
  const first = openLines(d).find((l) => !isBlank(l));
  if (!first) return undefined;
  const split = splitPageTitle(first.text, d.profiles.generic.profile.titleSuffixes ?? []);
  if (!split) return undefined;
  return named(d, split.site, "inferred", first.text.trim(), first.n);
}

/** Splits `Title - Site` where the site part is short and the title part reads as a headline (see titleCuts). */
export function splitPageTitle(text: string, separators: string[]): { title: string; site: string; sep: string } | undefined {
  const t = text.trim();
  for (const { sep, at } of titleCuts(t, separators)) {
    const title = t.slice(0, at).trim();
    const site = t.slice(at + sep.length).trim();
    if (wordCount(site) >= 1 && wordCount(site) <= 4 && site.length <= 40 && wordCount(title) >= 3) return { title, site, sep };
  }
  return undefined;
}
