import { describe, expect, it } from "vitest";
import { answerQuestion, getQuizAttempt, getQuizHistory, getQuizResult, startQuiz } from "@/lib/data/quiz";
import { recordReview } from "@/lib/data/reviews";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { createDeck, createLearner, key } from "./fixtures";

const T0 = new Date(Date.UTC(2026, 2, 1, 12, 0, 0));
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function deckWithQuiz(slug: string) {
  const cards = await createDeck(slug, 3);
  await db.quizItem.createMany({
    data: cards.map((cardId, i) => ({
      id: `${slug}-q${i}`,
      deckSlug: slug,
      kind: "multiple-choice",
      prompt: `Which is right for ${cardId}?`,
      choices: JSON.stringify(["Right", "Wrong", "Also wrong"]),
      answer: JSON.stringify("Right"),
      explanation: "Because the source says so, in these words.",
      evidence: "background",
      topic: "Topic",
      sources: JSON.stringify([{ document: "doc", quote: "A quote of the source.", quoteId: "q1" }]),
      cardIds: JSON.stringify([cardId]),
      position: i,
    })),
  });
  return cards;
}

async function firstQuestion(userId: string, attemptId: string) {
  const attempt = await getQuizAttempt(userId, attemptId);
  return attempt.questions[0]!;
}

describe("quiz answers feed the schedule", () => {
  it("a wrong answer reschedules the card as Again with a review log row from the quiz", async () => {
    const user = await createLearner();
    await deckWithQuiz("qa");
    const attemptId = await startQuiz(user.id, { deck: "qa", length: 5, mode: "mixed" }, T0);
    const question = await firstQuestion(user.id, attemptId);
    const feedback = await answerQuestion(
      user.id,
      attemptId,
      { itemId: question.id, response: { choice: "Wrong" }, durationMs: 4000 },
      later(1),
    );
    expect(feedback).toMatchObject({ correct: false, expected: "Right" });
    expect(feedback.rescheduled).toHaveLength(1);
    const log = await db.reviewLog.findFirstOrThrow({ where: { userId: user.id } });
    expect(log).toMatchObject({ rating: 1, origin: "quiz", cardId: feedback.rescheduled[0] });
    const state = await db.cardState.findFirstOrThrow({ where: { userId: user.id, cardId: log.cardId } });
    expect(state.state).toBe("learning");
  });

  it("leaves a card alone that was studied earlier the same day", async () => {
    const user = await createLearner();
    const cards = await deckWithQuiz("same");
    for (const cardId of cards) {
      await recordReview(
        user.id,
        {
          idempotencyKey: key(),
          cardId,
          rating: 3,
          expectedVersion: 0,
          answeredAt: T0.getTime(),
          durationMs: 1,
        },
        T0,
      );
    }
    const attemptId = await startQuiz(user.id, { deck: "same", length: 5, mode: "mixed" }, later(5));
    const question = await firstQuestion(user.id, attemptId);
    const feedback = await answerQuestion(
      user.id,
      attemptId,
      { itemId: question.id, response: { choice: "Wrong" }, durationMs: 10 },
      later(6),
    );
    expect(feedback.rescheduled).toEqual([]);
    expect(await db.reviewLog.count({ where: { userId: user.id, origin: "quiz" } })).toBe(0);
  });

  it("does not touch the schedule when the learner turned it off", async () => {
    const user = await createLearner();
    await db.studySettings.update({ where: { userId: user.id }, data: { quizFeedsSchedule: false } });
    await deckWithQuiz("off");
    const attemptId = await startQuiz(user.id, { deck: "off", length: 5, mode: "mixed" }, T0);
    const question = await firstQuestion(user.id, attemptId);
    await answerQuestion(
      user.id,
      attemptId,
      { itemId: question.id, response: { choice: "Right" }, durationMs: 10 },
      T0,
    );
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("attempts", () => {
  it("can be resumed where the learner left off, with the same questions and choice order", async () => {
    const user = await createLearner();
    await deckWithQuiz("resume");
    const attemptId = await startQuiz(user.id, { deck: "resume", length: 5, mode: "mixed" }, T0);
    const before = await getQuizAttempt(user.id, attemptId);
    await answerQuestion(
      user.id,
      attemptId,
      { itemId: before.questions[0]!.id, response: { choice: "Right" }, durationMs: 10 },
      later(1),
    );
    const history = await getQuizHistory(user.id, "resume");
    expect(history.open).toMatchObject({ id: attemptId, answered: 1, total: 3 });
    const resumed = await getQuizAttempt(user.id, attemptId);
    expect(resumed.status).toBe("open");
    expect(resumed.questions.map((q) => [q.id, q.choices])).toEqual(
      before.questions.map((q) => [q.id, q.choices]),
    );
    expect(resumed.questions[0]!.feedback?.correct).toBe(true);
    expect(resumed.questions[1]!.feedback).toBeNull();
  });

  it("finishes after the last answer, with a result listing what was missed", async () => {
    const user = await createLearner();
    await deckWithQuiz("finish");
    const attemptId = await startQuiz(user.id, { deck: "finish", length: 5, mode: "mixed" }, T0);
    const { questions } = await getQuizAttempt(user.id, attemptId);
    for (const [i, q] of questions.entries()) {
      const choice = i === 0 ? "Wrong" : "Right";
      await answerQuestion(
        user.id,
        attemptId,
        { itemId: q.id, response: { choice }, durationMs: 10 },
        later(i + 1),
      );
    }
    const result = await getQuizResult(user.id, attemptId);
    expect(result.summary).toMatchObject({ right: 2, total: 3 });
    expect(result.missed).toHaveLength(1);
    expect(result.missed[0]).toMatchObject({ response: { choice: "Wrong" }, expected: "Right" });
    expect(result.missedCardIds).toHaveLength(1);
    expect((await getQuizHistory(user.id, "finish")).best?.score).toBe(2);
  });

  it("starting again discards the unfinished attempt on that deck", async () => {
    const user = await createLearner();
    await deckWithQuiz("again");
    const first = await startQuiz(user.id, { deck: "again", length: 5, mode: "mixed" }, T0);
    const second = await startQuiz(user.id, { deck: "again", length: 5, mode: "mixed" }, later(1));
    expect((await getQuizAttempt(user.id, first)).status).toBe("discarded");
    expect((await getQuizHistory(user.id, "again")).open?.id).toBe(second);
  });
});

describe("bad input changes nothing", () => {
  it("refuses questions not in the attempt, unknown choices, finished attempts and other people's attempts", async () => {
    const [user, other] = [await createLearner(), await createLearner("Other")];
    await deckWithQuiz("bad");
    const attemptId = await startQuiz(user.id, { deck: "bad", length: 5, mode: "mixed" }, T0);
    const question = await firstQuestion(user.id, attemptId);
    const answer = (itemId: string, choice: string) => ({ itemId, response: { choice }, durationMs: 10 });

    await expect(
      answerQuestion(user.id, attemptId, answer("not-in-quiz", "Right"), T0),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(answerQuestion(user.id, attemptId, answer(question.id, "Omega"), T0)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      answerQuestion(other.id, attemptId, answer(question.id, "Right"), T0),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.quizAnswer.count({ where: { attemptId } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: { in: [user.id, other.id] } } })).toBe(0);

    await answerQuestion(user.id, attemptId, answer(question.id, "Right"), T0);
    await expect(answerQuestion(user.id, attemptId, answer(question.id, "Wrong"), T0)).rejects.toBeInstanceOf(
      ConflictError,
    );
    // The same answer sent twice (a retry) is accepted once.
    await expect(answerQuestion(user.id, attemptId, answer(question.id, "Right"), T0)).resolves.toMatchObject(
      {
        correct: true,
      },
    );
    expect(await db.quizAnswer.count({ where: { attemptId } })).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);

    await expect(
      startQuiz(user.id, { deck: "no-such-deck", length: 5, mode: "mixed" }, T0),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses answers to a finished attempt", async () => {
    const user = await createLearner();
    await deckWithQuiz("done");
    const attemptId = await startQuiz(user.id, { deck: "done", length: 5, mode: "mixed" }, T0);
    const { questions } = await getQuizAttempt(user.id, attemptId);
    for (const q of questions) {
      await answerQuestion(
        user.id,
        attemptId,
        { itemId: q.id, response: { choice: "Right" }, durationMs: 1 },
        T0,
      );
    }
    await expect(
      answerQuestion(
        user.id,
        attemptId,
        { itemId: questions[0]!.id, response: { choice: "Right" }, durationMs: 1 },
        T0,
      ),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("retries", () => {
  it("a repeated answer to the second-to-last question does not finish the quiz", async () => {
    const user = await createLearner();
    await deckWithQuiz("retry");
    const attemptId = await startQuiz(user.id, { deck: "retry", length: 5, mode: "mixed" }, T0);
    const { questions } = await getQuizAttempt(user.id, attemptId);
    const answer = (i: number) => ({
      itemId: questions[i]!.id,
      response: { choice: "Right" },
      durationMs: 1,
    });
    await answerQuestion(user.id, attemptId, answer(0), T0);
    await answerQuestion(user.id, attemptId, answer(1), T0);
    await answerQuestion(user.id, attemptId, answer(1), T0);
    expect((await getQuizAttempt(user.id, attemptId)).status).toBe("open");
    await answerQuestion(user.id, attemptId, answer(2), T0);
    expect((await getQuizAttempt(user.id, attemptId)).status).toBe("finished");
  });
});
