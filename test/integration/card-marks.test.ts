import { describe, expect, it } from "vitest";
import { markCard } from "@/lib/data/card-marks";
import { getDeckProgress } from "@/lib/data/dashboard";
import { recordReview, undoReview } from "@/lib/data/reviews";
import { getStudySession } from "@/lib/data/study";
import { getClientsTable } from "@/lib/data/trainer/dashboard";
import { getWorkloadInput } from "@/lib/data/workload";
import { databaseUrl, providerOf } from "@/lib/database-url";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { statementsSent } from "@/lib/query/statement-count";
import { createDeck, createLearner, key } from "./fixtures";

// Learners use UTC with the day rolling over at 04:00: this is mid-afternoon of 1 March.
const NOW = new Date(Date.UTC(2026, 2, 1, 15, 0, 0));
const DAY = 86_400_000;

/** A card learned long ago and due an hour ago: a review due now, with `lapses` lapses so far. */
async function dueReview(userId: string, cardId: string, lapses = 0) {
  await db.cardState.create({
    data: {
      userId,
      cardId,
      state: "review",
      due: new Date(NOW.getTime() - 3_600_000),
      stability: 5,
      difficulty: 5,
      reps: lapses + 3,
      lapses,
      learningSteps: 0,
      scheduledDays: 5,
      lastReview: new Date(NOW.getTime() - 5 * DAY),
      version: 3,
      introducedAt: new Date(NOW.getTime() - 30 * DAY),
    },
  });
}

/** The card ids a session of one deck would queue (each test has its own deck in this file's database). */
const queued = async (userId: string, deck: string, at = NOW) =>
  (await getStudySession(userId, { deck, cardIds: null }, at)).cards.map((card) => card.cardId).sort();

describe("suspending and burying cards", () => {
  it("a suspended new card leaves the queue, the deck's count and its new cards until unsuspended", async () => {
    const user = await createLearner();
    const ids = await createDeck("susp-new", 3);
    await markCard(user.id, ids[0]!, { suspended: true }, NOW);
    expect(await queued(user.id, "susp-new")).toEqual([ids[1], ids[2]]);
    const deck = (await getDeckProgress(user.id, NOW)).decks.find((d) => d.slug === "susp-new");
    expect(deck).toMatchObject({ cardCount: 2, newAvailable: 2, introduced: 0 });
    expect((await getWorkloadInput(user.id, NOW)).newCards).toBe(2);
    // The mark made a "new" row with version 0: the card is still a new card to the study page.
    const row = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.id, cardId: ids[0]! } },
    });
    expect(row).toMatchObject({ state: "new", version: 0, suspended: true });

    await markCard(user.id, ids[0]!, { suspended: false }, NOW);
    expect(await queued(user.id, "susp-new")).toEqual(ids);
    expect((await getDeckProgress(user.id, NOW)).decks.find((d) => d.slug === "susp-new")).toMatchObject({
      cardCount: 3,
      newAvailable: 3,
    });
  });

  it("a suspended due review counts in no due number: queue, dashboard, workload forecast", async () => {
    const user = await createLearner();
    const ids = await createDeck("susp-due", 2);
    await dueReview(user.id, ids[0]!);
    await dueReview(user.id, ids[1]!);
    await markCard(user.id, ids[0]!, { suspended: true }, NOW);
    expect(await queued(user.id, "susp-due")).toEqual([ids[1]]);
    const progress = await getDeckProgress(user.id, NOW);
    expect(progress.totalDue).toBe(1);
    expect(progress.decks.find((d) => d.slug === "susp-due")).toMatchObject({
      due: 1,
      introduced: 1,
      cardCount: 1,
    });
    const workload = await getWorkloadInput(user.id, NOW);
    expect(workload.introduced).toBe(1);
    // Suspending changes no schedule: the version an open study tab holds stays valid.
    const row = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.id, cardId: ids[0]! } },
    });
    expect(row.version).toBe(3);
  });

  it("a buried card is gone for the rest of the study day and back when the next one begins", async () => {
    const user = await createLearner();
    const ids = await createDeck("bury", 2);
    await dueReview(user.id, ids[0]!);
    const marks = await markCard(user.id, ids[0]!, { buried: true }, NOW);
    expect(marks.buriedUntil?.toISOString()).toBe("2026-03-02T04:00:00.000Z");
    expect(await queued(user.id, "bury")).toEqual([ids[1]]);
    expect((await getDeckProgress(user.id, NOW)).totalDue).toBe(0);
    const nextDay = new Date(Date.UTC(2026, 2, 2, 4, 0, 1));
    expect(await queued(user.id, "bury", nextDay)).toEqual(ids);
    expect((await getDeckProgress(user.id, nextDay)).totalDue).toBe(1);
  });

  it("flags a card and keeps the flag through answers", async () => {
    const user = await createLearner();
    const [cardId] = await createDeck("flag", 1);
    await markCard(user.id, cardId!, { flag: 2 }, NOW);
    await recordReview(
      user.id,
      {
        idempotencyKey: key(),
        cardId: cardId!,
        rating: 3,
        expectedVersion: 0,
        answeredAt: NOW.getTime(),
        durationMs: 900,
      },
      NOW,
    );
    const row = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.id, cardId: cardId! } },
    });
    expect(row).toMatchObject({ flag: 2, state: "learning", version: 1 });
  });

  it("refuses another learner's personal card and writes nothing", async () => {
    const [owner, other] = [await createLearner("Owner"), await createLearner("Other")];
    await db.deck.create({
      data: { slug: "mine", title: "Mine", description: "", position: 9, ownerId: owner.id },
    });
    await db.card.create({
      data: {
        id: "mine-1",
        deckSlug: "mine",
        kind: "basic",
        front: "f",
        back: "b",
        evidence: "background",
        sources: "[]",
        position: 0,
      },
    });
    await expect(markCard(other.id, "mine-1", { suspended: true }, NOW)).rejects.toThrow(NotFoundError);
    await expect(markCard(other.id, "no-such-card", { flag: 1 }, NOW)).rejects.toThrow(NotFoundError);
    expect(await db.cardState.count({ where: { userId: other.id } })).toBe(0);
  });
});

describe("leeches", () => {
  const again = (userId: string, cardId: string) =>
    recordReview(
      userId,
      {
        idempotencyKey: key(),
        cardId,
        rating: 1,
        expectedVersion: 3,
        answeredAt: NOW.getTime(),
        durationMs: 900,
      },
      NOW,
    );

  it("the eighth lapse tags the card a leech and suspends it", async () => {
    const user = await createLearner();
    const [seven, six] = await createDeck("leech", 2);
    await dueReview(user.id, seven!, 7);
    await dueReview(user.id, six!, 6);
    await again(user.id, seven!);
    await again(user.id, six!);
    const rows = await db.cardState.findMany({ where: { userId: user.id }, orderBy: { cardId: "asc" } });
    expect(rows.map((r) => [r.cardId, r.lapses, r.leech, r.suspended])).toEqual([
      [seven, 8, true, true],
      [six, 7, false, false],
    ]);
    expect(await queued(user.id, "leech", new Date(NOW.getTime() + DAY))).toEqual([six]);
  });

  it("marks the leech in the answer's own write: no statement more than any review", async () => {
    const user = await createLearner();
    const [warm, leech] = await createDeck("leech-count", 2);
    await dueReview(user.id, warm!, 0);
    await dueReview(user.id, leech!, 7);
    await again(user.id, warm!);
    const before = statementsSent();
    await again(user.id, leech!);
    // PostgreSQL: the read and the write; SQLite: BEGIN IMMEDIATE, the read, the log, the state, COMMIT.
    expect(statementsSent() - before).toBe(providerOf(databaseUrl()) === "sqlite" ? 5 : 2);
    const row = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.id, cardId: leech! } },
    });
    expect(row).toMatchObject({ lapses: 8, leech: true, suspended: true, version: 4 });
  });

  it("undoing the answer that made a card a leech takes its tag and suspension back off", async () => {
    const user = await createLearner();
    const [first, again8] = await createDeck("leech-undo", 2);
    await dueReview(user.id, first!, 7);
    const answer = key();
    await recordReview(
      user.id,
      {
        idempotencyKey: answer,
        cardId: first!,
        rating: 1,
        expectedVersion: 3,
        answeredAt: NOW.getTime(),
        durationMs: 900,
      },
      NOW,
    );
    await undoReview(user.id, answer, NOW);
    const row = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.id, cardId: first! } },
    });
    expect(row).toMatchObject({ lapses: 7, leech: false, suspended: false, version: 5 });
    expect(await queued(user.id, "leech-undo")).toEqual([first, again8].sort());

    // A card tagged by an earlier lapse and unsuspended by the learner: undo keeps the old tag.
    await dueReview(user.id, again8!, 11);
    await db.cardState.update({
      where: { userId_cardId: { userId: user.id, cardId: again8! } },
      data: { leech: true },
    });
    const twelfth = key();
    await recordReview(
      user.id,
      {
        idempotencyKey: twelfth,
        cardId: again8!,
        rating: 1,
        expectedVersion: 3,
        answeredAt: NOW.getTime(),
        durationMs: 900,
      },
      NOW,
    );
    expect(
      await db.cardState.findUniqueOrThrow({
        where: { userId_cardId: { userId: user.id, cardId: again8! } },
      }),
    ).toMatchObject({ lapses: 12, leech: true, suspended: true });
    await undoReview(user.id, twelfth, NOW);
    expect(
      await db.cardState.findUniqueOrThrow({
        where: { userId_cardId: { userId: user.id, cardId: again8! } },
      }),
    ).toMatchObject({ lapses: 11, leech: true, suspended: false });
  });

  it("tags only, when the learner chose that, at their own threshold", async () => {
    const user = await createLearner();
    await db.studySettings.update({
      where: { userId: user.id },
      data: { leechThreshold: 3, leechAction: "tag" },
    });
    const [cardId] = await createDeck("leech-tag", 1);
    await dueReview(user.id, cardId!, 2);
    await again(user.id, cardId!);
    const row = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.id, cardId: cardId! } },
    });
    expect(row).toMatchObject({ lapses: 3, leech: true, suspended: false });
  });
});

describe("trainer progress", () => {
  it("leaves a client's suspended cards out of the deck's size and the due counts", async () => {
    const trainer = await createLearner("Trainer");
    await db.user.update({ where: { id: trainer.id }, data: { role: "trainer" } });
    const client = await createLearner("Client");
    const ids = await createDeck("coached", 4);
    await db.trainerClient.create({
      data: { trainerId: trainer.id, clientId: client.id, linkedAt: new Date(NOW.getTime() - 9 * DAY) },
    });
    await db.assignment.create({
      data: {
        trainerId: trainer.id,
        clientId: client.id,
        deckSlug: "coached",
        goal: "all-introduced",
        createdAt: new Date(NOW.getTime() - 9 * DAY),
      },
    });
    for (const id of ids.slice(0, 3)) await dueReview(client.id, id);
    const before = (await getClientsTable(trainer.id, NOW)).rows[0]!;
    expect(before.dueNow).toBe(3);
    expect(before.assignments[0]).toMatchObject({ cards: 4, introduced: 3 });

    await markCard(client.id, ids[0]!, { suspended: true }, NOW);
    await markCard(client.id, ids[3]!, { suspended: true }, NOW);
    const after = (await getClientsTable(trainer.id, NOW)).rows[0]!;
    expect(after.dueNow).toBe(2);
    expect(after.assignments[0]).toMatchObject({ cards: 2, introduced: 2 });
  });
});

describe("typed quiz cards", () => {
  it("draws learned cards first, never suspended ones, and only from a deck the learner can study", async () => {
    const { typedQuizCards } = await import("@/lib/data/typed-quiz");
    const user = await createLearner();
    const ids = await createDeck("typed", 6);
    await dueReview(user.id, ids[4]!);
    await markCard(user.id, ids[5]!, { suspended: true }, NOW);
    let seed = 0.37;
    const random = () => {
      seed = (seed * 9301 + 0.49297) % 1;
      return seed;
    };
    const drawn = await typedQuizCards(user.id, "typed", random, 3);
    expect(drawn).toHaveLength(3);
    expect(drawn[0]).toBe(ids[4]);
    expect(drawn).not.toContain(ids[5]);
    expect((await typedQuizCards(user.id, "typed", random, 10)).sort()).toEqual(ids.slice(0, 5).sort());
    await expect(typedQuizCards(user.id, "no-such-deck", random)).rejects.toThrow(NotFoundError);
  });
});
