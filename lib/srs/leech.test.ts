import { describe, expect, it } from "vitest";
import { becomesLeech, leechMarksUndone } from "./leech";

const rule = { threshold: 8, action: "suspend" as const };

describe("becomesLeech", () => {
  it("fires on the lapse that reaches the threshold, not before", () => {
    expect(becomesLeech(6, 7, rule)).toBe(false);
    expect(becomesLeech(7, 8, rule)).toBe(true);
  });

  it("fires again every half threshold after it", () => {
    expect(becomesLeech(8, 9, rule)).toBe(false);
    expect(becomesLeech(11, 12, rule)).toBe(true);
    expect(becomesLeech(15, 16, rule)).toBe(true);
  });

  it("never fires on an answer that was not a lapse", () => {
    expect(becomesLeech(8, 8, rule)).toBe(false);
  });

  it("works with a threshold of 1", () => {
    expect(becomesLeech(0, 1, { threshold: 1, action: "tag" })).toBe(true);
    expect(becomesLeech(1, 2, { threshold: 1, action: "tag" })).toBe(true);
  });
});

describe("leechMarksUndone", () => {
  const suspend = { threshold: 8, action: "suspend" } as const;
  it("takes the tag and the suspension off when the undone answer made the card a leech", () => {
    expect(leechMarksUndone(7, 8, suspend)).toEqual({ leech: false, suspended: false });
  });
  it("keeps the tag an earlier lapse gave, and takes only the new suspension off", () => {
    expect(leechMarksUndone(11, 12, suspend)).toEqual({ suspended: false });
  });
  it("leaves suspension alone under a tag-only rule", () => {
    expect(leechMarksUndone(2, 3, { threshold: 3, action: "tag" })).toEqual({ leech: false });
  });
  it("changes nothing when the undone answer made no leech", () => {
    expect(leechMarksUndone(6, 7, suspend)).toBeNull();
    expect(leechMarksUndone(8, 8, suspend)).toBeNull();
  });
});
