import { describe, expect, it } from "vitest";
import { DEFAULT_LEARNER_SETTINGS, newCardSchedule, rate, retrievability } from "@/lib/srs";
import { recallAt } from "./recall";

const T0 = new Date(Date.UTC(2026, 10, 24, 9));
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

describe("recallAt", () => {
  it("falls within the day after an Again, where whole-day retrievability still reads 100%", () => {
    const forgotten = rate(newCardSchedule(T0), 1, T0, DEFAULT_LEARNER_SETTINGS, "k").next;
    expect(retrievability(forgotten, at(6))).toBe(1);
    const recall = recallAt(at(6), DEFAULT_LEARNER_SETTINGS)(forgotten);
    expect(recall).toBeLessThan(0.95);
    expect(recall).toBeGreaterThan(0);
    expect(recallAt(at(12), DEFAULT_LEARNER_SETTINGS)(forgotten)).toBeLessThan(recall);
  });

  it("agrees with ts-fsrs on whole days and is 0 for a new card", () => {
    const learned = rate(newCardSchedule(T0), 3, T0, DEFAULT_LEARNER_SETTINGS, "k").next;
    expect(recallAt(at(48), DEFAULT_LEARNER_SETTINGS)(learned)).toBeCloseTo(
      retrievability(learned, at(48)),
      10,
    );
    expect(recallAt(T0, DEFAULT_LEARNER_SETTINGS)(newCardSchedule(T0))).toBe(0);
  });
});
