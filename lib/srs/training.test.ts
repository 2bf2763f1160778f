import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { studyDayKey } from "./study-day";
import {
  MIN_TRAINING_ITEMS,
  MIN_TRAINING_REVIEWS,
  type TrainingLog,
  trainingReadiness,
  trainingSet,
} from "./training";
import type { ReviewRating } from "./types";

const UTC = { timeZone: "UTC", dayRolloverHour: 0 };
const BERLIN = { timeZone: "Europe/Berlin", dayRolloverHour: 4 };

/** A card's answers at these instants; the first is from "new", the rest from "review". */
function card(cardId: string, answers: [string, ReviewRating, ("study" | "quiz")?][]): TrainingLog[] {
  return answers.map(([iso, rating, origin = "study"], i) => ({
    cardId,
    rating,
    reviewedAt: new Date(iso),
    origin,
    stateBefore: i === 0 ? "new" : "review",
  }));
}

/** The days between a card's answers: a review a month after the last one makes the full history an item. */
function deltas(logs: TrainingLog[], clock = UTC) {
  const last = logs.at(-1) as TrainingLog;
  const later = {
    ...last,
    stateBefore: "review" as const,
    reviewedAt: new Date(last.reviewedAt.getTime() + 30 * 86_400_000),
  };
  return trainingSet([...logs, later], clock)
    .items.at(-1)
    ?.slice(0, -1)
    .map((review) => review.deltaT);
}

describe("trainingSet", () => {
  it("builds one item per review on a later day than the card's previous one", () => {
    const set = trainingSet(
      card("a", [
        ["2026-03-01T10:00:00Z", 3],
        ["2026-03-01T10:10:00Z", 3],
        ["2026-03-03T09:00:00Z", 3],
        ["2026-03-13T20:00:00Z", 1],
      ]),
      UTC,
    );
    // The second review is on the same day: it stays in the history but predicts nothing itself.
    expect(set.items).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 2 },
      ],
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 2 },
        { rating: 1, deltaT: 10 },
      ],
    ]);
    expect(set.reviewCount).toBe(4);
    expect(set.cardCount).toBe(1);
  });

  it("orders each card's answers by time whatever order they arrive in", () => {
    const logs = card("a", [
      ["2026-03-01T10:00:00Z", 3],
      ["2026-03-04T10:00:00Z", 3],
      ["2026-03-09T10:00:00Z", 2],
    ]);
    expect(deltas([logs[2]!, logs[0]!, logs[1]!])).toEqual([0, 3, 5]);
  });

  it("counts study days with the rollover hour: 22:00 and 01:00 the next night are one day", () => {
    const logs = card("a", [
      ["2026-03-01T21:00:00Z", 3], // 22:00 CET on the 1st
      ["2026-03-02T00:00:00Z", 3], // 01:00 CET on the 2nd: still the study day of the 1st
      ["2026-03-02T04:00:00Z", 3], // 05:00 CET on the 2nd: the next study day
    ]);
    expect(deltas(logs, BERLIN)).toEqual([0, 0, 1]);
    // In UTC with a midnight rollover, the first two are on different days.
    expect(deltas(logs, UTC)).toEqual([0, 1, 0]);
  });

  it("counts one day across the 23-hour day when clocks go forward (Berlin, 2026-03-29)", () => {
    const logs = card("a", [
      ["2026-03-28T21:00:00Z", 3], // 22:00 CET on the 28th
      ["2026-03-29T01:30:00Z", 3], // 03:30 CEST on the 29th: still the study day of the 28th
      ["2026-03-29T20:00:00Z", 3], // 22:00 CEST on the 29th, 23 hours after the first
    ]);
    expect(deltas(logs, BERLIN)).toEqual([0, 0, 1]);
  });

  it("counts one day across the 25-hour day when clocks go back (Berlin, 2026-10-25)", () => {
    const logs = card("a", [
      ["2026-10-24T18:00:00Z", 3], // 20:00 CEST on the 24th
      ["2026-10-25T19:00:00Z", 3], // 20:00 CET on the 25th, 25 hours later
      ["2026-10-26T02:30:00Z", 3], // 03:30 CET on the 26th: still the study day of the 25th
    ]);
    expect(deltas(logs, BERLIN)).toEqual([0, 1, 0]);
  });

  it("follows the learner's time zone, not UTC", () => {
    const logs = card("a", [
      ["2026-03-02T03:00:00Z", 3], // 22:00 EST on March 1st
      ["2026-03-02T15:00:00Z", 3], // 10:00 EST on March 2nd
    ]);
    expect(deltas(logs, { timeZone: "America/New_York", dayRolloverHour: 0 })).toEqual([0, 1]);
    expect(deltas(logs, UTC)).toEqual([0, 0]);
    // Same UTC day: nothing to predict yet.
    expect(trainingSet(logs, UTC).items).toEqual([]);
  });

  it("includes quiz answers by default and can leave them out", () => {
    const logs = [
      ...card("a", [
        ["2026-03-01T10:00:00Z", 3],
        ["2026-03-03T10:00:00Z", 1, "quiz"],
        ["2026-03-06T10:00:00Z", 3],
      ]),
      // This card's first answer was a quiz answer.
      ...card("b", [
        ["2026-03-01T10:00:00Z", 3, "quiz"],
        ["2026-03-05T10:00:00Z", 3],
      ]),
    ];
    const all = trainingSet(logs, UTC);
    expect(all.reviewCount).toBe(5);
    expect(all.cardCount).toBe(2);
    expect(all.items).toHaveLength(3);

    const studyOnly = trainingSet(logs, UTC, { includeQuiz: false });
    // Card b lost its first answer, so its history has no beginning and is left out.
    expect(studyOnly.cardCount).toBe(1);
    expect(studyOnly.reviewCount).toBe(2);
    expect(studyOnly.items).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 5 },
      ],
    ]);
  });

  it("starts a card's history at its last answer from the new state", () => {
    const logs: TrainingLog[] = [
      ...card("a", [
        ["2026-03-01T10:00:00Z", 1],
        ["2026-03-02T10:00:00Z", 1],
      ]),
      { ...card("a", [["2026-04-01T10:00:00Z", 4]])[0]!, stateBefore: "new" },
      ...card("a", [
        ["2026-04-01T10:00:00Z", 4],
        ["2026-04-20T10:00:00Z", 3],
      ]).slice(1),
    ];
    expect(trainingSet(logs, UTC).items).toEqual([
      [
        { rating: 4, deltaT: 0 },
        { rating: 3, deltaT: 19 },
      ],
    ]);
  });

  it("starts every item at 0 days, ends it on a later day, never counts backwards (property)", () => {
    const answer = fc.record({
      card: fc.constantFrom("a", "b", "c"),
      at: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
      rating: fc.constantFrom<ReviewRating>(1, 2, 3, 4),
      quiz: fc.boolean(),
    });
    const zone = fc.constantFrom(
      "UTC",
      "Europe/Berlin",
      "America/New_York",
      "Australia/Lord_Howe",
      "Africa/Casablanca",
      "America/Santiago",
      "Asia/Kolkata",
      "Pacific/Chatham",
    );
    fc.assert(
      fc.property(
        fc.array(answer, { maxLength: 40 }),
        zone,
        fc.integer({ min: 0, max: 23 }),
        (raw, tz, hour) => {
          const firsts = new Set<string>();
          const sorted = [...raw].sort((a, b) => a.at - b.at);
          const logs: TrainingLog[] = sorted.map((a) => {
            const stateBefore = firsts.has(a.card) ? "review" : "new";
            firsts.add(a.card);
            return {
              cardId: a.card,
              rating: a.rating,
              reviewedAt: new Date(a.at),
              origin: a.quiz ? "quiz" : "study",
              stateBefore,
            };
          });
          const clock = { timeZone: tz, dayRolloverHour: hour };
          const set = trainingSet(logs, clock);
          expect(set.reviewCount).toBe(logs.length);
          for (const item of set.items) {
            expect(item[0]?.deltaT).toBe(0);
            expect(item.length).toBeGreaterThan(1);
            expect(item.at(-1)?.deltaT).toBeGreaterThan(0);
            expect(item.every((r) => Number.isInteger(r.deltaT) && r.deltaT >= 0)).toBe(true);
          }
          // The days of a card's full history add up to the study days between its first and last answer.
          for (const id of firsts) {
            const own = logs.filter((l) => l.cardId === id);
            const longest = trainingSet(own, clock).items.at(-1);
            if (longest?.length !== own.length) continue;
            const dayNumber = (d: Date) => Date.parse(studyDayKey(d, tz, hour)) / 86_400_000;
            const span = dayNumber(own.at(-1)!.reviewedAt) - dayNumber(own[0]!.reviewedAt);
            expect(longest.reduce((sum, r) => sum + r.deltaT, 0)).toBe(span);
          }
        },
      ),
    );
  });
  it("counts the same study days as studyDayKey, in any zone and across DST (property)", () => {
    const zone = fc.constantFrom(
      "Europe/Berlin",
      "America/New_York",
      "Australia/Lord_Howe",
      "Africa/Casablanca",
      "America/Santiago",
      "Pacific/Chatham",
      "Asia/Tehran",
    );
    const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) });
    const gap = fc.integer({ min: 1, max: 40 * 86_400_000 });
    fc.assert(
      fc.property(zone, fc.integer({ min: 0, max: 23 }), instant, gap, (tz, hour, at, wait) => {
        const logs = card("a", [
          [new Date(at).toISOString(), 3],
          [new Date(at + wait).toISOString(), 3],
        ]);
        const day = (ms: number) => Date.parse(studyDayKey(new Date(ms), tz, hour)) / 86_400_000;
        const expected = day(at + wait) - day(at);
        const items = trainingSet(logs, { timeZone: tz, dayRolloverHour: hour }).items;
        expect(items.at(-1)?.at(-1)?.deltaT ?? 0).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("trainingReadiness", () => {
  const item = [
    { rating: 3, deltaT: 0 },
    { rating: 3, deltaT: 1 },
  ] as const;

  it("asks for enough reviews first, then enough repeated reviews", () => {
    expect(trainingReadiness({ reviewCount: MIN_TRAINING_REVIEWS - 1, items: [] })).toMatchObject({
      ready: false,
      reason: "few-reviews",
    });
    const fewRepeats = trainingReadiness({
      reviewCount: MIN_TRAINING_REVIEWS,
      items: Array(MIN_TRAINING_ITEMS - 1).fill(item),
    });
    expect(fewRepeats).toMatchObject({ ready: false, reason: "few-repeats" });
    expect(
      trainingReadiness({ reviewCount: MIN_TRAINING_REVIEWS, items: Array(MIN_TRAINING_ITEMS).fill(item) }),
    ).toEqual({ ready: true });
  });

  it("explains in words how many reviews there are and how many are needed", () => {
    const result = trainingReadiness({ reviewCount: 120, items: [] });
    expect(result.ready).toBe(false);
    if (!result.ready) expect(result.message).toMatch(/at least 400 reviews; there are 120/);
  });
});
