import { describe, expect, it } from "vitest";
import { parseCloze, revealedCloze } from "./cloze";

describe("parseCloze", () => {
  it("splits hidden parts from plain text", () => {
    expect(parseCloze("MK-7 comes from {{c1::fermented foods}} (natto).")).toEqual([
      { text: "MK-7 comes from ", hidden: false },
      { text: "fermented foods", hint: null, hidden: true },
      { text: " (natto).", hidden: false },
    ]);
  });

  it("reads hints and several deletions", () => {
    expect(parseCloze("{{c1::K1::vitamin}} and {{c2::K2}}")).toEqual([
      { text: "K1", hint: "vitamin", hidden: true },
      { text: " and ", hidden: false },
      { text: "K2", hint: null, hidden: true },
    ]);
    expect(revealedCloze("{{c1::K1::vitamin}} and {{c2::K2}}")).toBe("K1 and K2");
  });

  it("leaves text without deletions whole", () => {
    expect(parseCloze("Plain")).toEqual([{ text: "Plain", hidden: false }]);
  });
});
