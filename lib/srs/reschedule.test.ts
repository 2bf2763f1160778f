import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { replay } from "./replay";
import { rescheduleCard, summarizeMoves } from "./reschedule";
import { newCardSchedule } from "./scheduler";
import { DAY, type History, HOUR, later, MINUTE, play, settingsWith, T0 } from "./test-support";

const HISTORY: History = [
  [3, 0],
  [3, 10 * MINUTE],
  [3, 3 * DAY],
  [1, 9 * DAY],
  [3, 10 * MINUTE],
  [4, 6 * DAY],
  [3, 20 * DAY],
];
const KEY = "user-1:card-1";
/** Weights of a learner who forgets faster than FSRS's defaults assume. */
const FORGETFUL = default_w.map((w, i) => (i < 4 ? w * 0.4 : w));

describe("rescheduleCard", () => {
  for (const enableFuzz of [false, true]) {
    it(`moves nothing when the settings are unchanged (fuzz ${enableFuzz ? "on" : "off"})`, () => {
      const settings = settingsWith({ enableFuzz });
      const { schedule, logs, lastTime } = play(HISTORY, settings, KEY);
      expect(rescheduleCard(schedule, logs, settings, KEY, later(lastTime, HOUR))).toBeNull();
    });
  }

  it("gives exactly the schedule the card would have had under the new settings", () => {
    const before = settingsWith({ enableFuzz: true });
    const { schedule, logs, lastTime } = play(HISTORY, before, KEY);
    for (const after of [
      settingsWith({ enableFuzz: true, desiredRetention: 0.95 }),
      settingsWith({ enableFuzz: true, weights: FORGETFUL }),
    ]) {
      const moved = rescheduleCard(schedule, logs, after, KEY, later(lastTime, HOUR));
      expect(moved).toEqual(replay(logs, T0, after, KEY));
      // The learner did not review it: the last review and the counts stay.
      expect(moved?.lastReview).toEqual(schedule.lastReview);
      expect(moved?.reps).toBe(schedule.reps);
      expect(moved?.lapses).toBe(schedule.lapses);
    }
  });

  it("brings cards forward for a forgetful learner and pushes them back at a lower retention", () => {
    const settings = settingsWith();
    const { schedule, logs, lastTime } = play(HISTORY, settings, KEY);
    const now = later(lastTime, HOUR);
    const forgetful = rescheduleCard(schedule, logs, settingsWith({ weights: FORGETFUL }), KEY, now);
    expect(forgetful?.due.getTime()).toBeLessThan(schedule.due.getTime());
    const relaxed = rescheduleCard(schedule, logs, settingsWith({ desiredRetention: 0.8 }), KEY, now);
    expect(relaxed?.due.getTime()).toBeGreaterThan(schedule.due.getTime());
  });

  it("leaves new cards and cards without history alone", () => {
    const settings = settingsWith({ desiredRetention: 0.8 });
    expect(rescheduleCard(newCardSchedule(T0), [], settings, KEY, T0)).toBeNull();
    const { schedule } = play(HISTORY, settingsWith(), KEY);
    expect(rescheduleCard(schedule, [], settings, KEY, T0)).toBeNull();
  });
});

describe("summarizeMoves", () => {
  const move = (days: number) => ({ before: T0, after: later(T0, days * DAY) });

  it("counts moves both ways and takes the median change in days", () => {
    expect(summarizeMoves([move(-2), move(5), move(1)], 10)).toEqual({
      cards: 10,
      moved: 3,
      earlier: 1,
      later: 2,
      medianChangeDays: 1,
    });
    expect(summarizeMoves([move(-2), move(4)], 2).medianChangeDays).toBe(1);
    expect(summarizeMoves([], 5)).toEqual({
      cards: 5,
      moved: 0,
      earlier: 0,
      later: 0,
      medianChangeDays: null,
    });
  });
});
