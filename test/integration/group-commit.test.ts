import { describe, expect, it } from "vitest";
import { recordReview, StaleReviewError } from "@/lib/data/reviews";
import { databaseUrl, providerOf } from "@/lib/database-url";
import { db } from "@/lib/db";
import { inGroupCommit } from "@/lib/query/group-commit";
import { watchStatements } from "@/lib/query/statement-count";
import { createDeck, createLearner, key } from "./fixtures";

const T0 = new Date(Date.UTC(2026, 2, 1, 12, 0, 0));
const onSqlite = providerOf(databaseUrl()) === "sqlite";

function answer(cardId: string, expectedVersion: number, idempotencyKey = key()) {
  return { idempotencyKey, cardId, rating: 3, expectedVersion, answeredAt: T0.getTime(), durationMs: 1500 };
}

/** The texts of the statements sent while `work` runs. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const stop = watchStatements((text) => texts.push(text));
  try {
    await work();
  } finally {
    stop();
  }
  return texts;
}

describe("group commit (issue 18)", () => {
  // SQLite only: on PostgreSQL a review is one data-modifying statement, with no transaction to share.
  it.runIf(onSqlite)("commits answers sent together in one transaction, each as if alone", async () => {
    const user = await createLearner();
    const cards = await createDeck("group", 12);
    // Warm up: the first statements of a process prepare and cache.
    await recordReview(user.id, answer(cards[0]!, 0), T0);
    const rest = cards.slice(1);
    const repeated = answer(rest[0]!, 0);
    let results: PromiseSettledResult<Awaited<ReturnType<typeof recordReview>>>[] = [];
    const sent = await statementsOf(async () => {
      results = await Promise.allSettled([
        ...rest.map((cardId) => recordReview(user.id, cardId === rest[0] ? repeated : answer(cardId, 0), T0)),
        // The same key again in the same group: the second sees the first's log row.
        recordReview(user.id, repeated, T0),
        // Rated against a version the card never had: refused alone.
        recordReview(user.id, answer(cards[0]!, 0), T0),
      ]);
    });
    expect(sent.filter((text) => text === "BEGIN IMMEDIATE")).toHaveLength(1);
    expect(sent.filter((text) => text === "COMMIT")).toHaveLength(1);
    const statuses = results.map((r) => (r.status === "fulfilled" ? r.value.status : "rejected"));
    expect(statuses).toEqual([...rest.map(() => "recorded"), "duplicate", "rejected"]);
    const refused = results.at(-1);
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(StaleReviewError);
    // One log per card answered, the refused answer's card untouched since its first answer.
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(cards.length);
    const first = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.id, cardId: cards[0]! } },
    });
    expect(first.version).toBe(1);
  });

  it("rolls back a write that fails after writing, and only that one", async () => {
    const user = await createLearner();
    const [cardId] = await createDeck("group-fail", 1);
    const logRow = (id: string) => ({
      id,
      userId: user.id,
      cardId: cardId!,
      idempotencyKey: id,
      origin: "study",
      rating: 3,
      reviewedAt: T0,
      durationMs: 1,
      stateBefore: "new",
      dueBefore: T0,
      stabilityBefore: 0,
      difficultyBefore: 0,
      scheduledDaysBefore: 0,
      learningStepsBefore: 0,
      dueAfter: T0,
      stabilityAfter: 1,
      difficultyAfter: 1,
      cardVersion: 1,
    });
    const [kept, dropped, after] = [key(), key(), key()];
    const outcomes = await Promise.allSettled([
      inGroupCommit(async (tx) => {
        await tx.insertInto("ReviewLog").values(logRow(kept)).execute();
      }),
      inGroupCommit(async (tx) => {
        await tx.insertInto("ReviewLog").values(logRow(dropped)).execute();
        throw new Error("failed after its write");
      }),
      inGroupCommit(async (tx) => {
        await tx.insertInto("ReviewLog").values(logRow(after)).execute();
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const rows = await db.reviewLog.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(rows.map((row) => row.id).sort()).toEqual([kept, after].sort());
  });
});
