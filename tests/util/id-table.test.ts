/** IdTable: values by id for one vector at a time, cleared entry by entry. */
import { describe, expect, it } from "vitest";
import { IdTable } from "../../src/util/vocabulary.ts";

describe("IdTable", () => {
  it("reads back what was spread, 0 elsewhere and past its end, and 0 again once cleared", () => {
    const table = new IdTable(4);
    table.spread(Int32Array.of(2, 9), Float64Array.of(0.5, 3));
    expect([table.at(2), table.at(9), table.at(0), table.at(5), table.at(1000)]).toEqual([0.5, 3, 0, 0, 0]);
    table.clear(Int32Array.of(2, 9));
    expect([table.at(2), table.at(9)]).toEqual([0, 0]);
  });

  it("marks ids with 1 when given no values, and keeps earlier entries when it grows", () => {
    const table = new IdTable();
    table.spread([1]);
    table.spread([700]);
    expect([table.at(1), table.at(700), table.at(699)]).toEqual([1, 1, 0]);
  });
});
