import { describe, expect, it } from "vitest";
import { wrongPicks, wrongPicksFromJson } from "./wrong-picks";

describe("wrongPicks", () => {
  it("gives the wrong choice of a one-answer question", () => {
    expect(wrongPicks("MK-7", { choice: "MK-4" })).toEqual([{ chosen: "MK-4", expected: "MK-7" }]);
    expect(wrongPicks("MK-7", { choice: "MK-7" })).toEqual([]);
  });

  it("gives each wrongly matched pair, leaving out blanks and right pairs", () => {
    const answer = [
      { left: "MK-4", right: "hours" },
      { left: "MK-7", right: "days" },
      { left: "K1", right: "hours" },
    ];
    expect(wrongPicks(answer, { pairs: { "MK-4": "days", "MK-7": "days" } })).toEqual([
      { chosen: "MK-4 → days", expected: "MK-4 → hours" },
    ]);
  });
});

describe("wrongPicksFromJson", () => {
  it("reads the stored answer and response, and gives nothing for unreadable rows", () => {
    expect(wrongPicksFromJson('"Right"', '{"choice":"Wrong"}')).toEqual([
      { chosen: "Wrong", expected: "Right" },
    ]);
    expect(wrongPicksFromJson("not json", '{"choice":"Wrong"}')).toEqual([]);
    expect(wrongPicksFromJson('"Right"', '{"other":1}')).toEqual([]);
  });
});
