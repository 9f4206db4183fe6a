import { describe, expect, it } from "vitest";
import { mayEndMatch, requiredEndings } from "../../src/parse/regex-ending.ts";

describe("requiredEndings", () => {
  it("reads an escaped closing bracket anchored at the end", () => {
    expect(requiredEndings(/^(?<caption>.{10,300}?)\s*\((?:photo|picture)\s*:?\s*(?<credit>[^)]{2,80})\)$/iu)).toEqual(new Set([")"]));
  });

  it("collects one ending per top-level alternative", () => {
    expect(requiredEndings(/[^.!?\s]\s*\[(?:\p{Lu}[\p{L} -]{1,40})\]$|\((?:image|photo)s?\s*:[^)]{1,60}\)$/iu)).toEqual(new Set(["]", ")"]));
  });

  it("says nothing when an alternative may end otherwise", () => {
    expect(requiredEndings(/\]$|^tags?:/i)).toBeUndefined();
    expect(requiredEndings(/(?:\[…\]|\s…)$/)).toBeUndefined();
    expect(requiredEndings(/credit\s*:\s*(?<credit>.{2,80})$/i)).toBeUndefined();
  });

  it("does not take an escaped backslash for an escape of the bracket", () => {
    // The class `[\\]` ends in `\\]`: an escaped backslash, then the bracket closing the class.
    expect(requiredEndings(/a[\\]$/)).toBeUndefined();
  });

  it("ignores multiline patterns, whose $ is any line end", () => {
    expect(requiredEndings(/x\]$/m)).toBeUndefined();
  });
});

describe("mayEndMatch", () => {
  it("rules out only texts ending in none of the required marks", () => {
    const re = /^(?<caption>[^[\]]{10,300}?[^.!?\s])\s*\[(?<credit>[A-Z][\w&.'/ -]{1,60})\]$/iu;
    expect(mayEndMatch(re, "Crowds gather outside the parliament [Reuters]")).toBe(true);
    expect(mayEndMatch(re, "Crowds gather outside the parliament.")).toBe(false);
    expect(mayEndMatch(/credits?:/i, "anything at all")).toBe(true);
  });
});
