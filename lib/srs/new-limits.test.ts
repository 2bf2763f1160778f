import { describe, expect, it } from "vitest";
import { deckNewAllowance, takeInTurn, totalNewAllowance } from "./new-limits";

const limits = { newPerDay: 10, newPerDayTotal: 20 };

describe("new-card limits", () => {
  it("count each deck's limit by that deck's introductions only", () => {
    const today = { total: 10, byDeck: { a: 10 } };
    expect(deckNewAllowance(limits, today, "a")).toBe(0);
    expect(deckNewAllowance(limits, today, "b")).toBe(10);
    expect(totalNewAllowance(limits, today)).toBe(10);
    expect(totalNewAllowance(limits, { total: 25, byDeck: {} })).toBe(0);
  });

  it("take new cards from each deck in turn, up to the total", () => {
    expect(takeInTurn([["a1", "a2", "a3"], ["b1"], ["c1", "c2"]], 5)).toEqual(["a1", "b1", "c1", "a2", "c2"]);
    expect(takeInTurn([["a1", "a2"], []], 10)).toEqual(["a1", "a2"]);
    expect(takeInTurn([["a1"]], 0)).toEqual([]);
  });
});
