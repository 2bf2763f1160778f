import { describe, expect, it } from "vitest";
import { getStudySession } from "@/lib/data/study";
import { db } from "@/lib/db";
import { buildQueue, DEFAULT_LEARNER_SETTINGS } from "@/lib/srs";
import type { SrsState } from "@/lib/srs/types";
import { createDeck, createLearner } from "./fixtures";

// Learners use UTC with the day rolling over at 04:00: this is mid-afternoon of 1 March.
const NOW = new Date(Date.UTC(2026, 2, 1, 15, 0, 0));
const DAY = 86_400_000;

type Review = { cardId: string; stability: number; lastReview: Date; due: Date; suspended?: boolean };

async function reviews(userId: string, rows: Review[]) {
  await db.cardState.createMany({
    data: rows.map((row) => ({
      userId,
      state: "review",
      difficulty: 5,
      reps: 3,
      lapses: 0,
      learningSteps: 0,
      scheduledDays: 5,
      version: 3,
      ...row,
    })),
  });
}

/** The queue lib/srs builds from every due review the learner has, as the session read them before the window. */
async function fromEveryDueReview(userId: string, maxReviewsPerDay: number) {
  const rows = await db.cardState.findMany({ where: { userId, suspended: false } });
  const cards = rows.map((row) => ({
    cardId: row.cardId,
    schedule: { ...row, state: row.state as SrsState },
  }));
  const settings = { ...DEFAULT_LEARNER_SETTINGS, enableFuzz: false, maxReviewsPerDay, newPerDay: 0 };
  return buildQueue(cards, NOW, settings, { newIntroduced: 0, reviewsDone: 0 }).cards.map((c) => c.cardId);
}

const session = async (userId: string, deck: string) =>
  (await getStudySession(userId, { deck, cardIds: null }, NOW)).cards.map((card) => card.cardId);

describe("the study queue's reviews and new cards", () => {
  it("takes the least remembered due reviews, counting whole days as ts-fsrs does", async () => {
    const user = await createLearner();
    await db.studySettings.update({
      where: { userId: user.id },
      data: { maxReviewsPerDay: 10, newPerDay: 0 },
    });
    const ids = await createDeck("window", 150);
    // Fractions of a day differ from card to card, so ordering by continuous days would pick others.
    await reviews(
      user.id,
      ids.map((cardId, i) => ({
        cardId,
        stability: 1 + ((i * 37) % 23),
        lastReview: new Date(NOW.getTime() - (3 + ((i * 13) % 7)) * DAY - ((i * 7919) % 1000) * 86_000),
        due: new Date(NOW.getTime() - 3_600_000 - i * 60_000),
        // The least remembered card of all is suspended: it stays out.
        suspended: i === 0,
      })),
    );
    const expected = await fromEveryDueReview(user.id, 10);
    expect(expected).toHaveLength(10);
    expect(expected).not.toContain(ids[0]);
    expect(await session(user.id, "window")).toEqual(expected);
  });

  it("breaks ties of recall by due date even past the window it reads first", async () => {
    const user = await createLearner();
    await db.studySettings.update({
      where: { userId: user.id },
      data: { maxReviewsPerDay: 10, newPerDay: 0 },
    });
    const ids = await createDeck("ties", 150);
    // Every card equally remembered (ts-fsrs rounds stability to 8 decimals): the ten due first win.
    // Their stability is a hair larger, so the database's ratio puts them last of all.
    await reviews(
      user.id,
      ids.map((cardId, i) => ({
        cardId,
        stability: i < 10 ? 5.000000001 : 5,
        lastReview: new Date(NOW.getTime() - 6 * DAY),
        due: new Date(NOW.getTime() - (150 - i) * 60_000),
      })),
    );
    const expected = await fromEveryDueReview(user.id, 10);
    expect(expected).toEqual(ids.slice(0, 10));
    expect(await session(user.id, "ties")).toEqual(expected);
  });

  it("finds the few new cards left in a deck nearly done, and the first ones of a deck barely begun", async () => {
    const user = await createLearner();
    await db.studySettings.update({
      where: { userId: user.id },
      data: { newPerDay: 4, maxReviewsPerDay: 0 },
    });
    const ids = await createDeck("nearly", 450);
    const left = new Set([ids[3], ids[200], ids[201], ids[449]]);
    const later = {
      stability: 30,
      lastReview: new Date(NOW.getTime() - DAY),
      due: new Date(NOW.getTime() + 29 * DAY),
    };
    await reviews(
      user.id,
      ids.filter((id) => !left.has(id)).map((cardId) => ({ cardId, ...later })),
    );
    // A card still new with a state row (marked once) counts as new; a suspended one does not.
    await db.cardState.deleteMany({ where: { userId: user.id, cardId: { in: [ids[10]!, ids[11]!] } } });
    await db.cardState.createMany({
      data: [ids[10]!, ids[11]!].map((cardId, i) => ({
        userId: user.id,
        cardId,
        state: "new",
        due: NOW,
        stability: 0,
        difficulty: 0,
        reps: 0,
        lapses: 0,
        learningSteps: 0,
        scheduledDays: 0,
        suspended: i === 1,
      })),
    });
    expect(await session(user.id, "nearly")).toEqual([ids[3], ids[10], ids[200], ids[201]]);

    const begun = await createLearner();
    await db.studySettings.update({
      where: { userId: begun.id },
      data: { newPerDay: 4, maxReviewsPerDay: 0 },
    });
    await reviews(
      begun.id,
      [ids[0]!, ids[2]!].map((cardId) => ({ cardId, ...later })),
    );
    expect(await session(begun.id, "nearly")).toEqual([ids[1], ids[3], ids[4], ids[5]]);
  });
});
