import { describe, expect, it } from "vitest";
import { DEFAULT_LEARNER_SETTINGS } from "@/lib/srs";
import { ankiCardColumns, ankiRevlogColumns, importedHistory } from "./anki-schedule";

const T0 = new Date(Date.UTC(2026, 2, 1, 12));
const DAY = 86_400_000;
const crt = Date.UTC(2026, 2, 1) / 1000;
const settings = { ...DEFAULT_LEARNER_SETTINGS, enableFuzz: false };

describe("Anki card columns", () => {
  it("maps new, review and learning schedules to type, queue and due", () => {
    expect(ankiCardColumns(null, 7, crt, 0.9)).toMatchObject({ type: 0, queue: 0, due: 7, ivl: 0, reps: 0 });
    const review = {
      state: "review" as const,
      due: new Date(T0.getTime() + 12 * DAY),
      stability: 11.23456,
      difficulty: 4.5678,
      reps: 4,
      lapses: 1,
      learningSteps: 0,
      scheduledDays: 12,
      lastReview: T0,
    };
    const columns = ankiCardColumns(review, 3, crt, 0.9);
    expect(columns).toMatchObject({ type: 2, queue: 2, due: 12, ivl: 12, factor: 2500, reps: 4, lapses: 1 });
    expect(JSON.parse(columns.data)).toEqual({ s: 11.2346, d: 4.568, dr: 0.9, lrt: T0.getTime() / 1000 });
    const learning = {
      ...review,
      state: "learning" as const,
      due: new Date(T0.getTime() + 600_000),
      scheduledDays: 0,
    };
    expect(ankiCardColumns(learning, 3, crt, 0.9)).toMatchObject({
      type: 1,
      queue: 1,
      due: T0.getTime() / 1000 + 600,
    });
    const relearningDays = {
      ...review,
      state: "relearning" as const,
      scheduledDays: 2,
      due: new Date(T0.getTime() + 2 * DAY),
    };
    expect(ankiCardColumns(relearningDays, 3, crt, 0.9)).toMatchObject({ type: 3, queue: 3, due: 2, ivl: 2 });
  });

  it("writes revlog intervals in days, or negative seconds under a day", () => {
    const log = {
      rating: 3 as const,
      reviewedAt: T0.getTime(),
      stateBefore: "review" as const,
      dueBefore: T0.getTime(),
      lastReviewBefore: T0.getTime() - 5 * DAY,
      dueAfter: T0.getTime() + 9 * DAY,
      durationMs: 90_000,
    };
    expect(ankiRevlogColumns(log)).toEqual({
      ease: 3,
      ivl: 9,
      lastIvl: 5,
      factor: 2500,
      time: 60_000,
      type: 1,
    });
    const first = {
      ...log,
      rating: 1 as const,
      stateBefore: "new" as const,
      lastReviewBefore: null,
      dueAfter: T0.getTime() + 60_000,
    };
    expect(ankiRevlogColumns(first)).toMatchObject({ ease: 1, ivl: -60, lastIvl: 0, type: 0 });
  });
});

describe("imported history", () => {
  it("replays answers in time order through FSRS and leaves out answers after now", () => {
    const card = {
      type: 2,
      queue: 2,
      due: null,
      interval: 3,
      reps: 3,
      lapses: 0,
      stability: null,
      difficulty: null,
      history: [
        { at: T0.getTime() + DAY, rating: 3 as const, durationMs: 1000 },
        { at: T0.getTime(), rating: 3 as const, durationMs: 1000 },
        { at: T0.getTime() + 100 * DAY, rating: 1 as const, durationMs: 1000 },
      ],
    };
    const { schedule, logs } = importedHistory(card, settings, "k", new Date(T0.getTime() + 2 * DAY));
    expect(logs.map((log) => [log.stateBefore, log.reviewedAt.getTime() - T0.getTime()])).toEqual([
      ["new", 0],
      ["learning", DAY],
    ]);
    expect(schedule?.reps).toBe(2);
    expect(schedule?.lastReview?.getTime()).toBe(T0.getTime() + DAY);
  });

  it("keeps a new card new", () => {
    const card = {
      type: 0,
      queue: 0,
      due: null,
      interval: 0,
      reps: 0,
      lapses: 0,
      stability: null,
      difficulty: null,
      history: [],
    };
    expect(importedHistory(card, settings, "k", T0)).toEqual({ schedule: null, logs: [] });
  });
});
