import { describe, expect, it } from "vitest";
import { buildQueue, type QueueCard } from "./queue";
import { retrievability } from "./retrievability";
import { newCardSchedule } from "./scheduler";
import { DAY, HISTORY_TO, HOUR, later, MINUTE, play, settingsWith, T0 } from "./test-support";
import type { CardSchedule } from "./types";

// 2026-03-01 12:00 UTC; with UTC and rollover 4, today ends 2026-03-02 04:00 UTC.
const NOW = T0;
const settings = settingsWith({ timeZone: "UTC", dayRolloverHour: 4, newPerDay: 3, maxReviewsPerDay: 4 });
const base = play(HISTORY_TO.review, settings).schedule;

const review = (cardId: string, due: Date, lastReview: Date, stability: number): QueueCard => ({
  cardId,
  schedule: { ...base, state: "review", due, lastReview, stability },
});
const learning = (cardId: string, due: Date, state: "learning" | "relearning" = "learning"): QueueCard => ({
  cardId,
  schedule: { ...base, state, due, lastReview: later(due, -10 * MINUTE) },
});
const fresh = (cardId: string): QueueCard => ({ cardId, schedule: newCardSchedule(later(NOW, -DAY)) });
const ids = (cards: readonly QueueCard[]) => cards.map((card) => card.cardId);

describe("buildQueue", () => {
  const cards: QueueCard[] = [
    fresh("n1"),
    review("r-fresh", later(NOW, -HOUR), later(NOW, -5 * DAY), 5),
    learning("l-late", later(NOW, -MINUTE)),
    review("r-old", later(NOW, -20 * DAY), later(NOW, -30 * DAY), 10),
    fresh("n2"),
    learning("l-early", later(NOW, -30 * MINUTE), "relearning"),
    review("r-tonight", later(NOW, 10 * HOUR), later(NOW, -3 * DAY), 3),
    review("r-tomorrow", later(NOW, 17 * HOUR), later(NOW, -3 * DAY), 3),
    learning("l-soon", later(NOW, 5 * MINUTE)),
    fresh("n3"),
    fresh("n4"),
  ];

  it("orders due learning by due time, then due reviews least-remembered first, then new cards in order", () => {
    const queue = buildQueue(cards, NOW, settings, { newIntroduced: 0, reviewsDone: 0 });
    const recall = (id: string) => {
      const card = cards.find((c) => c.cardId === id);
      if (!card) throw new Error(id);
      return retrievability(card.schedule, NOW, settings);
    };
    const reviewIds = ["r-fresh", "r-old", "r-tonight"].sort((a, b) => recall(a) - recall(b));
    expect(ids(queue.cards)).toEqual(["l-early", "l-late", ...reviewIds, "n1", "n2", "n3"]);
    expect(queue.counts).toEqual({ learning: 2, review: 3, new: 3 });
    expect(queue.nextLearningDue).toEqual(later(NOW, 5 * MINUTE));
  });

  it("counts a review due later today as due, one due after the rollover as not", () => {
    const queue = buildQueue(cards, NOW, settings, { newIntroduced: 0, reviewsDone: 0 });
    expect(ids(queue.cards)).toContain("r-tonight");
    expect(ids(queue.cards)).not.toContain("r-tomorrow");
    expect(ids(queue.cards)).not.toContain("l-soon");
  });

  it("applies what is left of today's limits, keeping the least-remembered reviews", () => {
    const queue = buildQueue(cards, NOW, settings, { newIntroduced: 2, reviewsDone: 3 });
    expect(queue.counts).toEqual({ learning: 2, review: 1, new: 1 });
    const all = buildQueue(cards, NOW, settings, { newIntroduced: 0, reviewsDone: 0 });
    expect(ids(queue.cards)).toEqual([...ids(all.cards).slice(0, 3), "n1"]);
  });

  it("never goes negative when more was done than the limits allow", () => {
    const queue = buildQueue(cards, NOW, settings, { newIntroduced: 10, reviewsDone: 10 });
    expect(queue.counts).toEqual({ learning: 2, review: 0, new: 0 });
  });

  it("handles 20,000 cards and keeps the caller's objects", () => {
    const many: (QueueCard & { extra: number })[] = Array.from({ length: 20_000 }, (_, i) => {
      const schedule: CardSchedule =
        i % 4 === 0
          ? newCardSchedule(NOW)
          : {
              ...base,
              due: later(NOW, ((i % 50) - 30) * DAY),
              lastReview: later(NOW, -(i % 90) * DAY - DAY),
            };
      return { cardId: `c${i}`, schedule, extra: i };
    });
    const queue = buildQueue(many, NOW, settingsWith({ maxReviewsPerDay: 5000 }), {
      newIntroduced: 0,
      reviewsDone: 0,
    });
    expect(queue.counts.review).toBe(5000);
    expect(queue.counts.new).toBe(10);
    expect(queue.cards[0]).toBe(many.find((card) => card.cardId === queue.cards[0]?.cardId));
    const recalls = queue.cards
      .slice(0, queue.counts.review)
      .map((card) => retrievability(card.schedule, NOW, settings));
    expect(recalls).toEqual([...recalls].sort((a, b) => a - b));
  });
});
