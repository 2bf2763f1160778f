import { beforeAll, describe, expect, it } from "vitest";
import { answerQuestion, finishQuiz, startQuiz } from "@/lib/data/quiz";
import { recordReview } from "@/lib/data/reviews";
import { getClientsSummary } from "@/lib/data/trainer/client-pages";
import { getCohortOverview } from "@/lib/data/trainer/cohort-parameters";
import { clientsCsv, getClientDetail, getClientsTable, getDeckInsight } from "@/lib/data/trainer/dashboard";
import { ensureGroup } from "@/lib/data/trainer/groups";
import { setQuizSharing } from "@/lib/data/trainer/links";
import { getClientHistory, getGroupHistory } from "@/lib/data/trainer/progress";
import { createUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import type { ReviewRating } from "@/lib/srs";
import { signUpSchema } from "@/lib/validations/user";
import { createDeck, createLearner, key } from "./fixtures";

/**
 * The consent dimension of the authorization matrix: every trainer view, cell by cell, for a
 * client with one wrong quiz answer, with quiz sharing on and off.
 *
 * Three trainers with one client each, on the same deck, with the same study answers at the same
 * times and the same quiz taken at the same time with the same wrong answer:
 * - sharer: shares quiz answers; the quiz answer fed their schedule (two Again logs, origin quiz:
 *   one on a learned card, one introducing a card they never studied);
 * - private: the same, but does not share quiz answers;
 * - control: does not share, and their quiz never fed their schedule: no trace of it exists.
 * "No trace" is then exact: every view of private must equal control's (names, emails and ids
 * aside); "sharing on" means sharer's view differs from control's where the answer shows.
 * Quiz scores are shared by design ("Off: they see only your scores"): all three have the same.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date(Date.UTC(2026, 10, 24, 12)); // clients on UTC, study day from 04:00
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const QUIZ_AT = ago(2 * HOUR);

type Who = "sharer" | "private" | "control";
const WHO: Who[] = ["sharer", "private", "control"];
const trainers = {} as Record<Who, string>;
const clients = {} as Record<Who, string>;
const groups = {} as Record<Who, string>;

const versions = new Map<string, number>();
async function review(userId: string, cardId: string, rating: ReviewRating, when: Date) {
  const result = await recordReview(
    userId,
    {
      idempotencyKey: key(),
      cardId,
      rating,
      expectedVersion: versions.get(`${userId}:${cardId}`) ?? 0,
      answeredAt: when.getTime(),
      durationMs: 1000,
    },
    when,
  );
  versions.set(`${userId}:${cardId}`, result.version);
}

async function trainer(name: string) {
  const email = `${key()}@trainers.example`;
  return (
    await createUser(signUpSchema.parse({ name, email, password: "integration-password", role: "trainer" }))
  ).id;
}

beforeAll(async () => {
  await createDeck("cm", 8);
  await db.quizItem.create({
    data: {
      id: "cm-q1",
      deckSlug: "cm",
      kind: "true-false",
      prompt: "Does MK-7 stay in the blood for days?",
      choices: JSON.stringify(["True", "False"]),
      answer: JSON.stringify("True"),
      explanation: "Its half-life is about three days.",
      evidence: "background",
      sources: "[]",
      // A learned card and one the client never studied: a wrong answer rates both Again.
      cardIds: JSON.stringify(["cm-c01", "cm-c05"]),
      position: 0,
    },
  });
  for (const who of WHO) {
    trainers[who] = await trainer(`Coach ${who}`);
    // One name for all three, so the views can be compared whole.
    clients[who] = (await createLearner("Client")).id;
    groups[who] = (await ensureGroup(trainers[who], "Tuesday 6 am class", ago(20 * DAY))).id;
    await db.trainerClient.create({
      data: {
        trainerId: trainers[who],
        clientId: clients[who],
        groupId: groups[who],
        shareQuizAnswers: who === "sharer",
        linkedAt: ago(20 * DAY),
      },
    });
    await db.assignment.create({
      data: {
        trainerId: trainers[who],
        clientId: clients[who],
        deckSlug: "cm",
        goal: "all-introduced",
        quizTarget: 80,
        dueAt: new Date(NOW.getTime() + 3 * DAY),
        createdAt: ago(14 * DAY),
      },
    });
    if (who === "control")
      await db.studySettings.update({ where: { userId: clients[who] }, data: { quizFeedsSchedule: false } });
  }
  for (const who of WHO) {
    const userId = clients[who];
    // Four cards learned ten days ago, two reviewed three days ago, one studied this morning.
    for (let i = 1; i <= 4; i++) {
      await review(userId, `cm-c0${i}`, 3, ago(10 * DAY));
      await review(userId, `cm-c0${i}`, 3, new Date(ago(10 * DAY).getTime() + 15 * 60_000));
    }
    await review(userId, "cm-c02", 1, ago(3 * DAY));
    await review(userId, "cm-c03", 3, ago(3 * DAY));
    await review(userId, "cm-c04", 3, ago(4 * HOUR));
    const attemptId = await startQuiz(userId, { deck: "cm", length: 5, mode: "mixed" }, QUIZ_AT);
    await answerQuestion(
      userId,
      attemptId,
      { itemId: "cm-q1", response: { choice: "False" }, durationMs: 2000 },
      QUIZ_AT,
    );
    await finishQuiz(userId, attemptId, new Date(QUIZ_AT.getTime() + 60_000));
  }
});

/** Leaves out what names the client or the link (ids, name, email, the sharing flag itself). */
function anonymous(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(anonymous);
  if (value instanceof Date || value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value)) {
    if (
      [
        "clientId",
        "assignmentId",
        "groupId",
        "group",
        "name",
        "email",
        "shareQuizAnswers",
        "quizAnswersShared",
      ].includes(field)
    )
      continue;
    out[field] = anonymous(inner);
  }
  return out;
}

const detailOf = (who: Who) => getClientDetail(trainers[who], clients[who], NOW);
const rowOf = async (who: Who) => (await getClientsTable(trainers[who], NOW)).rows[0];
const assignmentOf = async (who: Who) => (await rowOf(who))?.assignments[0];

/**
 * Every trainer view, one cell per figure a quiz answer could move. `shows`: whether a sharing
 * client's quiz answer shows in this cell (false where nothing quiz-derived belongs, e.g. cards
 * introduced, which count study only).
 */
const CELLS: { view: string; read: (who: Who) => Promise<unknown>; shows: boolean }[] = [
  { view: "clients table: reviews in 7 days", read: async (w) => (await rowOf(w))?.reviews7d, shows: true },
  { view: "clients table: last active", read: async (w) => (await rowOf(w))?.lastActive, shows: true },
  { view: "clients table: due now", read: async (w) => (await rowOf(w))?.dueNow, shows: true },
  // The quiz miss moved an overdue review card back to relearning.
  { view: "clients table: overdue", read: async (w) => (await rowOf(w))?.overdueNow, shows: true },
  { view: "clients table: status", read: async (w) => (await rowOf(w))?.status, shows: false },
  {
    view: "assignment: cards introduced (study only, issue 16 item 12)",
    read: async (w) => (await assignmentOf(w))?.introduced,
    shows: false,
  },
  {
    view: "assignment: recall now",
    read: async (w) => (await assignmentOf(w))?.predictedRecall,
    shows: true,
  },
  { view: "assignment: lapses", read: async (w) => (await assignmentOf(w))?.lapses, shows: true },
  {
    view: "assignment: cards forgotten in 7 days",
    read: async (w) => (await assignmentOf(w))?.forgottenCards7d,
    shows: true,
  },
  { view: "assignment: on-track reason", read: async (w) => (await assignmentOf(w))?.onTrack, shows: false },
  { view: "assignment: quiz scores", read: async (w) => (await assignmentOf(w))?.bestQuiz, shows: false },
  {
    view: "whole clients table",
    read: async (w) => anonymous(await getClientsTable(trainers[w], NOW)),
    shows: true,
  },
  {
    view: "clients CSV",
    read: async (w) => {
      const email = (await db.user.findUniqueOrThrow({ where: { id: clients[w] } })).email;
      return (await clientsCsv(trainers[w], NOW)).replaceAll(email, "<email>");
    },
    shows: true,
  },
  { view: "summary strip", read: (w) => getClientsSummary(trainers[w], NOW), shows: true },
  { view: "client page: heatmap", read: async (w) => (await detailOf(w)).heatmap, shows: true },
  { view: "client page: retention", read: async (w) => (await detailOf(w)).retention, shows: true },
  {
    view: "client page: cards introduced per week",
    read: async (w) => anonymous((await detailOf(w)).progress),
    shows: false,
  },
  { view: "client page: weakest cards", read: async (w) => (await detailOf(w)).weakestCards, shows: true },
  { view: "client page: quiz misses", read: async (w) => (await detailOf(w)).quizMisses, shows: true },
  { view: "client page: whole", read: async (w) => anonymous(await detailOf(w)), shows: true },
  {
    view: "deck insight: cards most often forgotten",
    read: async (w) => (await getDeckInsight(trainers[w], "cm", NOW)).failedCards,
    shows: true,
  },
  {
    view: "deck insight: common wrong answers",
    read: async (w) => (await getDeckInsight(trainers[w], "cm", NOW)).wrongAnswers,
    shows: true,
  },
  {
    view: "clients table filtered by group",
    read: async (w) => anonymous(await getClientsTable(trainers[w], NOW, { group: groups[w] })),
    shows: true,
  },
  {
    view: "client history: weeks (reviews, retention, predicted recall)",
    read: async (w) => anonymous((await getClientHistory(trainers[w], clients[w], NOW)).assignments),
    shows: true,
  },
  {
    view: "client history: cards forgotten this week and last",
    read: async (w) => (await getClientHistory(trainers[w], clients[w], NOW)).forgotten,
    shows: true,
  },
  {
    view: "client history: every quiz attempt",
    read: async (w) => anonymous((await getClientHistory(trainers[w], clients[w], NOW)).quizAttempts),
    shows: true,
  },
  {
    view: "group history: whole",
    read: async (w) => {
      const { group, quizAttempts, ...rest } = await getGroupHistory(trainers[w], groups[w], NOW);
      return anonymous({
        groupName: group.name,
        quizAttempts: quizAttempts.map(({ attemptId: _, ...a }) => a),
        ...rest,
      });
    },
    shows: true,
  },
  {
    view: "group parameters: reviews counted",
    read: async (w) => (await getCohortOverview(trainers[w], "cm", NOW)).reviewCount,
    shows: true,
  },
];

describe("consent matrix: a client with one wrong quiz answer", () => {
  it("has what the scenario needs: quiz logs for sharer and private, none for control", async () => {
    const quizLogs = async (who: Who) =>
      db.reviewLog.count({ where: { userId: clients[who], origin: "quiz" } });
    expect([await quizLogs("sharer"), await quizLogs("private"), await quizLogs("control")]).toEqual([
      2, 2, 0,
    ]);
  });

  for (const cell of CELLS) {
    it(`${cell.view}: sharing off → no trace`, async () => {
      expect(await cell.read("private")).toEqual(await cell.read("control"));
    });
    it(`${cell.view}: sharing on → ${cell.shows ? "the trainer sees it" : "unchanged (nothing quiz-derived belongs here)"}`, async () => {
      const [sharer, control] = [await cell.read("sharer"), await cell.read("control")];
      if (cell.shows) expect(sharer).not.toEqual(control);
      else expect(sharer).toEqual(control);
    });
  }

  it("shows the sharing client's quiz answer where it belongs", async () => {
    const weakest = (await detailOf("sharer")).weakestCards;
    expect(weakest.find((c) => c.cardId === "cm-c01")).toMatchObject({
      again7d: 1,
      lapses: 1,
      lastAgainAt: QUIZ_AT,
      state: "relearning",
    });
    expect((await detailOf("control")).weakestCards.find((c) => c.cardId === "cm-c01")).toMatchObject({
      again7d: 0,
      lapses: 0,
      state: "review",
    });
    const failed = (await getDeckInsight(trainers.sharer, "cm", NOW)).failedCards;
    expect(failed.map((c) => [c.cardId, c.again])).toEqual([
      ["cm-c05", 1],
      ["cm-c01", 1],
      ["cm-c02", 1],
    ]);
    expect((await detailOf("sharer")).quizMisses?.map((m) => m.itemId)).toEqual(["cm-q1"]);
  });

  it("follows the switch both ways, for earlier answers too", async () => {
    await setQuizSharing(clients.sharer, trainers.sharer, false);
    await setQuizSharing(clients.private, trainers.private, true);
    try {
      for (const cell of CELLS) {
        expect(await cell.read("sharer"), cell.view).toEqual(await cell.read("control"));
        if (cell.shows) expect(await cell.read("private"), cell.view).not.toEqual(await cell.read("control"));
      }
    } finally {
      await setQuizSharing(clients.sharer, trainers.sharer, true);
      await setQuizSharing(clients.private, trainers.private, false);
    }
  });
});
