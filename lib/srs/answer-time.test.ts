import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANSWER_LATENESS_MS, answerTime } from "./answer-time";

const NOW = new Date(Date.UTC(2026, 2, 1, 12, 0, 0));
const at = (offsetMs: number) => NOW.getTime() + offsetMs;

describe("answerTime", () => {
  it("keeps a time within the window, clamps a backdated one to its start and a future one to now", () => {
    expect(answerTime(at(-5_000), NOW, null).getTime()).toBe(at(-5_000));
    expect(answerTime(at(-21 * 86_400_000), NOW, null).getTime()).toBe(at(-ANSWER_LATENESS_MS));
    expect(answerTime(0, NOW, null).getTime()).toBe(at(-ANSWER_LATENESS_MS));
    expect(answerTime(at(60_000), NOW, null).getTime()).toBe(NOW.getTime());
  });

  it("never goes before the card's last review", () => {
    const last = new Date(at(-60_000));
    expect(answerTime(at(-120_000), NOW, last).getTime()).toBe(last.getTime());
  });

  it("always lies in [max(now - window, last review), now]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8_640_000_000_000 }),
        fc.option(fc.integer({ min: 0, max: NOW.getTime() })),
        (answeredAt, last) => {
          const time = answerTime(answeredAt, NOW, last === null ? null : new Date(last)).getTime();
          expect(time).toBeLessThanOrEqual(NOW.getTime());
          expect(time).toBeGreaterThanOrEqual(Math.max(at(-ANSWER_LATENESS_MS), last ?? 0));
        },
      ),
    );
  });
});
