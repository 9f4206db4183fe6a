/**
 * Content words of a text: lower-cased, function words and reporting verbs out, lightly stemmed so
 * "killed"/"killing" and "talks"/"talk" meet. Used for grouping reports and for aligning sentences.
 */

const STOPWORDS = new Set(
  ("a about above after again against all also am among an and any are aren't as at be because been before being " +
    "below between both but by can could did do does doing down during each either even ever every few for from " +
    "further had has have having he her here hers him his how however i if in into is it it's its itself just " +
    "least less like made make many may me might more most much must my near neither no nor not now of off on " +
    "once one only or other our out over own per quite rather same several she should since so some such than " +
    "that that's the their them then there these they this those though through thus to too under until up upon " +
    "us very was we were what when where whether which while who whom whose why will with within without would " +
    "yet you your said says say saying told tell telling according added adding also mr mrs ms dr " +
    "monday tuesday wednesday thursday friday saturday sunday today yesterday week weeks month months year years " +
    "new last first next two three four five six seven eight nine ten").split(" "),
);

/** Very light suffix stripping: enough to fold inflections in news English; not a full stemmer. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const [suffix, replacement] of [
    ["ies", "y"],
    ["ing", ""],
    ["ed", ""],
    ["es", ""],
    ["s", ""],
  ] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const base = word.slice(0, -suffix.length) + replacement;
      // "killing" -> "kill", "stopped" -> "stop": undo a doubled final consonant.
      return /([b-df-hj-np-tv-z])\1$/.test(base) && !/(ll|ss)$/.test(base) ? base.slice(0, -1) : base;
    }
  }
  return word;
}

const WORD = /\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}/gu;

/** Content words of `text` as printed, each with its stem. Possessive `'s` and `al-` prefixes folded. */
export function contentTokens(text: string): Array<{ word: string; stem: string }> {
  const out: Array<{ word: string; stem: string }> = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0].replace(/['’]s$/, "");
    const lower = word.toLowerCase().replace(/^al-/, "");
    if (lower.length < 3 || STOPWORDS.has(lower)) continue;
    const stemmed = stem(lower);
    if (stemmed.length >= 3) out.push({ word, stem: stemmed });
  }
  return out;
}

/** Content-word stems of `text`, in order, repeats kept. */
export function contentWords(text: string): string[] {
  return contentTokens(text).map((t) => t.stem);
}

export function contentSet(text: string): Set<string> {
  return new Set(contentWords(text));
}

/**
 * Capitalised words inside sentences (not a sentence's first word), lower-cased: cheap name evidence
 * for grouping ("kerry", "lavrov", "geneva"), without running the NLP tagger over every report.
 */
export function nameWords(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},;:] )\p{Lu}[\p{L}-]+/gu)) {
    const word = m[0].replace(/['’]s$/, "").toLowerCase().replace(/^al-/, "");
    if (word.length >= 3 && !STOPWORDS.has(word)) names.add(word);
  }
  return names;
}

/** Dice overlap of two sets (2|A∩B| / (|A|+|B|)). */
export function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export function sharedWords(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((x) => b.has(x));
}
