import { describe, expect, it } from "vitest";
import { clauseTense } from "../../src/dates/tense.ts";

/** Tense of the clause around the first occurrence of `word` in `sentence`. */
const tenseAt = (sentence: string, word: string) => clauseTense(sentence, sentence.indexOf(word));

describe("clauseTense", () => {
  it("reads a past verb before the date", () => {
    expect(tenseAt("Russia announced its proposal for dealing with the crisis on Monday, as the US Congress was preparing to debate.", "Monday")).toBe("past");
    expect(tenseAt("A UN spokesman said on Friday that the organisation has asked Syria for more information.", "Friday")).toBe("past");
    expect(tenseAt("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.", "Friday")).toBe("past");
    expect(tenseAt("At least 82 were killed, officials said as dawn broke Saturday.", "Saturday")).toBe("past");
  });

  it("reads a past verb after the date when none comes before", () => {
    expect(tenseAt("UN chief Ban Ki-moon Friday meanwhile accused the president of crimes.", "Friday")).toBe("past");
    expect(tenseAt("On Thursday, the two ministers said they hoped the plan could work.", "Thursday")).toBe("past");
  });

  it("reads future markers", () => {
    expect(tenseAt("The officials said a UN report due on Monday would strengthen the case.", "Monday")).toBe("future");
    expect(tenseAt("Following the talks, Kerry will fly to Israel to brief Netanyahu on Sunday.", "Sunday")).toBe("future");
    expect(tenseAt("Talks may continue beyond Friday.", "Friday")).toBe("future");
    expect(tenseAt("The chief is expected to present a report to the Council on Monday morning, AP reported.", "Monday")).toBe("future");
    expect(tenseAt("The two countries are to hold a third day of talks on Saturday.", "Saturday")).toBe("future");
    expect(tenseAt("The two countries were Saturday to hold a third day of talks.", "Saturday")).toBe("future");
    expect(tenseAt("The envoy is scheduled to arrive Tuesday.", "Tuesday")).toBe("future");
    expect(tenseAt("He'll be back Wednesday.", "Wednesday")).toBe("future");
    expect(tenseAt("A second round is to take place on Friday.", "Friday")).toBe("future");
  });

  it("takes the verb after an attributive possessive", () => {
    expect(tenseAt("US officials said Thursday's meeting was comprehensive.", "Thursday")).toBe("past");
    expect(tenseAt("Thursday's talks will be hard, he said.", "Thursday")).toBe("future");
    // The verb governing the noun says nothing about when the ruling was made.
    expect(tenseAt("They would look for ways to get around Wednesday's ruling by the court.", "Wednesday")).toBe("unknown");
  });

  it("lets the expression's own words decide", () => {
    expect(tenseAt("The board met next Friday or so, he joked.", "next Friday")).toBe("future");
    expect(clauseTense("They will decide what happened last week.", 33, 9)).toBe("past");
  });

  it("stops the clause at a comma before widening", () => {
    expect(tenseAt("Kerry will arrive Friday, officials said.", "Friday")).toBe("future");
  });

  it("reports present and unknown", () => {
    expect(tenseAt("The talks are continuing into Saturday.", "Saturday")).toBe("present");
    expect(tenseAt("Saturday.", "Saturday")).toBe("unknown");
  });
});
