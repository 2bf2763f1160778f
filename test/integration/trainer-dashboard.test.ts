import { beforeAll, describe, expect, it } from "vitest";
import { choosePreset, deletePreset, savePreset } from "@/lib/data/deck-presets";
import { answerQuestion, startQuiz } from "@/lib/data/quiz";
import { recordReview } from "@/lib/data/reviews";
import { clientsCsv, getClientDetail, getClientsTable, getDeckInsight } from "@/lib/data/trainer/dashboard";
import { createUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { QuizResponse } from "@/lib/quiz";
import type { ReviewRating } from "@/lib/srs";
import { signUpSchema } from "@/lib/validations/user";
import { createDeck, createLearner, key } from "./fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date(Date.UTC(2026, 10, 24, 12)); // Tuesday 24 Nov 2026, 12:00 UTC; clients use UTC, rollover 04:00
const ago = (ms: number) => new Date(NOW.getTime() - ms);

let trainerId: string;
let otherTrainerId: string;
/** Linked, shares quiz answers, two assignments (and one removed, and another trainer's). */
let ann: string;
/** Linked, does not share quiz answers, one assignment without a deadline. */
let bob: string;
/** Was linked; the link ended. */
let cy: string;

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

/** Introduces a card and graduates it to review (Good on the new card, Good after its 10-minute step). */
async function learn(userId: string, cardId: string, when: Date) {
  await review(userId, cardId, 3, when);
  await review(userId, cardId, 3, new Date(when.getTime() + 15 * 60_000));
}

async function takeQuiz(userId: string, responses: Record<string, QuizResponse>, when: Date) {
  const attemptId = await startQuiz(userId, { deck: "mk", length: 5, mode: "mixed" }, when);
  let minute = 0;
  for (const [itemId, response] of Object.entries(responses)) {
    minute += 1;
    await answerQuestion(
      userId,
      attemptId,
      { itemId, response, durationMs: 3000 },
      new Date(when.getTime() + minute * 60_000),
    );
  }
}

const RIGHT: Record<string, QuizResponse> = {
  "mk-q0": { choice: "MK-7" },
  "mk-q1": { choice: "Menaquinone" },
  "mk-q2": { pairs: { "MK-4": "hours", "MK-7": "days" } },
};
const MISSES: Record<string, QuizResponse> = {
  "mk-q0": { choice: "MK-4" },
  "mk-q1": { choice: "Menaquinone" },
  "mk-q2": { pairs: { "MK-4": "days", "MK-7": "days" } },
};

async function user(name: string, role: "learner" | "trainer" = "learner") {
  if (role === "learner") {
    const learner = await createLearner(name);
    // Quiz answers would also write review logs; off, so every log below is one this test wrote.
    await db.studySettings.update({ where: { userId: learner.id }, data: { quizFeedsSchedule: false } });
    return learner.id;
  }
  const email = `${name.toLowerCase().replace(/\W/g, "")}@trainers.example`;
  return (await createUser(signUpSchema.parse({ name, email, password: "integration-password", role }))).id;
}

beforeAll(async () => {
  await createDeck("mk", 10);
  await createDeck("second", 4);
  await createDeck("other", 5);
  await db.deck.update({ where: { slug: "mk" }, data: { title: "Menaquinones" } });
  await db.deck.update({ where: { slug: "second" }, data: { title: '-K2 in food, "natto"\nand cheese' } });
  await db.card.update({
    where: { id: "mk-c01" },
    data: { front: "The half-life of {{c1::MK-7}} is **about 3 days**" },
  });
  await db.quizItem.createMany({
    data: [
      {
        id: "mk-q0",
        prompt: "Which form stays longest in the blood?",
        choices: ["MK-4", "MK-7", "K1"],
        answer: "MK-7",
      },
      {
        id: "mk-q1",
        prompt: "What is vitamin K2 called?",
        choices: ["Menaquinone", "Phylloquinone"],
        answer: "Menaquinone",
      },
      {
        id: "mk-q2",
        prompt: "Match each form to its half-life",
        choices: ["hours", "days"],
        answer: [
          { left: "MK-4", right: "hours" },
          { left: "MK-7", right: "days" },
        ],
      },
    ].map((item, position) => ({
      id: item.id,
      deckSlug: "mk",
      kind: Array.isArray(item.answer) ? "matching" : "multiple-choice",
      prompt: item.prompt,
      choices: JSON.stringify(item.choices),
      answer: JSON.stringify(item.answer),
      explanation: "Because the source says so.",
      evidence: "background",
      sources: "[]",
      cardIds: JSON.stringify(["mk-c01"]),
      position,
    })),
  });

  trainerId = await user("Coach Carla", "trainer");
  otherTrainerId = await user("Coach Other", "trainer");
  ann = await user('Smith, "Ann"');
  bob = await user('=HYPERLINK("http://evil.example","Bob")');
  cy = await user("Cy Ended");

  await db.trainerClient.createMany({
    data: [
      { trainerId, clientId: ann, shareQuizAnswers: true, linkedAt: ago(20 * DAY) },
      { trainerId, clientId: bob, shareQuizAnswers: false, linkedAt: ago(20 * DAY) },
      {
        trainerId,
        clientId: cy,
        shareQuizAnswers: true,
        linkedAt: ago(20 * DAY),
        endedAt: ago(DAY),
        endedBy: "client",
      },
      { trainerId: otherTrainerId, clientId: ann, linkedAt: ago(20 * DAY) },
    ],
  });
  const assignment = (clientId: string, deckSlug: string, extra: object = {}) => ({
    trainerId,
    clientId,
    deckSlug,
    goal: "all-introduced",
    createdAt: ago(14 * DAY),
    ...extra,
  });
  await db.assignment.createMany({
    data: [
      assignment(ann, "mk", { dueAt: new Date(NOW.getTime() + 2 * DAY), quizTarget: 60 }),
      assignment(ann, "second", { goal: "recall", targetRecall: 0.9, dueAt: ago(DAY) }),
      assignment(ann, "other", { removedAt: ago(3 * DAY) }),
      { ...assignment(ann, "other"), trainerId: otherTrainerId },
      assignment(bob, "mk"),
      assignment(cy, "mk", { dueAt: ago(DAY) }),
    ],
  });

  // Ann: six mk cards learned ten days ago, four reviewed two days ago (two forgotten), two cards
  // of the second deck yesterday, and the unassigned "other" deck after that.
  for (let i = 1; i <= 6; i++) await learn(ann, `mk-c0${i}`, ago(10 * DAY));
  await review(ann, "mk-c01", 1, ago(2 * DAY));
  await review(ann, "mk-c02", 1, ago(2 * DAY));
  await review(ann, "mk-c03", 3, ago(2 * DAY));
  await review(ann, "mk-c04", 3, ago(2 * DAY));
  await review(ann, "second-c01", 3, ago(DAY));
  await review(ann, "second-c02", 3, ago(DAY));
  for (let i = 1; i <= 3; i++) await review(ann, `other-c0${i}`, 1, ago(DAY - HOUR));
  await takeQuiz(ann, RIGHT, ago(5 * DAY));
  await takeQuiz(ann, MISSES, ago(3 * DAY));

  // Bob: forgot mk-c01 on first sight; the same wrong quiz pick as Ann, but not shared.
  await review(bob, "mk-c01", 1, ago(4 * DAY));
  await review(bob, "mk-c01", 3, ago(4 * DAY - HOUR));
  await takeQuiz(bob, MISSES, ago(2 * DAY));

  // Cy: forgot mk-c03 three times and missed the quiz too, but her link has ended.
  await review(cy, "mk-c03", 1, ago(3 * DAY));
  await review(cy, "mk-c03", 1, ago(3 * DAY - HOUR));
  await review(cy, "mk-c03", 1, ago(3 * DAY - 2 * HOUR));
  await takeQuiz(cy, MISSES, ago(2 * DAY));
});

/** Due and overdue counted independently through Prisma, over the given decks. */
async function dueCounts(userId: string, decks: string[]) {
  const states = await db.cardState.findMany({
    where: { userId, state: { not: "new" }, card: { deckSlug: { in: decks } } },
  });
  const dayStart = new Date(Date.UTC(2026, 10, 24, 4));
  return {
    due: states.filter((s) => s.due <= NOW).length,
    overdue: states.filter((s) => s.state === "review" && s.due < dayStart).length,
  };
}

describe("getClientsTable", () => {
  it("lists only clients whose link stands, with counts over the decks this trainer assigned", async () => {
    const table = await getClientsTable(trainerId, NOW, { sort: "name" });
    expect(table.rows.map((r) => r.clientId)).toEqual([bob, ann]);
    expect(table).toMatchObject({ total: 2, page: 1, pageSize: 50, pageCount: 1 });

    const row = table.rows[1]!;
    // 4 mk reviews two days ago and 2 on the second deck yesterday; the learning answers ten days
    // ago are outside the 7 study days and the three "other" answers are on an unassigned deck.
    expect(row.reviews7d).toBe(6);
    expect(row.lastActive).toEqual(ago(DAY));
    const assigned = await dueCounts(ann, ["mk", "second"]);
    const withOther = await dueCounts(ann, ["mk", "second", "other"]);
    expect(withOther.due).toBeGreaterThan(assigned.due);
    expect(assigned.overdue).toBeGreaterThan(0);
    expect({ due: row.dueNow, overdue: row.overdueNow }).toEqual(assigned);

    expect(row.assignments.map((a) => a.deckSlug)).toEqual(["mk", "second"]);
    const [mk, second] = row.assignments;
    expect(mk).toMatchObject({ deckTitle: "Menaquinones", cards: 10, introduced: 6, bestQuiz: 100 });
    expect(mk?.lastQuiz).toBeCloseTo(100 / 3);
    expect(mk?.predictedRecall).toBeGreaterThan(0);
    expect(mk?.predictedRecall).toBeLessThan(1);
    expect(mk?.onTrack).toEqual({
      status: "on-track",
      reason: "4 cards left, 1 day at 10 new a day; best quiz 100%, goal 60%; 2 days to go",
    });
    // mk-c01 and mk-c02 forgotten two days ago: each one lapse, both within the 7 study days.
    expect(mk).toMatchObject({ lapses: 2, forgottenCards7d: 2 });
    expect(second).toMatchObject({ goal: "recall", cards: 4, introduced: 2, bestQuiz: null });
    expect(second?.onTrack.status).toBe("overdue");
    expect(second?.onTrack.reason).toMatch(/^Was due 23 Nov: recall \d+%, goal 90%$/);
    expect(row.status).toBe("at-risk");

    expect(table.rows[0]).toMatchObject({
      reviews7d: 2,
      status: "on-track",
      lastActive: ago(4 * DAY - HOUR),
    });
    expect(table.rows[0]?.assignments[0]?.onTrack).toEqual({
      status: "no-deadline",
      reason: "1 of 10 cards introduced since 10 Nov, no due date",
    });
  });

  it("sorts, searches by name or email whatever the case, and pages", async () => {
    const byStatus = await getClientsTable(trainerId, NOW);
    expect(byStatus.sort).toBe("status");
    expect(byStatus.rows.map((r) => r.clientId)).toEqual([ann, bob]);
    const byReviews = await getClientsTable(trainerId, NOW, { sort: "reviews7d", direction: "desc" });
    expect(byReviews.rows.map((r) => r.clientId)).toEqual([ann, bob]);
    const byOverdue = await getClientsTable(trainerId, NOW, { sort: "overdue", direction: "asc" });
    expect(byOverdue.rows.map((r) => r.clientId)).toEqual([bob, ann]);

    expect((await getClientsTable(trainerId, NOW, { search: "ANN" })).rows.map((r) => r.clientId)).toEqual([
      ann,
    ]);
    const bobEmail = (await db.user.findUniqueOrThrow({ where: { id: bob } })).email;
    const byEmail = await getClientsTable(trainerId, NOW, { search: bobEmail.slice(0, 12).toUpperCase() });
    expect(byEmail.rows.map((r) => r.clientId)).toEqual([bob]);
    expect((await getClientsTable(trainerId, NOW, { search: "cy ended" })).total).toBe(0);
    expect((await getClientsTable(trainerId, NOW, { page: 7 })).page).toBe(1);
  });

  it("shows another trainer only what that trainer assigned", async () => {
    const table = await getClientsTable(otherTrainerId, NOW);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]).toMatchObject({ clientId: ann, reviews7d: 3, lastActive: ago(DAY - HOUR) });
    expect(table.rows[0]?.assignments.map((a) => a.deckSlug)).toEqual(["other"]);
  });
});

describe("getClientDetail", () => {
  it("gives the heatmap, retention, weekly progress and weakest cards on assigned decks only", async () => {
    const detail = await getClientDetail(trainerId, ann, NOW);
    expect(detail.today).toBe("2026-11-24");
    expect(detail.heatmap).toHaveLength(365);
    const days = Object.fromEntries(detail.heatmap.filter((d) => d.count > 0).map((d) => [d.day, d.count]));
    expect(days).toEqual({ "2026-11-14": 12, "2026-11-22": 4, "2026-11-23": 2 });
    expect(detail.retention.last7).toEqual({ answered: 4, recalled: 2, rate: 0.5 });
    expect(detail.retention.last30).toEqual({ answered: 4, recalled: 2, rate: 0.5 });

    const mk = detail.progress.find((p) => p.deckSlug === "mk");
    expect(mk).toMatchObject({ cards: 10, introducedBefore: 0 });
    expect(mk?.weeks.map((w) => [w.introduced, w.total])).toEqual([
      [6, 6],
      [0, 6],
      [0, 6],
    ]);
    expect(mk?.weeks[0]?.weekStart).toEqual(ago(14 * DAY));

    const weak = detail.weakestCards;
    expect(weak).toHaveLength(8);
    expect(weak.every((c) => c.deckSlug !== "other")).toBe(true);
    // The two cards forgotten two days ago first, with their Again answers; then recall at NOW.
    expect(weak.slice(0, 2).map((c) => [c.cardId, c.again7d, c.lastAgainAt, c.lapses])).toEqual([
      ["mk-c01", 1, ago(2 * DAY), 1],
      ["mk-c02", 1, ago(2 * DAY), 1],
    ]);
    const rest = weak.slice(2);
    expect(rest.every((c) => c.again7d === 0 && c.lastAgainAt === null)).toBe(true);
    expect(rest.map((c) => c.retrievability)).toEqual(
      [...rest.map((c) => c.retrievability)].sort((a, b) => a - b),
    );
    expect(weak.find((c) => c.cardId === "mk-c01")?.front).toBe("The half-life of […] is about 3 days");
  });

  it("shows quiz misses with the wrong answer chosen when the client shares them", async () => {
    const detail = await getClientDetail(trainerId, ann, NOW);
    expect(detail.quizAnswersShared).toBe(true);
    expect(detail.quizMisses?.map((m) => [m.itemId, m.picks])).toEqual([
      ["mk-q2", [{ chosen: "MK-4 → days", expected: "MK-4 → hours" }]],
      ["mk-q0", [{ chosen: "MK-4", expected: "MK-7" }]],
    ]);
  });

  it("hides quiz misses when the client does not share them", async () => {
    const detail = await getClientDetail(trainerId, bob, NOW);
    expect(detail.quizAnswersShared).toBe(false);
    expect(detail.quizMisses).toBeNull();
  });

  it("is not found for a client whose link ended, someone never linked, or another trainer's client", async () => {
    await expect(getClientDetail(trainerId, cy, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getClientDetail(trainerId, trainerId, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getClientDetail(otherTrainerId, bob, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getDeckInsight", () => {
  it("counts Again answers of active clients and wrong picks of sharing clients only", async () => {
    const insight = await getDeckInsight(trainerId, "mk", NOW);
    expect(insight).toMatchObject({ deckTitle: "Menaquinones", clients: 2, sharingClients: 1 });
    // mk-c01: Ann 1 Again of 3, Bob 1 of 2; mk-c02: Ann 1 of 3. Cy's mk-c03 lapses are not counted.
    expect(insight.failedCards.map((c) => [c.cardId, c.again, c.answers, c.clients])).toEqual([
      ["mk-c01", 2, 5, 2],
      ["mk-c02", 1, 3, 1],
    ]);
    expect(insight.failedCards[0]?.failRate).toBeCloseTo(0.4);
    // Bob (not sharing) and Cy (link ended) picked the same wrong options; only Ann is counted.
    expect(insight.wrongAnswers).toEqual([
      {
        itemId: "mk-q2",
        prompt: "Match each form to its half-life",
        chosen: "MK-4 → days",
        expected: "MK-4 → hours",
        count: 1,
        clients: 1,
      },
      {
        itemId: "mk-q0",
        prompt: "Which form stays longest in the blood?",
        chosen: "MK-4",
        expected: "MK-7",
        count: 1,
        clients: 1,
      },
    ]);
  });

  it("is empty for a deck the trainer did not assign, and not found for an unknown deck", async () => {
    const insight = await getDeckInsight(trainerId, "other", NOW);
    expect(insight).toMatchObject({ clients: 0, failedCards: [], wrongAnswers: [] });
    await expect(getDeckInsight(trainerId, "nope", NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("clientsCsv", () => {
  it("writes one record per client and assignment, escaped, with formulas neutralized", async () => {
    const csv = await clientsCsv(trainerId, NOW);
    expect(csv.endsWith("\r\n")).toBe(true);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "Name,Email,Status,Last active,Reviews (7 days),Due now,Overdue,Deck,Goal,Due date,Cards introduced," +
        "Cards total,Predicted recall now (%),Cards forgotten (7 days),Lapses,Best quiz (%),Last quiz (%),On track,Reason",
    );
    // Ann's two assignments, then Bob's one: at-risk first. A quoted deck title keeps its line break.
    expect(lines[1]).toMatch(
      /^"Smith, ""Ann""",[^,]+,at-risk,2026-11-23T12:00:00.000Z,6,\d+,\d+,Menaquinones,all-introduced,/,
    );
    expect(lines[1]).toMatch(
      /,6,10,[\d.]+,2,2,100,33.3,on-track,"4 cards left, 1 day at 10 new a day; best quiz 100%, goal 60%; 2 days to go"$/,
    );
    expect(csv).toContain(`"'-K2 in food, ""natto""\nand cheese",recall,`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Bob"")",`);
    expect(csv).not.toContain("Cy Ended");
    expect(csv.match(/^"'=HYPERLINK/gm)).toHaveLength(1);
    expect(csv.match(/^"Smith/gm)).toHaveLength(2);
  });
});

describe("a linked client with no deck assigned", () => {
  it("has an empty detail: no answer on a deck the trainer did not assign is counted", async () => {
    const coach = await user("Coach New", "trainer");
    const dee = await user("Dee Unassigned");
    await db.trainerClient.create({
      data: { trainerId: coach, clientId: dee, shareQuizAnswers: true, linkedAt: ago(5 * DAY) },
    });
    await learn(dee, "mk-c01", ago(2 * DAY));
    await review(dee, "mk-c01", 1, ago(DAY));
    await takeQuiz(dee, MISSES, ago(DAY));

    const detail = await getClientDetail(coach, dee, NOW);
    expect(detail.client).toMatchObject({
      status: "no-assignments",
      reviews7d: 0,
      dueNow: 0,
      assignments: [],
    });
    expect(detail.heatmap).toHaveLength(365);
    expect(detail.heatmap.every((day) => day.count === 0)).toBe(true);
    expect(detail.retention.last7).toEqual({ answered: 0, recalled: 0, rate: null });
    expect(detail.progress).toEqual([]);
    expect(detail.weakestCards).toEqual([]);
    expect(detail.quizMisses).toEqual([]);
  });
});

describe("a deck preset", () => {
  it("paces the on-track rule: the client's own new cards a day on that deck, not the all-decks limit", async () => {
    const presetId = await savePreset(ann, {
      presetId: null,
      name: "One a day",
      newPerDay: 1,
      maxReviewsPerDay: 200,
      desiredRetention: 0.9,
      learningSteps: ["1m", "10m"],
      relearningSteps: ["10m"],
    });
    await choosePreset(ann, "mk", presetId);
    try {
      const row = (await getClientsTable(trainerId, NOW, { sort: "name" })).rows.find(
        (r) => r.clientId === ann,
      );
      // The same 4 cards left and 2 days to go that are on track at 10 a day take 4 days at 1 a day.
      expect(row?.assignments[0]).toMatchObject({ deckSlug: "mk", onTrack: { status: "at-risk" } });
      expect(row?.assignments[0]?.onTrack.reason).toMatch(/4 cards left, 4 days at 1 new a day/);
    } finally {
      await deletePreset(ann, presetId);
    }
  });
});
