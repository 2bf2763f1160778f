import { beforeAll, describe, expect, it } from "vitest";
import { getDeck, listDecksWithEvidence } from "@/lib/data/content";
import { getDeckProgress } from "@/lib/data/dashboard";
import { ankiDeckExport } from "@/lib/data/exports";
import { editPersonalCard } from "@/lib/data/personal-cards";
import { createPersonalDeck, getPersonalDeck, getPersonalDeckCards } from "@/lib/data/personal-decks";
import { answerQuestion, startQuiz } from "@/lib/data/quiz";
import { recordReview } from "@/lib/data/reviews";
import { getLearnerStats } from "@/lib/data/stats";
import { getStudySession } from "@/lib/data/study";
import { getClientDetail, getClientsTable, getDeckInsight } from "@/lib/data/trainer/dashboard";
import { answeredCardIds } from "@/lib/data/training-logs";
import { createUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import { signUpSchema } from "@/lib/validations/user";
import { createDeck, createLearner, key } from "./fixtures";

// Issue 15: one card, included in several decks, with one schedule. "alpha" owns alpha-c02;
// "beta" includes it (first, so a deck walk meets it again before beta's own cards).
const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2026, 10, 24, 12));
const SHARED = "alpha-c02";

let learner: string;
let trainerId: string;

beforeAll(async () => {
  await createDeck("alpha", 4);
  await createDeck("beta", 2);
  await db.deck.update({ where: { slug: "beta" }, data: { position: 1 } });
  await db.deckCard.updateMany({ where: { deckSlug: "beta" }, data: { position: { increment: 1 } } });
  await db.deckCard.create({ data: { deckSlug: "beta", cardId: SHARED, position: 0 } });
  learner = (await createLearner("Shared")).id;
  trainerId = (
    await createUser(
      signUpSchema.parse({
        name: "Coach",
        email: "coach@membership.example",
        password: "integration-password",
        role: "trainer",
      }),
    )
  ).id;
  await db.trainerClient.create({
    data: {
      trainerId,
      clientId: learner,
      shareQuizAnswers: true,
      linkedAt: new Date(NOW.getTime() - 9 * DAY),
    },
  });
  await db.assignment.create({
    data: {
      trainerId,
      clientId: learner,
      deckSlug: "beta",
      goal: "all-introduced",
      createdAt: new Date(NOW.getTime() - 7 * DAY),
    },
  });
});

describe("a card included in another deck", () => {
  it("is on both deck pages, in the deck list counts and in the including deck's Anki export", async () => {
    expect((await getDeck("alpha"))?.cards.map((c) => c.id)).toEqual([
      "alpha-c01",
      "alpha-c02",
      "alpha-c03",
      "alpha-c04",
    ]);
    expect((await getDeck("beta"))?.cards.map((c) => c.id)).toEqual([SHARED, "beta-c01", "beta-c02"]);
    const beta = (await listDecksWithEvidence(learner)).find((d) => d.slug === "beta");
    expect(beta).toMatchObject({ cardCount: 3, evidence: { background: 3 } });
    const anki = await ankiDeckExport(learner, "beta", (level) => level);
    expect(anki?.text).toContain(`Front of ${SHARED}`);
  });

  it("is queued once when both decks are studied, and the new limit still fills", async () => {
    await db.studySettings.update({ where: { userId: learner }, data: { newPerDay: 6 } });
    const all = await getStudySession(learner, { deck: null, cardIds: null }, NOW);
    const ids = all.cards.map((c) => c.cardId);
    expect(ids.filter((id) => id === SHARED)).toHaveLength(1);
    // alpha's four, then beta's own two: the shared card met again in beta is skipped, not counted.
    expect(new Set(ids)).toEqual(
      new Set(["alpha-c01", SHARED, "alpha-c03", "alpha-c04", "beta-c01", "beta-c02"]),
    );
    expect(all.counts.new).toBe(6);
    const beta = await getStudySession(learner, { deck: "beta", cardIds: null }, NOW);
    expect(beta.cards.map((c) => c.cardId)).toEqual([SHARED, "beta-c01", "beta-c02"]);
    await db.studySettings.update({ where: { userId: learner }, data: { newPerDay: 20 } });
  });

  it("shares progress: answered in alpha, it is studied in beta, counted in each deck and once in totals", async () => {
    const answeredAt = NOW.getTime() - 2 * DAY;
    await recordReview(
      learner,
      { idempotencyKey: key(), cardId: SHARED, rating: 1, expectedVersion: 0, answeredAt, durationMs: 1000 },
      new Date(answeredAt),
    );

    const beta = await getStudySession(learner, { deck: "beta", cardIds: null }, NOW);
    expect(beta.counts.new).toBe(2);
    const due = beta.cards.find((c) => c.cardId === SHARED);
    expect(due?.schedule.state).not.toBe("new");

    const all = await getStudySession(learner, { deck: null, cardIds: null }, NOW);
    expect(all.cards.filter((c) => c.cardId === SHARED)).toHaveLength(1);
    // Six distinct cards, one of them started.
    expect(all.counts.new).toBe(5);

    const progress = await getDeckProgress(learner, NOW);
    const byDeck = Object.fromEntries(progress.decks.map((d) => [d.slug, d]));
    expect(byDeck.alpha).toMatchObject({ cardCount: 4, introduced: 1, due: 1 });
    expect(byDeck.beta).toMatchObject({ cardCount: 3, introduced: 1, due: 1 });
    expect(progress.totalDue).toBe(1);
    expect(progress.totalNew).toBe(5);

    const stats = await getLearnerStats(learner, NOW);
    expect(stats.totals.introduced).toBe(1);
    expect(stats.decks.find((d) => d.slug === "beta")).toMatchObject({ cards: 3, introduced: 1 });
    expect(await answeredCardIds(learner, "beta")).toEqual([SHARED]);
  });

  it("counts in the trainer's progress for the including deck", async () => {
    const table = await getClientsTable(trainerId, NOW);
    const row = table.rows.find((r) => r.clientId === learner);
    expect(row).toMatchObject({ reviews7d: 1, dueNow: 1 });
    expect(row?.assignments[0]).toMatchObject({ deckSlug: "beta", cards: 3, introduced: 1 });

    const detail = await getClientDetail(trainerId, learner, NOW);
    const beta = detail.progress.find((p) => p.deckSlug === "beta");
    expect(beta?.weeks.at(-1)?.total).toBe(1);
    expect(detail.weakestCards.map((c) => [c.cardId, c.deckSlug])).toEqual([[SHARED, "beta"]]);
    expect(detail.heatmap.reduce((sum, day) => sum + day.count, 0)).toBe(1);

    const insight = await getDeckInsight(trainerId, "beta", NOW);
    expect(insight.failedCards.map((c) => c.cardId)).toEqual([SHARED]);
  });

  it("is one card in the trainer's totals when both of its decks are assigned", async () => {
    await db.assignment.create({
      data: {
        trainerId,
        clientId: learner,
        deckSlug: "alpha",
        goal: "all-introduced",
        createdAt: new Date(NOW.getTime() - 7 * DAY),
      },
    });
    const row = (await getClientsTable(trainerId, NOW)).rows.find((r) => r.clientId === learner);
    expect(row).toMatchObject({ reviews7d: 1, dueNow: 1 });
    expect(row?.assignments.map((a) => [a.deckSlug, a.cards, a.introduced]).sort()).toEqual([
      ["alpha", 4, 1],
      ["beta", 3, 1],
    ]);
    const detail = await getClientDetail(trainerId, learner, NOW);
    expect(detail.weakestCards.map((c) => c.cardId)).toEqual([SHARED]);
    expect(detail.heatmap.reduce((sum, day) => sum + day.count, 0)).toBe(1);
    expect(detail.retention.last30.answered).toBe(0);
  });
});

describe("per-deck new-card limits", () => {
  it("count a card introduced in one deck against every deck that teaches it", async () => {
    const learnerId = (await createLearner("Limits")).id;
    await db.studySettings.update({
      where: { userId: learnerId },
      data: { newPerDay: 2, newPerDayTotal: 20 },
    });
    await recordReview(
      learnerId,
      {
        idempotencyKey: key(),
        cardId: SHARED,
        rating: 3,
        expectedVersion: 0,
        answeredAt: NOW.getTime(),
        durationMs: 1000,
      },
      NOW,
    );
    const beta = await getStudySession(learnerId, { deck: "beta", cardIds: null }, NOW);
    expect(beta.counts.new).toBe(1);
    const alpha = await getStudySession(learnerId, { deck: "alpha", cardIds: null }, NOW);
    expect(alpha.counts.new).toBe(1);
  });
});

describe("a quiz question on an included card", () => {
  it("feeds the one schedule: answered in beta's quiz, the card is started in alpha too", async () => {
    await db.quizItem.create({
      data: {
        id: "beta-q1",
        deckSlug: "beta",
        kind: "true-false",
        prompt: "The shared card is shared.",
        choices: JSON.stringify(["True", "False"]),
        answer: JSON.stringify("True"),
        explanation: "It is in both decks.",
        evidence: "background",
        sources: "[]",
        cardIds: JSON.stringify([SHARED]),
        position: 0,
      },
    });
    const quizzer = (await createLearner("Quizzer")).id;
    const attemptId = await startQuiz(quizzer, { deck: "beta", length: 5, mode: "mixed" }, NOW);
    await answerQuestion(
      quizzer,
      attemptId,
      { itemId: "beta-q1", response: { choice: "False" }, durationMs: 2000 },
      NOW,
    );
    const alpha = await getStudySession(
      quizzer,
      { deck: "alpha", cardIds: null },
      new Date(NOW.getTime() + DAY),
    );
    expect(alpha.cards.find((c) => c.cardId === SHARED)?.schedule.state).toBe("learning");
    expect(alpha.counts.new).toBe(3);
  });
});

describe("an imported personal deck", () => {
  it("lists its cards in DeckCard, so its page and queue show them", async () => {
    const cards = [1, 2, 3].map((line) => ({
      line,
      kind: "basic" as const,
      front: `Own front ${line}`,
      back: "Own back",
      tags: [],
    }));
    const slug = await createPersonalDeck(learner, { title: "Mine", description: "", cards }, NOW);
    const members = await db.deckCard.findMany({ where: { deckSlug: slug }, orderBy: { position: "asc" } });
    expect(members.map((m) => [m.cardId, m.position])).toEqual([
      [`${slug}-1`, 0],
      [`${slug}-2`, 1],
      [`${slug}-3`, 2],
    ]);
    expect((await getDeck(slug, learner))?.cards.map((c) => c.front)).toEqual(cards.map((c) => c.front));
    const summary = await getPersonalDeck(learner, slug);
    expect(summary?.cardCount).toBe(3);
    expect((await getPersonalDeckCards(summary!, 1, 50)).map((c) => c.front)).toEqual([
      "Own front 2",
      "Own front 3",
    ]);
    const session = await getStudySession(learner, { deck: slug, cardIds: null }, NOW);
    expect(session.cards.map((c) => c.cardId)).toEqual(members.map((m) => m.cardId));

    // A card made reversed in the editor is studied both ways: its mirror is a member of the deck too.
    await editPersonalCard(
      learner,
      `${slug}-1`,
      {
        kind: "reversed",
        front: "Own front 1",
        back: "Own back",
      },
      NOW,
    );
    const both = await getStudySession(learner, { deck: slug, cardIds: null }, NOW);
    expect(both.cards.map((c) => c.cardId)).toContain(`${slug}-1.reverse`);
  });
});
