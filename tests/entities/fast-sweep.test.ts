/**
 * The fast rule sweep must be a drop-in: on the same text, compromise tags every term the same with it
 * as with the library's own sweep, and the sweep finds the same rules at the same places in the same order.
 */
import { createRequire } from "node:module";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { fastBulkMatch, installFastSweep, stockBulkMatch } from "../../src/entities/fast-sweep.ts";
import { parseSeed, seedFiles } from "../helpers/seeds.ts";

type Term = { text: string; tags: Set<string> };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const nlp: any = installFastSweep(createRequire(import.meta.url)("compromise"));
const world = nlp.world();
const stock = stockBulkMatch(nlp)!;

function withSweep<T>(sweep: unknown, run: () => T): T {
  world.methods.one.bulkMatch = sweep;
  try {
    return run();
  } finally {
    world.methods.one.bulkMatch = fastBulkMatch;
  }
}

/** Every term of the text with its tags, after compromise's whole default analysis. */
const tagsOf = (text: string): string[][] =>
  (nlp(text).docs as Term[][]).flat().map((t) => [t.text, ...[...t.tags].sort()]);

/**
 * The library's post-tagger rules as written (buildNet adds its parsed fields to the objects it is
 * given, and the tagger has built its own net from these already).
 */
const rules = (world.model.two.matches as Array<Record<string, unknown>>).map(({ match, tag, unTag, reason, group, ifNo, notIf }) => ({
  match, tag, unTag, reason, group, ifNo, notIf: typeof notIf === "string" ? notIf : undefined,
}));

/** What one sweep of the library's post-tagger rules finds on a tagged text (no tags applied). */
function sweepOf(text: string, matchOne: boolean): string[] {
  const doc = nlp(text);
  const net = world.methods.one.buildNet(structuredClone(rules), world);
  const found = world.methods.one.bulkMatch(doc.docs, net, doc.methods, { matchOne }) as Array<{ match: string; pointer: number[]; reason?: string }>;
  return found.map((f) => `${f.match} ${f.reason ?? ""} @${f.pointer.slice(0, 3).join(",")}`);
}

const seedTexts = seedFiles().flatMap((f) => parseSeed(`seeds/${f}`).record.body.map((b) => b.text));

afterAll(() => {
  world.methods.one.bulkMatch = fastBulkMatch;
});

describe("fast compromise sweep", () => {
  it("replaced the library's own sweep, which is kept to compare with", () => {
    expect(typeof stock).toBe("function");
    expect(stock).not.toBe(fastBulkMatch);
    expect(world.methods.one.bulkMatch).toBe(fastBulkMatch);
  });

  it("tags every term of the seed reports as the library's sweep does", () => {
    expect(seedTexts.length).toBeGreaterThan(20);
    for (const text of seedTexts) expect(withSweep(fastBulkMatch, () => tagsOf(text))).toEqual(withSweep(stock, () => tagsOf(text)));
  });

  it("finds the same rules at the same places, in the same order, with and without matchOne", () => {
    const text = seedTexts.join("\n\n");
    for (const matchOne of [false, true]) {
      const fast = withSweep(fastBulkMatch, () => sweepOf(text, matchOne));
      expect(fast.length).toBeGreaterThan(0);
      expect(fast).toEqual(withSweep(stock, () => sweepOf(text, matchOne)));
    }
    expect(withSweep(fastBulkMatch, () => sweepOf(text, true))).toHaveLength(1);
  });

  it("tags made-up sentences of names, verbs, numbers and punctuation the same", () => {
    const word = fc.constantFrom(
      "John", "Kerry", "Mr", "Lavrov", "said", "the", "UN", "Security", "Council", "will", "meet", "in", "Geneva",
      "on", "Monday", "May", "3", "2013", "rebels", "Assad's", "forces", "can't", "walked", "quickly", "of", "and",
      "Bank", "England", "New", "York", "Times", "reported", "$5m", "Dr", "Smith", "who", "is", "a", "spokesman",
      ",", ".", "?", '"', "'", "(", ")", "-", "US", "Ban", "Ki-moon", "told", "BBC", "last", "week", "Will", "Rose",
    );
    const sentence = fc.array(word, { minLength: 1, maxLength: 30 }).map((ws) => ws.join(" "));
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), (sentences) => {
        const text = sentences.join("\n\n");
        expect(withSweep(fastBulkMatch, () => tagsOf(text))).toEqual(withSweep(stock, () => tagsOf(text)));
      }),
      { numRuns: 150 },
    );
  });
});
