import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { errorResponse, STORAGE_UNAVAILABLE_MESSAGE } from "@/lib/api/respond";
import { cardKey, recordReview, StaleReviewError, undoReview } from "@/lib/data/reviews";
import { getStudySession } from "@/lib/data/study";
import { databaseUrl, providerOf } from "@/lib/database-url";
import { db } from "@/lib/db";
import { NotFoundError, UnauthorizedError } from "@/lib/errors";
import { statementsSent } from "@/lib/query/statement-count";
import { sqlite } from "@/lib/sqlite-connection";
import { DEFAULT_LEARNER_SETTINGS, newCardSchedule, type ReviewRating, rate, replay } from "@/lib/srs";
import { ANSWER_LATENESS_MS } from "@/lib/srs/answer-time";
import { classifyResponse } from "@/lib/study/outbox";
import { createDeck, createLearner, key } from "./fixtures";

const T0 = new Date(Date.UTC(2026, 2, 1, 12, 0, 0));
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const noFuzz = { ...DEFAULT_LEARNER_SETTINGS, enableFuzz: false };

const onSqlite = providerOf(databaseUrl()) === "sqlite";

function answer(cardId: string, rating: number, expectedVersion: number, at: Date, idempotencyKey = key()) {
  return { idempotencyKey, cardId, rating, expectedVersion, answeredAt: at.getTime(), durationMs: 1500 };
}

describe("recording a review", () => {
  it("writes one log row and the card's ts-fsrs schedule in one go", async () => {
    const user = await createLearner();
    const [cardId] = await createDeck("rec", 1);
    const result = await recordReview(user.id, answer(cardId!, 3, 0, T0), T0);
    const expected = rate(newCardSchedule(T0), 3, T0, noFuzz, cardKey(user.id, cardId!)).next;
    expect(result).toMatchObject({ status: "recorded", version: 1 });
    expect(result.schedule).toEqual(expected);
    const state = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.id, cardId: cardId! } },
    });
    expect(state.due.getTime()).toBe(expected.due.getTime());
    expect(state.version).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("takes two statements on PostgreSQL, session check included, and one transaction on SQLite (issue 18)", async () => {
    const user = await createLearner();
    const [first, second] = await createDeck("count", 2);
    const session = { version: 0 };
    // The first statements of a process prepare and cache; count a warmed-up review.
    await recordReview(user.id, answer(first!, 3, 0, T0), T0, { session });
    const before = statementsSent();
    const result = await recordReview(user.id, answer(second!, 3, 0, T0), T0, { session });
    expect(result.status).toBe("recorded");
    // PostgreSQL: one read (session version, idempotency key, card, state, settings, weights) and
    // one write (log + state in a data-modifying statement). SQLite: BEGIN IMMEDIATE, the read,
    // the log, the state, COMMIT.
    expect(statementsSent() - before).toBe(onSqlite ? 5 : 2);
    // An ended session writes nothing.
    await expect(
      recordReview(user.id, answer(first!, 3, 1, T0), T0, { session: { version: 1 } }),
    ).rejects.toThrow(UnauthorizedError);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(2);
  });

  it("treats the same idempotency key twice as one answer", async () => {
    const user = await createLearner();
    const [cardId] = await createDeck("idem", 1);
    const submission = answer(cardId!, 3, 0, T0);
    const first = await recordReview(user.id, submission, T0);
    const second = await recordReview(user.id, submission, minutes(1));
    expect(second.status).toBe("duplicate");
    expect(second.schedule).toEqual(first.schedule);
    expect(second.version).toBe(first.version);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("rejects an answer rated against a stale state and changes nothing", async () => {
    const user = await createLearner();
    const [cardId] = await createDeck("stale", 1);
    await recordReview(user.id, answer(cardId!, 3, 0, T0), T0);
    const before = await db.cardState.findFirstOrThrow({ where: { userId: user.id } });
    let thrown: unknown;
    try {
      await recordReview(user.id, answer(cardId!, 1, 0, minutes(5)), minutes(5));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StaleReviewError);
    expect((thrown as StaleReviewError).status).toBe(409);
    expect((thrown as StaleReviewError).current.version).toBe(1);
    expect(await db.cardState.findFirstOrThrow({ where: { userId: user.id } })).toEqual(before);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses unknown and retired cards without writing", async () => {
    const user = await createLearner();
    const [cardId] = await createDeck("gone", 1);
    await db.card.update({ where: { id: cardId! }, data: { retired: true } });
    await expect(recordReview(user.id, answer(cardId!, 3, 0, T0), T0)).rejects.toThrow(NotFoundError);
    await expect(recordReview(user.id, answer("no-such-card", 3, 0, T0), T0)).rejects.toThrow(NotFoundError);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
  });

  it("keeps learners apart: the same key and card for two users are two answers", async () => {
    const [a, b] = [await createLearner("A"), await createLearner("B")];
    const [cardId] = await createDeck("apart", 1);
    const shared = key();
    await recordReview(a.id, answer(cardId!, 3, 0, T0, shared), T0);
    const forB = await recordReview(b.id, answer(cardId!, 1, 0, T0, shared), T0);
    expect(forB.status).toBe("recorded");
    expect(await db.reviewLog.count({ where: { userId: a.id } })).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: b.id } })).toBe(1);
  });

  it("never dates an answer after the server's clock or before the card's last review", async () => {
    const user = await createLearner();
    const [cardId] = await createDeck("clock", 1);
    await recordReview(user.id, answer(cardId!, 1, 0, minutes(60)), T0);
    const first = await db.reviewLog.findFirstOrThrow({ where: { userId: user.id } });
    expect(first.reviewedAt.getTime()).toBe(T0.getTime());
    await recordReview(user.id, answer(cardId!, 3, 1, minutes(-60)), minutes(10));
    const logs = await db.reviewLog.findMany({ where: { userId: user.id }, orderBy: { reviewedAt: "asc" } });
    expect(logs[1]?.reviewedAt.getTime()).toBe(T0.getTime());
  });

  it("clamps an answer backdated by weeks to a short window before the server received it", async () => {
    const user = await createLearner();
    const [cardId] = await createDeck("backdated", 1);
    const threeWeeksBefore = minutes(-21 * 24 * 60);
    const result = await recordReview(user.id, answer(cardId!, 3, 0, threeWeeksBefore), T0);
    const log = await db.reviewLog.findFirstOrThrow({ where: { userId: user.id } });
    expect(log.reviewedAt.getTime()).toBe(T0.getTime() - ANSWER_LATENESS_MS);
    expect(result.schedule.lastReview?.getTime()).toBe(T0.getTime() - ANSWER_LATENESS_MS);
    // A few minutes late (the outbox resending) is kept as given.
    await recordReview(user.id, answer(cardId!, 3, 1, minutes(55)), minutes(60));
    const logs = await db.reviewLog.findMany({ where: { userId: user.id }, orderBy: { reviewedAt: "asc" } });
    expect(logs[1]?.reviewedAt.getTime()).toBe(minutes(55).getTime());
  });
});

describe("undo", () => {
  it("restores the exact previous schedule and removes the log row", async () => {
    const user = await createLearner();
    const [cardId] = await createDeck("undo", 1);
    const first = await recordReview(user.id, answer(cardId!, 3, 0, T0), T0);
    const second = answer(cardId!, 1, 1, minutes(15));
    await recordReview(user.id, second, minutes(15));
    const restored = await undoReview(user.id, second.idempotencyKey, minutes(16));
    expect(restored.schedule).toEqual(first.schedule);
    expect(restored.version).toBe(3);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
    const state = await db.cardState.findFirstOrThrow({ where: { userId: user.id } });
    expect(state.due.getTime()).toBe(first.schedule.due.getTime());
    expect(state.stability).toBe(first.schedule.stability);
  });

  it("only undoes a card's latest answer, and only the learner's own", async () => {
    const [user, other] = [await createLearner(), await createLearner("Other")];
    const [cardId] = await createDeck("undo2", 1);
    const first = answer(cardId!, 3, 0, T0);
    await recordReview(user.id, first, T0);
    await recordReview(user.id, answer(cardId!, 3, 1, minutes(15)), minutes(15));
    await expect(undoReview(user.id, first.idempotencyKey, minutes(16))).rejects.toThrow(/latest answer/);
    await expect(undoReview(other.id, first.idempotencyKey, minutes(16))).rejects.toThrow(NotFoundError);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(2);
  });
});

describe("two sessions on the same cards", () => {
  it("lose no acknowledged answer: each card's state is the replay of its log", async () => {
    const user = await createLearner();
    const cards = await createDeck("tabs", 4);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ tab: fc.nat(1), card: fc.nat(3), rating: fc.integer({ min: 1, max: 4 }) }), {
          minLength: 10,
          maxLength: 40,
        }),
        async (steps) => {
          await db.reviewLog.deleteMany({ where: { userId: user.id } });
          await db.cardState.deleteMany({ where: { userId: user.id } });
          // Each tab believes the version it last saw; the other tab's answers make it stale.
          const seen = [new Map<string, number>(), new Map<string, number>()];
          const acknowledged: string[] = [];
          let clock = T0.getTime();
          for (const step of steps) {
            clock += 60_000;
            const cardId = cards[step.card]!;
            const view = seen[step.tab]!;
            const submission = answer(cardId, step.rating, view.get(cardId) ?? 0, new Date(clock));
            await Promise.resolve();
            try {
              const result = await recordReview(user.id, submission, new Date(clock));
              view.set(cardId, result.version);
              acknowledged.push(submission.idempotencyKey);
            } catch (error) {
              if (!(error instanceof StaleReviewError)) throw error;
              view.set(cardId, error.current.version);
            }
          }
          const logs = await db.reviewLog.findMany({ where: { userId: user.id } });
          expect(logs.map((l) => l.idempotencyKey).sort()).toEqual([...acknowledged].sort());
          for (const cardId of cards) {
            const own = logs.filter((l) => l.cardId === cardId);
            const state = await db.cardState.findUnique({
              where: { userId_cardId: { userId: user.id, cardId } },
            });
            if (!own.length) {
              expect(state).toBeNull();
              continue;
            }
            const replayed = replay(
              own.map((l) => ({ rating: l.rating as ReviewRating, reviewedAt: l.reviewedAt })),
              T0,
              noFuzz,
              cardKey(user.id, cardId),
            );
            expect(state?.due.getTime()).toBe(replayed.due.getTime());
            expect(state?.stability).toBe(replayed.stability);
            expect(state?.reps).toBe(own.length);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("the study queue", () => {
  it('shows every card named in "Study these cards" at once, those not due yet studied ahead (issue 16, item 1)', async () => {
    const user = await createLearner();
    const cards = await createDeck("named", 4);
    const [missed, learned, untouched] = [cards[0]!, cards[1]!, cards[2]!];
    // A quiz has just rated the missed card Again (due in a minute); another card is a review
    // card due in days.
    await recordReview(user.id, { ...answer(missed, 1, 0, T0), origin: "quiz" }, T0);
    await recordReview(user.id, answer(learned, 4, 0, T0), T0);
    const named = await getStudySession(
      user.id,
      { deck: null, cardIds: [missed, learned, untouched] },
      minutes(0),
    );
    expect(named.cards.map((c) => c.cardId).sort()).toEqual([missed, learned, untouched].sort());
    expect(named.cards[0]?.cardId).toBe(missed);
    expect(named.counts).toEqual({ learning: 1, review: 1, new: 1 });
    expect(named.upcomingLearning).toEqual([]);
    // Answering it ahead is an ordinary review, scheduled from the time it was given.
    const result = await recordReview(user.id, answer(missed, 3, 1, T0), T0);
    expect(result).toMatchObject({ status: "recorded", version: 2 });
    // The whole deck still waits for the step as before.
    const deck = await getStudySession(user.id, { deck: "named", cardIds: null }, T0);
    expect(deck.cards.map((c) => c.cardId)).not.toContain(learned);
  });

  it("limits new cards per deck, and takes them from each deck in turn across decks (issue 16, item 3)", async () => {
    const user = await createLearner();
    await db.studySettings.update({ where: { userId: user.id }, data: { newPerDay: 2, newPerDayTotal: 3 } });
    const a = await createDeck("turn-a", 4);
    const b = await createDeck("turn-b", 4);
    // First in the library's order, before the other tests' decks.
    await db.deck.update({ where: { slug: "turn-a" }, data: { position: -2 } });
    await db.deck.update({ where: { slug: "turn-b" }, data: { position: -1 } });
    // All decks: one from each deck in turn, up to the all-decks limit of 3.
    const first = await getStudySession(user.id, { deck: null, cardIds: null }, T0);
    expect(first.cards.map((c) => c.cardId).slice(0, 2)).toEqual([a[0], b[0]]);
    expect(first.counts.new).toBe(3);
    // Deck a's own limit used up: deck b still offers its own 2.
    await recordReview(user.id, answer(a[0]!, 3, 0, T0), T0);
    await recordReview(user.id, answer(a[1]!, 3, 0, T0), T0);
    const deckA = await getStudySession(user.id, { deck: "turn-a", cardIds: null }, minutes(1));
    expect(deckA.counts.new).toBe(0);
    const deckB = await getStudySession(user.id, { deck: "turn-b", cardIds: null }, minutes(1));
    expect(deckB.counts.new).toBe(2);
    // All decks together: 3 - 2 = 1 more today.
    const all = await getStudySession(user.id, { deck: null, cardIds: null }, minutes(1));
    expect(all.counts.new).toBe(1);
  });

  it("offers new cards up to the daily limit and counts answers already given today", async () => {
    const user = await createLearner();
    await db.studySettings.update({ where: { userId: user.id }, data: { newPerDay: 3 } });
    const cards = await createDeck("queue", 6);
    const fresh = await getStudySession(user.id, { deck: "queue", cardIds: null }, T0);
    expect(fresh.counts).toEqual({ learning: 0, review: 0, new: 3 });
    await recordReview(user.id, answer(cards[0]!, 3, 0, T0), T0);
    const later = await getStudySession(user.id, { deck: "queue", cardIds: null }, minutes(1));
    expect(later.counts.new).toBe(2);
    expect(later.cards.map((c) => c.cardId)).not.toContain(cards[0]);
    // 10 minutes later the learning step is due and comes first.
    const due = await getStudySession(user.id, { deck: "queue", cardIds: null }, minutes(20));
    expect(due.cards[0]?.cardId).toBe(cards[0]);
    expect(due.counts.learning).toBe(1);
  });

  it("does not know another learner's progress", async () => {
    const [a, b] = [await createLearner("A"), await createLearner("B")];
    const cards = await createDeck("mine", 2);
    await recordReview(a.id, answer(cards[0]!, 3, 0, T0), T0);
    const forB = await getStudySession(b.id, { deck: "mine", cardIds: null }, minutes(1));
    expect(forB.cards.every((c) => c.version === 0 && c.schedule.state === "new")).toBe(true);
  });

  it("refuses an unknown deck", async () => {
    const user = await createLearner();
    await expect(getStudySession(user.id, { deck: "no-such-deck", cardIds: null }, T0)).rejects.toThrow(
      NotFoundError,
    );
  });
});

describe("concurrent submits", () => {
  it("record each acknowledged key once and answer the losers of a race with 409", async () => {
    const user = await createLearner();
    const cards = await createDeck("race", 3);
    // Ten submits at once: five resends of one key on card 0, five different keys on card 1.
    const resend = answer(cards[0]!, 3, 0, T0);
    const rivals = Array.from({ length: 5 }, () => answer(cards[1]!, 3, 0, T0));
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => recordReview(user.id, resend, T0)),
      ...rivals.map((submission) => recordReview(user.id, submission, T0)),
    ]);
    const resent = outcomes.slice(0, 5);
    expect(resent.every((o) => o.status === "fulfilled")).toBe(true);
    const raced = outcomes.slice(5);
    const won = raced.filter((o) => o.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const lost of raced.filter((o) => o.status === "rejected")) {
      expect((lost as PromiseRejectedResult).reason).toBeInstanceOf(StaleReviewError);
    }
    const logs = await db.reviewLog.findMany({ where: { userId: user.id }, orderBy: { cardId: "asc" } });
    expect(logs.map((l) => l.cardId)).toEqual([cards[0], cards[1]]);
    const states = await db.cardState.findMany({ where: { userId: user.id } });
    expect(states.map((s) => s.version)).toEqual([1, 1]);
  });
});

describe.runIf(providerOf(databaseUrl()) === "sqlite")("a database that cannot store anything", () => {
  /** Records answers on fresh cards until SQLite refuses one; returns that error and the card. */
  async function fillUntilRefused(userId: string, cards: string[]) {
    for (const cardId of cards) {
      try {
        await recordReview(userId, answer(cardId, 3, 0, T0), T0);
      } catch (error) {
        return { error, cardId };
      }
    }
    throw new Error("The database never filled up");
  }

  it("answers a review 503 with a clear message (not 500) and changes nothing, full or read-only", async () => {
    const user = await createLearner();
    const cards = await createDeck("full", 400);
    const logError = vi.spyOn(console, "error").mockImplementation(() => {});
    const connection = sqlite();
    const { page_count } = connection.prepare("PRAGMA page_count").get() as { page_count: number };
    // What a full disk gives SQLite: SQLITE_FULL once the file would have to grow.
    connection.pragma(`max_page_count = ${page_count}`);
    try {
      const { error, cardId } = await fillUntilRefused(user.id, cards);
      expect((error as { code?: string }).code).toBe("SQLITE_FULL");
      const response = errorResponse(error);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("30");
      const body = await response.json();
      expect(body).toEqual({ error: STORAGE_UNAVAILABLE_MESSAGE, retryable: true });
      expect(classifyResponse(response.status, body)).toEqual({ kind: "retry", reason: "server" });
      expect(await db.reviewLog.count({ where: { userId: user.id, cardId } })).toBe(0);
      expect(await db.cardState.count({ where: { userId: user.id, cardId } })).toBe(0);
    } finally {
      connection.pragma("max_page_count = 4294967294");
    }
    connection.pragma("query_only = ON");
    try {
      const readOnly = await recordReview(user.id, answer(cards.at(-1)!, 3, 0, T0), T0).catch((e) => e);
      expect((readOnly as { code?: string }).code).toMatch(/^SQLITE_READONLY/);
      expect(errorResponse(readOnly).status).toBe(503);
    } finally {
      connection.pragma("query_only = OFF");
      logError.mockRestore();
    }
    expect((await recordReview(user.id, answer(cards.at(-1)!, 3, 0, T0), T0)).status).toBe("recorded");
  });
});
