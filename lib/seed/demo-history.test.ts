import { describe, expect, it } from "vitest";
import { DEFAULT_LEARNER_SETTINGS, replay } from "../srs";
import { demoHistory } from "./demo-history";

const NOW = new Date(Date.UTC(2026, 2, 15, 9, 0, 0));
const cardIds = ["c1", "c2", "c3", "c4", "c5"];
const options = {
  cardIds,
  now: NOW,
  days: 14,
  seed: 7,
  settings: DEFAULT_LEARNER_SETTINGS,
  cardKey: (cardId: string) => `u1:${cardId}`,
};

describe("demoHistory", () => {
  it("answers every card in the past, in order, ending with a due date ahead", () => {
    const history = demoHistory(options);
    expect(history.map((card) => card.cardId)).toEqual(cardIds);
    for (const card of history) {
      expect(card.logs.length).toBeGreaterThan(0);
      const times = card.logs.map((log) => log.reviewedAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThan(NOW.getTime());
      expect(Math.min(...times)).toBeGreaterThan(NOW.getTime() - 15 * 86_400_000);
      expect(card.schedule.reps).toBe(card.logs.length);
      expect(card.schedule.lastReview?.getTime()).toBe(times.at(-1));
    }
  });

  it("is the same for the same seed, and its log replays to its state", () => {
    expect(demoHistory(options)).toEqual(demoHistory(options));
    for (const card of demoHistory(options)) {
      const replayed = replay(
        card.logs,
        card.logs[0]?.reviewedAt ?? NOW,
        DEFAULT_LEARNER_SETTINGS,
        options.cardKey(card.cardId),
      );
      expect(replayed).toEqual(card.schedule);
    }
  });
});
