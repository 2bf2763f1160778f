import { describe, expect, it } from "vitest";
import { newCardSchedule } from "./scheduler";
import { dueForecast, meanRetrievability, reviewsPerDay, trueRetention } from "./stats";
import { DAY, HISTORY_TO, HOUR, later, play, settingsWith, T0 } from "./test-support";
import type { CardSchedule, ReviewRating, SrsState } from "./types";

const answer = (iso: string, rating: ReviewRating, stateBefore: SrsState = "review") => ({
  rating,
  stateBefore,
  reviewedAt: new Date(iso),
});

describe("trueRetention", () => {
  it("is the share of review-state answers in the window not rated Again", () => {
    const logs = [
      answer("2026-03-01T10:00:00Z", 3),
      answer("2026-03-02T10:00:00Z", 1),
      answer("2026-03-03T10:00:00Z", 2),
      answer("2026-03-04T10:00:00Z", 4),
      answer("2026-03-04T11:00:00Z", 1, "learning"),
      answer("2026-03-04T12:00:00Z", 1, "relearning"),
      answer("2026-02-01T10:00:00Z", 1),
    ];
    expect(trueRetention(logs, new Date("2026-03-01T00:00:00Z"), new Date("2026-03-05T00:00:00Z"))).toEqual({
      answered: 4,
      recalled: 3,
      rate: 0.75,
    });
    expect(trueRetention([], T0, later(T0, DAY)).rate).toBeNull();
  });
});

describe("reviewsPerDay", () => {
  const berlin = { timeZone: "Europe/Berlin", dayRolloverHour: 4 };

  it("buckets by the learner's study day across a DST change, zeros included, oldest first", () => {
    const now = new Date("2026-03-30T12:00:00Z");
    const logs = [
      answer("2026-03-28T03:30:00Z", 3), // 04:30 CET on the 28th
      answer("2026-03-29T01:30:00Z", 3), // 03:30 CEST on the 29th: still the study day of the 28th
      answer("2026-03-29T02:00:00Z", 3), // 04:00 CEST: the 29th begins
      answer("2026-03-30T11:00:00Z", 3),
      answer("2026-03-30T12:00:01Z", 3), // in the future of `now` but still today
      answer("2026-01-01T12:00:00Z", 3), // outside the window
    ];
    const days = reviewsPerDay(logs, now, berlin, 4);
    expect(days).toEqual([
      { day: "2026-03-27", count: 0 },
      { day: "2026-03-28", count: 2 },
      { day: "2026-03-29", count: 1 },
      { day: "2026-03-30", count: 2 },
    ]);
    expect(reviewsPerDay([], now, berlin)).toHaveLength(365);
  });
});

describe("dueForecast", () => {
  it("counts cards due per study day ahead, overdue cards today, new cards never", () => {
    const clock = { timeZone: "UTC", dayRolloverHour: 4 };
    const base = play(HISTORY_TO.review, settingsWith()).schedule;
    const due = (iso: string): CardSchedule => ({ ...base, due: new Date(iso) });
    const schedules = [
      due("2026-02-20T12:00:00Z"),
      due("2026-03-02T03:59:00Z"),
      due("2026-03-02T04:00:00Z"),
      due("2026-03-03T23:00:00Z"),
      due("2026-04-30T00:00:00Z"),
      newCardSchedule(T0),
    ];
    expect(dueForecast(schedules, T0, clock, 3)).toEqual([
      { day: "2026-03-01", count: 2 },
      { day: "2026-03-02", count: 1 },
      { day: "2026-03-03", count: 1 },
    ]);
  });
});

describe("meanRetrievability", () => {
  it("averages over studied cards only, and is null when none has been studied", () => {
    const settings = settingsWith();
    const studied = play(HISTORY_TO.review, settings);
    const now = later(studied.lastTime, 10 * DAY + HOUR);
    const mean = meanRetrievability([studied.schedule, newCardSchedule(T0)], now, settings);
    expect(mean).toBeGreaterThan(0.5);
    expect(mean).toBeLessThan(1);
    expect(meanRetrievability([newCardSchedule(T0)], now, settings)).toBeNull();
  });
});
