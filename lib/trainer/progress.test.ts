import { describe, expect, it } from "vitest";
import { DEFAULT_LEARNER_SETTINGS } from "@/lib/srs";
import { combineSeries, replayAnswers, WEEK_MS, weekBounds, weeklySeries } from "./progress";

const END = new Date(Date.UTC(2026, 10, 25, 4));
const settings = { ...DEFAULT_LEARNER_SETTINGS, enableFuzz: false };
const at = (daysBeforeEnd: number) => new Date(END.getTime() - daysBeforeEnd * 86_400_000);

describe("weekBounds", () => {
  it("gives consecutive weeks ending at the end, oldest first", () => {
    const weeks = weekBounds(END, 3);
    expect(weeks.map((w) => w.weekEnd.getTime())).toEqual([
      END.getTime() - 2 * WEEK_MS,
      END.getTime() - WEEK_MS,
      END.getTime(),
    ]);
    expect(weeks[0]?.weekStart.getTime()).toBe(END.getTime() - 3 * WEEK_MS);
  });
});

describe("weeklySeries", () => {
  const answers = replayAnswers(
    [
      { rating: 3, reviewedAt: at(20) },
      { rating: 3, reviewedAt: at(19.9) },
      { rating: 3, reviewedAt: at(10) },
      { rating: 1, reviewedAt: at(2) },
    ],
    settings,
    "u:c1",
  );
  const weeks = weekBounds(END, 3);
  const series = weeklySeries(new Map([["c1", answers]]), weeks, settings, END);

  it("counts each week's answers and the retention of its review answers", () => {
    expect(series.map((w) => w.reviews)).toEqual([2, 1, 1]);
    expect(series.map((w) => w.retention)).toEqual([null, 1, 0]);
  });

  it("predicts recall at each week's end from the last answer before it", () => {
    const [first, second, third] = series.map((w) => w.predictedRecall ?? -1);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(1);
    // A review in week 2 raised the stability; Again in week 3 dropped it.
    expect(second).toBeGreaterThan(first as number);
    expect(third).toBeLessThan(second as number);
  });

  it("leaves out answers after now", () => {
    const early = weeklySeries(new Map([["c1", answers]]), weeks, settings, at(5));
    expect(early.map((w) => w.reviews)).toEqual([2, 1, 0]);
  });

  it("has no recall before the first answer", () => {
    const none = weeklySeries(new Map([["c1", answers]]), weekBounds(at(21), 1), settings, END);
    expect(none[0]).toMatchObject({ reviews: 0, predictedRecall: null, retention: null, cards: 0 });
  });
});

describe("combineSeries", () => {
  it("sums reviews, pools retention and averages recall over clients", () => {
    const week = { weekStart: at(7), weekEnd: END };
    const combined = combineSeries([
      [{ ...week, reviews: 4, reviewAnswers: 4, retention: 0.75, predictedRecall: 0.9, cards: 3 }],
      [{ ...week, reviews: 2, reviewAnswers: 0, retention: null, predictedRecall: null, cards: 0 }],
      [{ ...week, reviews: 6, reviewAnswers: 4, retention: 0.5, predictedRecall: 0.7, cards: 5 }],
    ]);
    expect(combined[0]).toMatchObject({ reviews: 12, reviewAnswers: 8, retention: 5 / 8, cards: 8 });
    expect(combined[0]?.predictedRecall).toBeCloseTo(0.8);
  });
});
