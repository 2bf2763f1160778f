import fc from "fast-check";
import { createEmptyCard, type FSRSHistory } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { replay, sameSchedule } from "./replay";
import { rate } from "./scheduler";
import type { LearnerSettings } from "./settings";
import {
  DAY,
  expectSameAsReference,
  type History,
  HOUR,
  later,
  play,
  referenceFsrs,
  settingsWith,
  T0,
} from "./test-support";
import type { ReviewRating } from "./types";

const step = fc.tuple(
  fc.constantFrom<ReviewRating>(1, 2, 3, 4),
  fc.oneof(fc.integer({ min: 1, max: 3 * HOUR }), fc.integer({ min: 1, max: 500 * DAY })),
);
const history = fc.array(step, { minLength: 1, maxLength: 40 });
const settingsArb = fc
  .record({
    desiredRetention: fc.double({ min: 0.7, max: 0.97, noNaN: true }),
    maximumInterval: fc.integer({ min: 1, max: 36500 }),
    enableFuzz: fc.boolean(),
  })
  .map((overrides): LearnerSettings => settingsWith(overrides));
const cardKey = fc.string({ minLength: 1, maxLength: 30 });

describe("scheduling invariants", () => {
  it("never sets a due date before the review time", () => {
    fc.assert(
      fc.property(history, settingsArb, cardKey, (steps, settings, key) => {
        let schedule = play([], settings).schedule;
        let time = T0;
        for (const [rating, gap] of steps) {
          time = later(time, gap);
          const { next } = rate(schedule, rating, time, settings, key);
          expect(next.due.getTime()).toBeGreaterThanOrEqual(time.getTime());
          expect(next.lastReview).toEqual(time);
          expect(next.reps).toBe(schedule.reps + 1);
          schedule = next;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("replay", () => {
  it("reproduces the stored schedule from the log (exactly, fuzz included)", () => {
    fc.assert(
      fc.property(history, settingsArb, cardKey, (steps, settings, key) => {
        const stored = play(steps, settings, key);
        const replayed = replay(stored.logs, T0, settings, key);
        expect(replayed).toEqual(stored.schedule);
        expect(sameSchedule(replayed, stored.schedule)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("agrees with ts-fsrs reschedule when fuzz is off", () => {
    fc.assert(
      fc.property(history, (steps: History) => {
        const settings = settingsWith();
        const stored = play(steps, settings);
        const reviews: FSRSHistory[] = stored.logs.map((log) => ({
          rating: log.rating,
          review: log.reviewedAt,
        }));
        const { collections } = referenceFsrs(settings).reschedule(createEmptyCard(T0), reviews, {
          now: stored.lastTime,
        });
        const last = collections[collections.length - 1];
        if (!last) throw new Error("history is not empty");
        expectSameAsReference(replay(stored.logs, T0, settings, "key"), last.card);
      }),
      { numRuns: 100 },
    );
  });

  it("sorts the log by review time and returns a new card for an empty log", () => {
    const settings = settingsWith();
    const stored = play(
      [
        [3, 0],
        [3, 10 * 60_000],
        [2, 4 * DAY],
      ],
      settings,
    );
    expect(replay([...stored.logs].reverse(), T0, settings, "k")).toEqual(stored.schedule);
    expect(replay([], T0, settings, "k")).toEqual(play([], settings).schedule);
  });

  it("tolerates floats that lost their last bits in storage, when asked to", () => {
    const stored = play([[3, 0]], settingsWith()).schedule;
    const reloaded = { ...stored, stability: stored.stability * (1 + 1e-15) };
    expect(sameSchedule(stored, reloaded)).toBe(false);
    expect(sameSchedule(stored, reloaded, 1e-9)).toBe(true);
  });
});
