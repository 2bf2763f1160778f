import { describe, expect, it } from "vitest";
import { cardCountText, studyCardCount } from "./card-count";

describe("card counts", () => {
  it("count each direction of a reversed card", () => {
    expect(studyCardCount([{ kind: "basic" }, { kind: "reversed" }, { kind: "cloze" }])).toBe(4);
    expect(studyCardCount([])).toBe(0);
  });

  it("say why the count is more than the cards listed", () => {
    expect(cardCountText(24, 3)).toBe("24 cards (3 also asked back to front)");
    expect(cardCountText(1, 0)).toBe("1 card");
  });
});
