/** aliasKey: the form names are compared by, remembered per name (the entities step asks a million times). */
import { describe, expect, it } from "vitest";
import { aliasKey } from "../../src/entities/alias-table.ts";

describe("aliasKey", () => {
  it("folds case, full stops, a possessive, curly apostrophes and runs of spaces, the same on every call", () => {
    for (let round = 0; round < 2; round++) {
      expect(aliasKey("U.N.")).toBe("un");
      expect(aliasKey("UN")).toBe("un");
      expect(aliasKey("Ban Ki-moon's")).toBe("ban ki-moon");
      expect(aliasKey("Ban Ki-moon’s")).toBe("ban ki-moon");
      expect(aliasKey("  Bashar   al-Assad ")).toBe("bashar al-assad");
    }
  });

  it("still answers right once more names were asked than it remembers", () => {
    for (let i = 0; i < 120_000; i++) aliasKey(`Person ${i}`);
    expect(aliasKey("Person 7")).toBe("person 7");
    expect(aliasKey("U.N.")).toBe("un");
    expect(aliasKey("Person 119999")).toBe("person 119999");
  });
});
