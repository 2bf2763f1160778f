import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { deleteAccount, exportAccountData } from "@/lib/data/account";
import { answerQuestion, getQuizAttempt, startQuiz } from "@/lib/data/quiz";
import { recordReview } from "@/lib/data/reviews";
import { requireClientAccess } from "@/lib/data/trainer/access";
import { acceptInvitation, assignDeck, createInvitation } from "@/lib/data/trainer/links";
import { createUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createDeck, createLearner, key } from "./fixtures";

const T0 = new Date(Date.UTC(2026, 2, 1, 12));

async function learnerWithHistory() {
  const learner = await createLearner();
  const slug = `acct-${key().slice(0, 8)}`;
  const cards = await createDeck(slug, 2);
  await db.quizItem.create({
    data: {
      id: `${slug}-q`,
      deckSlug: slug,
      kind: "true-false",
      prompt: "True?",
      choices: JSON.stringify(["True", "False"]),
      answer: JSON.stringify("True"),
      explanation: "Because the fixture says it is true.",
      evidence: "background",
      sources: JSON.stringify([{ document: "doc", quote: "A quote of the source.", quoteId: "q1" }]),
      cardIds: JSON.stringify([cards[1]]),
      position: 0,
    },
  });
  await recordReview(
    learner.id,
    {
      idempotencyKey: key(),
      cardId: cards[0]!,
      rating: 3,
      expectedVersion: 0,
      answeredAt: T0.getTime(),
      durationMs: 5,
    },
    T0,
  );
  const attemptId = await startQuiz(learner.id, { deck: slug, length: 5, mode: "mixed" }, T0);
  const [question] = (await getQuizAttempt(learner.id, attemptId)).questions;
  await answerQuestion(
    learner.id,
    attemptId,
    { itemId: question!.id, response: { choice: "False" }, durationMs: 9 },
    T0,
  );
  const trainer = await createUser({
    name: "Coach",
    email: `${key()}@example.com`,
    password: "trainer-pass",
    role: "trainer",
  });
  const invitation = await createInvitation(trainer.id, { maxUses: 1, expiresInDays: 14 }, T0);
  await acceptInvitation(learner, invitation.code, { shareQuizAnswers: true }, T0);
  await assignDeck(trainer.id, { clientIds: [learner.id], deckSlug: slug, goal: "all-introduced" }, T0);
  return { learner, trainer };
}

describe("account data", () => {
  it("exports everything stored about the learner, without the password hash", async () => {
    const { learner } = await learnerWithHistory();
    const data = await exportAccountData(learner.id, T0);
    expect(data.user).toMatchObject({ id: learner.id, role: "learner" });
    expect(JSON.stringify(data)).not.toContain("argon2");
    expect(data.reviewLogs).toHaveLength(2);
    expect(data.cardStates).toHaveLength(2);
    expect(data.quizAttempts[0]?.answers[0]).toMatchObject({ response: { choice: "False" }, correct: false });
    expect(data.trainers).toMatchObject([{ trainer: { name: "Coach" }, shareQuizAnswers: true }]);
    expect(data.assignments).toHaveLength(1);
    expect("invitations" in data).toBe(false);
  });

  it("exports the learner's FSRS parameter sets and optimization runs, and only theirs", async () => {
    const { learner } = await learnerWithHistory();
    const other = await createLearner();
    const weights = Array.from({ length: 21 }, (_, i) => i / 10);
    const set = await db.fsrsParameterSet.create({
      data: {
        ownerId: learner.id,
        scope: "personal",
        version: 1,
        weights: JSON.stringify(weights),
        reviewCount: 420,
        cardCount: 40,
        logLossAfter: 0.31,
        createdAt: T0,
        appliedAt: T0,
      },
    });
    const job = await db.optimizationJob.create({
      data: {
        userId: learner.id,
        scope: "personal",
        status: "done",
        progress: 1,
        reviewCount: 420,
        parameterSetId: set.id,
        createdAt: T0,
      },
    });
    await db.optimizationJob.create({
      data: { userId: other.id, scope: "personal", status: "failed", createdAt: T0 },
    });

    const data = await exportAccountData(learner.id, T0);
    expect(data.parameterSets).toEqual([
      expect.objectContaining({
        id: set.id,
        scope: "personal",
        version: 1,
        weights,
        reviewCount: 420,
        appliedAt: T0,
      }),
    ]);
    expect(data.optimizationJobs).toEqual([
      expect.objectContaining({ id: job.id, status: "done", parameterSetId: set.id, reviewCount: 420 }),
    ]);
    expect(JSON.stringify(data)).not.toContain(other.id);
  });

  it("deletes the account with its whole history; the trainer loses access and old sessions die", async () => {
    const { learner, trainer } = await learnerWithHistory();
    await expect(deleteAccount(learner.id, "wrong password")).rejects.toBeInstanceOf(ValidationError);
    expect(await db.user.count({ where: { id: learner.id } })).toBe(1);

    await deleteAccount(learner.id, "integration-password");
    const left = await Promise.all([
      db.user.count({ where: { id: learner.id } }),
      db.reviewLog.count({ where: { userId: learner.id } }),
      db.cardState.count({ where: { userId: learner.id } }),
      db.quizAttempt.count({ where: { userId: learner.id } }),
      db.trainerClient.count({ where: { clientId: learner.id } }),
      db.assignment.count({ where: { clientId: learner.id } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0]);
    await expect(requireClientAccess(trainer.id, learner.id)).rejects.toBeInstanceOf(NotFoundError);
    const jwt = authOptions.callbacks?.jwt;
    await expect(
      jwt?.({
        token: { uid: learner.id, sessionVersion: 0 },
        user: undefined as never,
        account: null,
      } as never),
    ).rejects.toThrow();
  });
});
