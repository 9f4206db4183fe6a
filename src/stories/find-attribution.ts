/**
 * Who a sentence says is speaking: "Ban said", "said a senior State Department official",
 * "according to the UN", "Washington blames ... and says". Returns the words as printed.
 */

const VERBS = "said|says|say|added|adds|told|tells|blames|blamed|accuses|accused|claims|claimed|estimates|estimated|reported|reports|announced|warned|insisted";
const NAMEISH = String.raw`(?:(?:the|a|an)\s+)?(?:[\p{Lu}][\p{L}'’.-]*(?:\s+(?:of\s+)?[\p{Lu}][\p{L}'’.-]*)*|(?:senior\s+|top\s+)?(?:[\p{L}-]+\s+){0,4}?(?:official|officials|spokesman|spokeswoman|spokesperson|minister|diplomat|diplomats|envoy|chief|source|sources|agency|correspondent))`;

const AFTER_VERB = new RegExp(String.raw`\b(?:${VERBS})\s+(${NAMEISH})(?=[\s,.;:]|$)`, "u");
// "X said", "X also said", "X has warned": up to one adverb or auxiliary between speaker and verb.
const BEFORE_VERB = new RegExp(String.raw`(${NAMEISH})\s+(?:(?:also|later|has|have|had|earlier|again)\s+)?(?:${VERBS})\b`, "u");
const ACCORDING = new RegExp(String.raw`according to\s+(${NAMEISH})`, "u");

/** Words that start sentences or clauses and are capitalised without naming anyone. */
const NOT_SPEAKERS = new Set([
  "The", "But", "And", "It", "He", "She", "They", "This", "That", "In", "On", "At", "A", "An", "We", "I",
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Yesterday", "Earlier", "Later",
]);

export function findAttribution(sentence: string): string | undefined {
  const candidates = [ACCORDING.exec(sentence)?.[1], lastQuoteSpeaker(sentence), BEFORE_VERB.exec(sentence)?.[1]];
  for (const c of candidates) {
    const speaker = c?.trim().replace(/[.,;:]+$/, "");
    if (speaker && !NOT_SPEAKERS.has(speaker) && !/^(?:the|a|an)$/i.test(speaker)) return speaker;
  }
  return undefined;
}

/** `..." said X` / `..., X said`: the speaker named after a quotation or at the end of a sentence. */
function lastQuoteSpeaker(sentence: string): string | undefined {
  const after = AFTER_VERB.exec(sentence);
  if (after && /["”]/.test(sentence.slice(0, after.index))) return after[1];
  const tail = /,\s*["”]?\s*([^,]{2,60}?)\s+(?:said|says|added)\.?\s*$/u.exec(sentence);
  return tail?.[1];
}
