import { describe, expect, it } from "vitest";
import { getDeckProgress } from "@/lib/data/dashboard";
import {
  choosePreset,
  deckLimitsByLearner,
  deletePreset,
  listPresets,
  savePreset,
} from "@/lib/data/deck-presets";
import { recordReview } from "@/lib/data/reviews";
import { getStudySession } from "@/lib/data/study";
import { getWorkloadInput } from "@/lib/data/workload";
import { databaseUrl, providerOf } from "@/lib/database-url";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { statementsSent } from "@/lib/query/statement-count";
import { createDeck, createLearner, key } from "./fixtures";

const NOW = new Date(Date.UTC(2026, 2, 1, 15, 0, 0));
const DAY = 86_400_000;

const preset = (name: string, extra: Partial<Parameters<typeof savePreset>[1]> = {}) => ({
  presetId: null,
  name,
  newPerDay: 3,
  maxReviewsPerDay: 2,
  desiredRetention: 0.8,
  learningSteps: ["7m" as const],
  relearningSteps: [],
  ...extra,
});

async function dueReviews(userId: string, cardIds: string[]) {
  await db.cardState.createMany({
    data: cardIds.map((cardId) => ({
      userId,
      cardId,
      state: "review",
      due: new Date(NOW.getTime() - 3_600_000),
      stability: 5,
      difficulty: 5,
      reps: 3,
      lapses: 0,
      learningSteps: 0,
      scheduledDays: 5,
      lastReview: new Date(NOW.getTime() - 5 * DAY),
      version: 3,
    })),
  });
}

const session = (userId: string, deck: string) => getStudySession(userId, { deck, cardIds: null }, NOW);

describe("deck presets", () => {
  it("the workload simulator takes a preset deck's retention and new cards a day, under the all-decks limit", async () => {
    const user = await createLearner();
    await db.studySettings.update({
      where: { userId: user.id },
      data: { newPerDay: 10, newPerDayTotal: 5, maxReviewsPerDay: 200 },
    });
    const paced = await createDeck("workload-preset", 6);
    const plain = await createDeck("workload-plain", 4);
    await dueReviews(user.id, [paced[0]!, plain[0]!]);
    const slow = await savePreset(user.id, preset("Slow", { newPerDay: 2, desiredRetention: 0.8 }));
    await choosePreset(user.id, "workload-preset", slow);
    const input = await getWorkloadInput(user.id, NOW);
    // This file's database has other decks too: only these two are looked at.
    expect(input.presets).toEqual([{ newCards: 5, newPerDay: 2, newToday: 2, retention: 0.8 }]);
    expect(input.newPerDayTotal).toBe(5);
    expect(input.cards.filter((card) => card.retention === 0.8)).toHaveLength(1);
    expect(input.cards.filter((card) => card.retention === undefined).length).toBeGreaterThanOrEqual(1);

    // A preset asking for more than the all-decks limit gets the limit.
    await savePreset(user.id, {
      ...preset("Slow", { newPerDay: 50, desiredRetention: 0.8 }),
      presetId: slow,
    });
    expect((await getWorkloadInput(user.id, NOW)).presets?.[0]?.newPerDay).toBe(5);

    // What the trainer's on-track reads for many clients at once.
    const other = await createLearner();
    const limits = await deckLimitsByLearner([user.id, other.id]);
    expect(limits.get(user.id)?.get("workload-preset")).toEqual({ newPerDay: 50, maxReviewsPerDay: 2 });
    expect(limits.has(other.id)).toBe(false);
  });

  it("a deck without a preset keeps the learner's own per-deck limit (nothing to migrate, nothing lost)", async () => {
    const user = await createLearner();
    await db.studySettings.update({ where: { userId: user.id }, data: { newPerDay: 4 } });
    await createDeck("plain", 10);
    expect((await session(user.id, "plain")).counts.new).toBe(4);
  });

  it("a preset sets a deck's new cards and reviews a day, within the learner's limits", async () => {
    const user = await createLearner();
    await db.studySettings.update({
      where: { userId: user.id },
      data: { newPerDay: 10, newPerDayTotal: 5, maxReviewsPerDay: 200 },
    });
    const ids = await createDeck("preset-limits", 12);
    await dueReviews(user.id, ids.slice(0, 4));
    const small = await savePreset(user.id, preset("Small"));
    await choosePreset(user.id, "preset-limits", small);
    let data = await session(user.id, "preset-limits");
    expect(data.counts).toMatchObject({ new: 3, review: 2 });
    const deck = (await getDeckProgress(user.id, NOW)).decks.find((d) => d.slug === "preset-limits");
    expect(deck).toMatchObject({ newAvailable: 3, due: 2 });

    // The ceiling: a preset asking for 50 new cards a day gets the learner's all-decks 5.
    await savePreset(user.id, {
      ...preset("Small", { newPerDay: 50, maxReviewsPerDay: 1000 }),
      presetId: small,
    });
    data = await session(user.id, "preset-limits");
    expect(data.counts).toMatchObject({ new: 5, review: 4 });

    // Back to Default: the learner's own per-deck limit (10; the deck has 8 new cards left).
    await choosePreset(user.id, "preset-limits", null);
    expect((await session(user.id, "preset-limits")).counts.new).toBe(8);
  });

  it("a deck's reviews today count against its preset's review limit", async () => {
    const user = await createLearner();
    const ids = await createDeck("preset-reviews", 5);
    await dueReviews(user.id, ids);
    await choosePreset(
      user.id,
      "preset-reviews",
      await savePreset(user.id, preset("Three", { maxReviewsPerDay: 3 })),
    );
    await recordReview(
      user.id,
      {
        idempotencyKey: key(),
        cardId: ids[0]!,
        rating: 3,
        expectedVersion: 3,
        answeredAt: NOW.getTime(),
        durationMs: 900,
      },
      NOW,
    );
    expect((await session(user.id, "preset-reviews")).counts.review).toBe(2);
  });

  it("schedules a card with its home deck's preset, on the server and in the session data", async () => {
    const user = await createLearner();
    const [cardId] = await createDeck("preset-steps", 1);
    await choosePreset(user.id, "preset-steps", await savePreset(user.id, preset("Slow steps")));
    const data = await session(user.id, "preset-steps");
    expect(data.cards[0]?.options).toEqual({
      desiredRetention: 0.8,
      learningSteps: ["7m"],
      relearningSteps: [],
    });
    const before = statementsSent();
    const result = await recordReview(
      user.id,
      {
        idempotencyKey: key(),
        cardId: cardId!,
        rating: 1,
        expectedVersion: 0,
        answeredAt: NOW.getTime(),
        durationMs: 900,
      },
      NOW,
    );
    expect(result.schedule.due.getTime() - NOW.getTime()).toBe(7 * 60_000);
    // The preset comes with the review's one read: as many statements as any review (issue 18).
    expect(statementsSent() - before).toBe(providerOf(databaseUrl()) === "sqlite" ? 5 : 2);
  });

  it("keeps presets to their owner and names unique", async () => {
    const [owner, other] = [await createLearner("Owner"), await createLearner("Other")];
    await createDeck("preset-owned", 1);
    const id = await savePreset(owner.id, preset("Mine"));
    await expect(savePreset(owner.id, preset("Mine"))).rejects.toThrow(ValidationError);
    await expect(choosePreset(other.id, "preset-owned", id)).rejects.toThrow(NotFoundError);
    await expect(savePreset(other.id, { ...preset("Taken"), presetId: id })).rejects.toThrow(NotFoundError);
    await expect(deletePreset(other.id, id)).rejects.toThrow(NotFoundError);
    await expect(choosePreset(owner.id, "no-such-deck", id)).rejects.toThrow(NotFoundError);
    expect((await listPresets(owner.id)).map((p) => p.name)).toEqual(["Mine"]);
    await choosePreset(owner.id, "preset-owned", id);
    await deletePreset(owner.id, id);
    expect(await db.deckPresetDeck.count({ where: { userId: owner.id } })).toBe(0);
  });
});
