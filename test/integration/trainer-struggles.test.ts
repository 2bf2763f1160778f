import { beforeAll, describe, expect, it } from "vitest";
import { answerQuestion, finishQuiz, startQuiz } from "@/lib/data/quiz";
import { recordReview } from "@/lib/data/reviews";
import { getClientDetail, getClientsTable } from "@/lib/data/trainer/dashboard";
import { createUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import type { ReviewRating } from "@/lib/srs";
import { signUpSchema } from "@/lib/validations/user";
import { createDeck, createLearner, key } from "./fixtures";

/**
 * Issue 16, items 11 and 12, as a trainer sees a client right after a session: the cards just
 * forgotten must stand out (recall at the moment of viewing, lapses, recent Again answers), and a
 * quiz must not count as introducing cards.
 */
const MINUTE = 60_000;
const NOW = new Date(Date.UTC(2026, 10, 24, 12));
const ago = (ms: number) => new Date(NOW.getTime() - ms);

let trainerId: string;
let clientId: string;

async function review(cardId: string, rating: ReviewRating, when: Date, expectedVersion = 0) {
  await recordReview(
    clientId,
    { idempotencyKey: key(), cardId, rating, expectedVersion, answeredAt: when.getTime(), durationMs: 1000 },
    when,
  );
}

beforeAll(async () => {
  await createDeck("sx", 10);
  await db.quizItem.createMany({
    data: ["sx-c06", "sx-c07", "sx-c08"].map((cardId, position) => ({
      id: `sx-q${position}`,
      deckSlug: "sx",
      kind: "true-false",
      prompt: `Question on ${cardId}?`,
      choices: JSON.stringify(["True", "False"]),
      answer: JSON.stringify("True"),
      explanation: "Because.",
      evidence: "background",
      sources: "[]",
      cardIds: JSON.stringify([cardId]),
      position,
    })),
  });
  trainerId = (
    await createUser(
      signUpSchema.parse({
        name: "Coach",
        email: `${key()}@trainers.example`,
        password: "integration-password",
        role: "trainer",
      }),
    )
  ).id;
  clientId = (await createLearner("Client")).id;
  await db.trainerClient.create({
    data: { trainerId, clientId, shareQuizAnswers: true, linkedAt: ago(10 * 24 * 60 * MINUTE) },
  });
  await db.assignment.create({
    data: {
      trainerId,
      clientId,
      deckSlug: "sx",
      goal: "all-introduced",
      quizTarget: 60,
      dueAt: new Date(NOW.getTime() + 3 * 24 * 60 * MINUTE),
      createdAt: ago(24 * 60 * MINUTE),
    },
  });
  // A session twenty minutes ago: five new cards, the second one forgotten.
  for (const [i, rating] of ([3, 1, 3, 4, 3] as ReviewRating[]).entries())
    await review(`sx-c0${i + 1}`, rating, ago(25 * MINUTE - i * MINUTE));
  // Then a three-question quiz on three cards never studied, one of them missed.
  const attemptId = await startQuiz(clientId, { deck: "sx", length: 3, mode: "mixed" }, ago(10 * MINUTE));
  for (const [i, itemId] of ["sx-q0", "sx-q1", "sx-q2"].entries())
    await answerQuestion(
      clientId,
      attemptId,
      { itemId, response: { choice: i === 0 ? "False" : "True" }, durationMs: 1000 },
      ago(10 * MINUTE - i * MINUTE),
    );
  await finishQuiz(clientId, attemptId, ago(5 * MINUTE));
});

describe("what a trainer sees right after a session", () => {
  it("ranks the card just forgotten first, with its Again answer and recall below 100% at the moment of viewing", async () => {
    const weakest = (await getClientDetail(trainerId, clientId, NOW)).weakestCards;
    const forgotten = weakest.filter((c) => c.again7d > 0).map((c) => c.cardId);
    expect(new Set(forgotten)).toEqual(new Set(["sx-c02", "sx-c06"]));
    expect(
      weakest
        .slice(0, 2)
        .map((c) => c.cardId)
        .sort(),
    ).toEqual(["sx-c02", "sx-c06"]);
    const c02 = weakest.find((c) => c.cardId === "sx-c02");
    expect(c02).toMatchObject({ again7d: 1, lastAgainAt: ago(24 * MINUTE) });
    // ts-fsrs counts whole days, so every one of these read 100%; the exact elapsed time does not.
    for (const card of weakest) expect(card.retrievability).toBeLessThan(1);
    const c01 = weakest.find((c) => c.cardId === "sx-c01");
    expect(c02?.retrievability).toBeLessThan(c01?.retrievability ?? 0);
  });

  it("shows it in the clients table too, and counts cards introduced by study only, naming the quiz target", async () => {
    const [assignment] = (await getClientsTable(trainerId, NOW)).rows[0]?.assignments ?? [];
    // Five studied; the three quizzed cards (one missed) do not count as introduced.
    expect(assignment).toMatchObject({ cards: 10, introduced: 5, forgottenCards7d: 2 });
    expect(assignment?.bestQuiz).toBeCloseTo((2 / 3) * 100);
    expect(assignment?.predictedRecall).toBeLessThan(1);
    expect(assignment?.onTrack).toEqual({
      status: "on-track",
      reason: "5 cards left, 1 day at 10 new a day; best quiz 66%, goal 60%; 3 days to go",
    });
    const week = (await getClientDetail(trainerId, clientId, NOW)).progress[0]?.weeks.at(-1);
    expect(week?.total).toBe(5);
  });
});
