import { describe, expect, it } from "vitest";
import { cardFrontLine } from "./card-front";

describe("cardFrontLine", () => {
  it("hides cloze answers, drops markdown marks and cuts long fronts at a word", () => {
    expect(cardFrontLine("The **half-life** of {{c1::MK-7::which form}} is {{c2::about 3 days}}")).toBe(
      "The half-life of [which form] is […]",
    );
    const long = cardFrontLine(`${"word ".repeat(40)}end`, 30);
    expect(long.endsWith("…")).toBe(true);
    expect(long.length).toBeLessThanOrEqual(31);
  });
});
