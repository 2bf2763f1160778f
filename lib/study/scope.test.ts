import { describe, expect, it } from "vitest";
import { scopeTitle, studyPath } from "./scope";

describe("study scope", () => {
  it("builds the page address", () => {
    expect(studyPath({ deck: null, cardIds: null })).toBe("/study");
    expect(studyPath({ deck: "mk4-vs-mk7", cardIds: null })).toBe("/study?deck=mk4-vs-mk7");
    expect(studyPath({ deck: null, cardIds: ["a", "b"] })).toBe("/study?cards=a%2Cb");
  });

  it("names the scope", () => {
    expect(scopeTitle({ deck: "d", title: "Deck", cardIds: null })).toBe("Deck");
    expect(scopeTitle({ deck: null, title: "All decks", cardIds: ["a"] })).toBe("Selected cards");
    expect(scopeTitle({ deck: "d", title: "Deck", cardIds: ["a"] })).toBe("Deck: selected cards");
  });
});
