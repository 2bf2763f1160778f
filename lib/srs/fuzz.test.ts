import { get_fuzz_range } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { elapsedDays, rate } from "./scheduler";
import { DAY, HISTORY_TO, later, play, settingsWith } from "./test-support";

const fuzzy = settingsWith({ enableFuzz: true });
const plain = settingsWith({ enableFuzz: false });
// A card whose next Good interval is long enough (> 2.5 days) for ts-fsrs to fuzz it.
const history = [...HISTORY_TO.review, [3, 9 * DAY] as const];

function goodInterval(cardKey: string, settings = fuzzy): number {
  const card = play(history, settings, cardKey);
  const { next } = rate(card.schedule, 3, later(card.lastTime, 30 * DAY), settings, cardKey);
  return next.scheduledDays;
}

describe("fuzz", () => {
  it("gives the same interval for the same card key and history", () => {
    expect(goodInterval("user-1:card-7")).toBe(goodInterval("user-1:card-7"));
    const first = play(history, fuzzy, "user-1:card-7");
    const second = play(history, fuzzy, "user-1:card-7");
    expect(second).toEqual(first);
  });

  it("spreads intervals across card keys, within ts-fsrs's fuzz range", () => {
    const intervals = Array.from({ length: 40 }, (_, i) => goodInterval(`user-1:card-${i}`));
    expect(new Set(intervals).size).toBeGreaterThan(1);

    const card = play(history, plain);
    const now = later(card.lastTime, 30 * DAY);
    const unfuzzed = rate(card.schedule, 3, now, plain, "any").next.scheduledDays;
    const { min_ivl, max_ivl } = get_fuzz_range(unfuzzed, elapsedDays(card.schedule, now), 36500);
    for (const interval of intervals) {
      expect(interval).toBeGreaterThanOrEqual(min_ivl);
      expect(interval).toBeLessThanOrEqual(max_ivl);
    }
  });

  it("does not depend on the wall clock or on earlier calls", () => {
    const before = goodInterval("user-2:card-3");
    for (let i = 0; i < 5; i++) goodInterval(`user-9:card-${i}`);
    expect(goodInterval("user-2:card-3")).toBe(before);
  });

  it("is off when the learner turns it off", () => {
    const intervals = Array.from({ length: 10 }, (_, i) => goodInterval(`user-1:card-${i}`, plain));
    expect(new Set(intervals).size).toBe(1);
  });
});
