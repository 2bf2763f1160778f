import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LEARNER_SETTINGS } from "@/lib/srs";
import { simulateLearner } from "@/lib/srs/synthetic-learner";
import { type TrainingItem, type TrainingLog, trainingSet } from "@/lib/srs/training";
import { unpackItems } from "./packed-items.mjs";
import { pack } from "./run-optimizer";

const unpack = (items: readonly TrainingItem[]) =>
  unpackItems(
    pack(items),
    (rating, deltaT) => ({ rating, deltaT }),
    (reviews) => reviews,
  );

describe("pack", () => {
  it("sends each card's history once and gets every item back", () => {
    const cards = simulateLearner({
      trueWeights: default_w,
      settings: DEFAULT_LEARNER_SETTINGS,
      cards: 30,
      answersPerCard: 8,
      now: new Date(Date.UTC(2026, 10, 24)),
      seed: 3,
      cardKey: (i) => `u:${i}`,
    });
    const logs: TrainingLog[] = cards.flatMap((card, i) =>
      card.logs.map((log) => ({
        cardId: `c${i}`,
        rating: log.rating,
        reviewedAt: log.reviewedAt,
        origin: "study" as const,
        stateBefore: log.stateBefore,
      })),
    );
    const { items } = trainingSet(logs, { timeZone: "Europe/Berlin", dayRolloverHour: 4 });
    const packed = pack(items);
    expect(packed.historyEnds.length).toBeLessThanOrEqual(30);
    expect(packed.ratings.length).toBeLessThanOrEqual(30 * 8);
    expect(unpack(items)).toEqual(items.map((item) => item.map((r) => ({ ...r }))));
  });

  it("keeps apart items that only look alike", () => {
    const a: TrainingItem = [
      { rating: 3, deltaT: 0 },
      { rating: 3, deltaT: 2 },
    ];
    // Equal reviews, but other objects: another card's history.
    const b: TrainingItem = [
      { rating: 3, deltaT: 0 },
      { rating: 3, deltaT: 2 },
      { rating: 1, deltaT: 5 },
    ];
    const c: TrainingItem = [
      { rating: 4, deltaT: 0 },
      { rating: 3, deltaT: 9 },
    ];
    const items = [a, b, c];
    expect(pack(items).historyEnds.length).toBe(3);
    expect(unpack(items)).toEqual(items);
  });
});
