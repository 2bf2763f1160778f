import { default_w, forgetting_curve } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDeckProgress } from "@/lib/data/dashboard";
import { recordReview } from "@/lib/data/reviews";
import { CARD_TABLE_PAGE_SIZE, cardTableQuerySchema, getCardTable, getLearnerStats } from "@/lib/data/stats";
import { getStudySession } from "@/lib/data/study";
import { createUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import { query, transaction } from "@/lib/query";
import {
  type CardSchedule,
  dueForecast,
  type ReviewRating,
  reviewsPerDay,
  type SrsState,
  trueRetention,
} from "@/lib/srs";
import { signUpSchema } from "@/lib/validations/user";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);
const shift = (date: Date, ms: number) => new Date(date.getTime() + ms);

// Three small decks (one card retired) and a larger one for paging; shared by every test, each
// of which signs up its own learner.
const DECKS = [
  { slug: "alpha", cards: 6 },
  { slug: "beta", cards: 4 },
  { slug: "paging", cards: 60 },
];

beforeAll(async () => {
  for (const [position, deck] of DECKS.entries()) {
    await db.deck.create({
      data: {
        slug: deck.slug,
        title: `Deck ${deck.slug}`,
        description: `The ${deck.slug} deck`,
        position,
        cards: {
          create: Array.from({ length: deck.cards }, (_, i) => ({
            id: `${deck.slug}-${String(i + 1).padStart(2, "0")}`,
            kind: "basic",
            front:
              i === 0
                ? `In the rat study, the rise was put down to {{c1::CYP11A}}, ${"an enzyme used to make testosterone ".repeat(4)}`
                : `Question ${i + 1} of ${deck.slug}`,
            back: "Answer",
            evidence: "background",
            sources: "[]",
            position: i,
          })),
        },
      },
    });
  }
  await db.card.create({
    data: {
      id: "alpha-retired",
      deckSlug: "alpha",
      kind: "basic",
      front: "Retired",
      back: "Retired",
      evidence: "background",
      sources: "[]",
      position: 99,
      retired: true,
    },
  });
  // Each card in its own deck, as the seed's membership table lists it.
  await query()
    .insertInto("DeckCard")
    .columns(["deckSlug", "cardId", "position"])
    .expression((db) => db.selectFrom("Card").select(["deckSlug", "id", "position"]))
    .execute();
});

let learners = 0;
async function newLearner(
  settings: {
    timeZone?: string;
    dayRolloverHour?: number;
    newPerDay?: number;
    newPerDayTotal?: number;
    maxReviewsPerDay?: number;
  } = {},
) {
  learners += 1;
  const user = await createUser(
    signUpSchema.parse({
      name: `Stats learner ${learners}`,
      email: `stats-${learners}@example.com`,
      password: "correct horse battery",
      role: "learner",
    }),
  );
  await db.studySettings.update({ where: { userId: user.id }, data: { enableFuzz: false, ...settings } });
  return user.id;
}

const versions = new Map<string, number>();
let keys = 0;
/** Answers a card as the study page would, at a fixed time. */
async function answer(userId: string, cardId: string, rating: ReviewRating, when: Date) {
  keys += 1;
  const result = await recordReview(
    userId,
    {
      idempotencyKey: `stats-key-${keys}`,
      cardId,
      rating,
      expectedVersion: versions.get(`${userId}:${cardId}`) ?? 0,
      answeredAt: when.getTime(),
      durationMs: 1000,
    },
    when,
  );
  versions.set(`${userId}:${cardId}`, result.version);
  return result;
}

/** Puts a card straight into a given schedule, as if it had been studied before. */
async function setSchedule(
  userId: string,
  cardId: string,
  state: SrsState,
  due: Date,
  extra: Partial<CardSchedule> = {},
) {
  const lastReview = extra.lastReview ?? (state === "new" ? null : shift(due, -3 * DAY));
  await db.cardState.create({
    data: {
      userId,
      cardId,
      state,
      due,
      stability: extra.stability ?? (state === "new" ? 0 : 3),
      difficulty: extra.difficulty ?? (state === "new" ? 0 : 5),
      reps: extra.reps ?? (state === "new" ? 0 : 2),
      lapses: extra.lapses ?? 0,
      learningSteps: 0,
      scheduledDays: state === "review" ? 3 : 0,
      lastReview,
    },
  });
}

async function logsOf(userId: string) {
  const logs = await db.reviewLog.findMany({ where: { userId }, orderBy: { reviewedAt: "asc" } });
  return logs.map((log) => ({
    rating: log.rating as ReviewRating,
    stateBefore: log.stateBefore as SrsState,
    reviewedAt: log.reviewedAt,
  }));
}

describe("reviews per study day (heatmap)", () => {
  it("puts reviews in the learner's study day in their time zone, around the rollover hour and DST", async () => {
    const userId = await newLearner({ timeZone: "America/New_York", dayRolloverHour: 4 });
    // 2026-03-08 is the spring-forward day in New York: 01:30 EST, then 04:30 EDT (08:30Z).
    await answer(userId, "alpha-01", 3, at("2026-03-08T06:30:00Z")); // 01:30 EST, before 04:00: study day 03-07
    await answer(userId, "alpha-02", 3, at("2026-03-08T08:30:00Z")); // 04:30 EDT: study day 03-08
    await answer(userId, "alpha-03", 3, at("2026-03-10T07:59:59Z")); // 03:59 EDT: still study day 03-09
    await answer(userId, "alpha-04", 3, at("2026-03-10T08:00:00Z")); // 04:00 EDT: study day 03-10 begins
    await answer(userId, "alpha-05", 3, at("2026-03-10T19:00:00Z"));
    const now = at("2026-03-10T20:00:00Z");

    const stats = await getLearnerStats(userId, now);
    expect(stats.today).toBe("2026-03-10");
    expect(stats.heatmap).toHaveLength(365);
    expect(stats.heatmap.at(-1)).toEqual({ day: "2026-03-10", count: 2 });
    const byDay = Object.fromEntries(stats.heatmap.filter((d) => d.count > 0).map((d) => [d.day, d.count]));
    expect(byDay).toEqual({ "2026-03-07": 1, "2026-03-08": 1, "2026-03-09": 1, "2026-03-10": 2 });
    expect(stats.totals).toMatchObject({
      reviewsAllTime: 5,
      reviewsToday: 2,
      activeDays: 4,
      streak: 4,
      introduced: 5,
    });
    // The SQL grouping agrees with lib/srs's reference over the same logs.
    expect(stats.heatmap).toEqual(reviewsPerDay(await logsOf(userId), now, stats.clock));
  });

  it("keeps the streak alive before today's first review and gives a new learner zeros", async () => {
    const userId = await newLearner();
    const empty = await getLearnerStats(userId, at("2026-06-01T12:00:00Z"));
    expect(empty.totals).toEqual({
      introduced: 0,
      reviewsAllTime: 0,
      reviewsToday: 0,
      activeDays: 0,
      streak: 0,
      predictedRecall: null,
    });
    expect(empty.retention.last30).toEqual({ answered: 0, recalled: 0, rate: null });
    expect(empty.forecast.every((day) => day.count === 0)).toBe(true);
    expect(empty.decks.map((deck) => deck.predictedRecall)).toEqual([null, null, null]);

    await answer(userId, "alpha-01", 3, at("2026-05-30T12:00:00Z"));
    await answer(userId, "alpha-02", 3, at("2026-05-31T12:00:00Z"));
    const stats = await getLearnerStats(userId, at("2026-06-01T12:00:00Z"));
    expect(stats.totals.reviewsToday).toBe(0);
    expect(stats.totals.streak).toBe(2);
  });
});

describe("true retention", () => {
  it("counts only answers given in the review state, and Again as forgotten", async () => {
    const userId = await newLearner();
    const now = at("2026-04-20T12:00:00Z");
    await answer(userId, "alpha-01", 4, shift(now, -25 * DAY)); // new -> review: not counted
    await answer(userId, "alpha-01", 3, shift(now, -20 * DAY)); // review, recalled: 30-day window only
    await answer(userId, "alpha-01", 1, shift(now, -3 * DAY)); // review, forgotten
    await answer(userId, "alpha-01", 3, shift(now, -3 * DAY + 10 * MINUTE)); // relearning: not counted
    await answer(userId, "alpha-02", 4, shift(now, -2 * DAY)); // new: not counted
    await answer(userId, "alpha-02", 3, shift(now, -1 * DAY)); // review, recalled
    await answer(userId, "alpha-03", 1, shift(now, -1 * HOUR)); // new, Again: not counted

    const logs = await logsOf(userId);
    expect(logs.map((log) => log.stateBefore)).toEqual([
      "new",
      "review",
      "review",
      "relearning",
      "new",
      "review",
      "new",
    ]);
    const stats = await getLearnerStats(userId, now);
    expect(stats.retention.last7).toEqual({ answered: 2, recalled: 1, rate: 0.5 });
    expect(stats.retention.last30).toEqual({ answered: 3, recalled: 2, rate: 2 / 3 });
    // Same figures as lib/srs's definition over the study-day window (UTC, rollover 04:00).
    expect(stats.retention.last30).toEqual(
      trueRetention(logs, at("2026-03-22T04:00:00Z"), at("2026-04-21T04:00:00Z")),
    );
  });
});

describe("due forecast", () => {
  it("counts due cards per study day, overdue cards today, new cards never", async () => {
    const userId = await newLearner(); // UTC, rollover 04:00: today is 05-01 04:00Z to 05-02 04:00Z
    const now = at("2026-05-01T12:00:00Z");
    await setSchedule(userId, "beta-01", "review", at("2026-04-28T09:00:00Z")); // overdue: today
    await setSchedule(userId, "beta-02", "review", at("2026-05-02T03:00:00Z")); // before rollover: today
    await setSchedule(userId, "beta-03", "review", at("2026-05-02T05:00:00Z")); // tomorrow
    await setSchedule(userId, "beta-04", "learning", shift(now, 5 * MINUTE)); // today
    await setSchedule(userId, "alpha-03", "review", at("2026-05-04T10:00:00Z")); // in three days
    await setSchedule(userId, "alpha-04", "review", at("2026-06-15T10:00:00Z")); // beyond 30 days
    await setSchedule(userId, "alpha-05", "new", now); // new: left out
    await setSchedule(userId, "alpha-retired", "review", now); // retired card: left out

    const stats = await getLearnerStats(userId, now);
    expect(stats.forecast).toHaveLength(30);
    expect(stats.forecast.slice(0, 4)).toEqual([
      { day: "2026-05-01", count: 3 },
      { day: "2026-05-02", count: 1 },
      { day: "2026-05-03", count: 0 },
      { day: "2026-05-04", count: 1 },
    ]);
    expect(stats.forecast.reduce((sum, day) => sum + day.count, 0)).toBe(5);
    expect(stats.totals.introduced).toBe(6);

    const states = await db.cardState.findMany({ where: { userId, card: { retired: false } } });
    expect(stats.forecast).toEqual(
      dueForecast(
        states.map((s) => ({ ...s, state: s.state as SrsState })),
        now,
        stats.clock,
        30,
      ),
    );
  });
});

describe("dashboard deck progress", () => {
  it("gives each deck the due and new counts the study session would queue for it", async () => {
    const userId = await newLearner({ newPerDay: 3, newPerDayTotal: 4, maxReviewsPerDay: 2 });
    const now = at("2026-07-10T15:00:00Z");
    await setSchedule(userId, "alpha-01", "review", shift(now, -2 * DAY));
    await setSchedule(userId, "alpha-02", "review", shift(now, -1 * HOUR));
    await setSchedule(userId, "alpha-03", "review", at("2026-07-11T03:00:00Z")); // due later today
    await setSchedule(userId, "alpha-04", "review", shift(now, 6 * DAY));
    await setSchedule(userId, "alpha-05", "relearning", shift(now, -5 * MINUTE));
    await setSchedule(userId, "alpha-06", "learning", shift(now, HOUR)); // not due yet
    await setSchedule(userId, "beta-01", "review", shift(now, -3 * DAY));
    await setSchedule(userId, "beta-03", "review", shift(now, -1 * DAY));
    // Today so far: one new card introduced, one review answered; both count against the limits.
    await answer(userId, "beta-02", 3, shift(now, -1 * HOUR));
    await answer(userId, "beta-03", 3, shift(now, -30 * MINUTE));

    const progress = await getDeckProgress(userId, now);
    for (const deck of progress.decks) {
      const session = await getStudySession(userId, { deck: deck.slug, cardIds: null }, now);
      expect({ slug: deck.slug, due: deck.due, newAvailable: deck.newAvailable }).toEqual({
        slug: deck.slug,
        due: session.counts.learning + session.counts.review,
        newAvailable: session.counts.new,
      });
    }
    const all = await getStudySession(userId, { deck: null, cardIds: null }, now);
    expect(progress.totalDue).toBe(all.counts.learning + all.counts.review);
    expect(progress.totalNew).toBe(all.counts.new);

    // The limits did bite: 1 relearning + 1 of 3 reviews (2 per day, 1 done) in alpha; beta has 2 of
    // its own 3 new left (1 card unseen), paging all 3; all decks together 3 of 4 (issue 16, item 3).
    const alpha = progress.decks.find((deck) => deck.slug === "alpha");
    expect(alpha).toMatchObject({ cardCount: 6, introduced: 6, due: 2, newAvailable: 0 });
    // Mean recall of alpha's six cards (stability 3, last review 3 days before each due date), by
    // ts-fsrs's forgetting curve with the default weights: whole days since the last review
    // 5, 3, 2, 0 (the card due in 6 days: clamped), 3 and 2.
    const elapsedDays = [5, 3, 2, 0, 3, 2];
    const expectedRecall =
      elapsedDays.reduce((sum, days) => sum + forgetting_curve(default_w, days, 3), 0) / elapsedDays.length;
    expect(alpha?.predictedRecall).toBeCloseTo(expectedRecall, 12);
    expect(progress.decks.find((deck) => deck.slug === "beta")).toMatchObject({
      introduced: 3,
      newAvailable: 1,
    });
    expect(progress.decks.find((deck) => deck.slug === "paging")).toMatchObject({
      introduced: 0,
      due: 0,
      newAvailable: 3,
      predictedRecall: null,
    });
    expect(progress.totalNew).toBe(3);
  });
});

describe("card table", () => {
  it("sorts server-side by any column, retrievability included, and pages by 50", async () => {
    const userId = await newLearner();
    const now = at("2026-08-01T12:00:00Z");
    for (let i = 1; i <= 60; i += 1) {
      await setSchedule(
        userId,
        `paging-${String(i).padStart(2, "0")}`,
        i % 7 === 0 ? "relearning" : "review",
        shift(now, ((i % 13) - 6) * DAY),
        {
          stability: 1 + ((i * 37) % 60),
          difficulty: 1 + ((i * 11) % 9),
          lapses: i % 4,
          reps: 2 + (i % 9),
          lastReview: shift(now, -((i * 7) % 30) * DAY - HOUR),
        },
      );
    }
    await setSchedule(userId, "alpha-01", "review", now);
    const query = (input: Record<string, string>) => cardTableQuerySchema.parse(input);

    const first = await getCardTable(userId, now, query({}));
    expect(first).toMatchObject({
      total: 61,
      page: 1,
      pageCount: 2,
      sort: "due",
      direction: "asc",
      deck: null,
    });
    expect(first.rows).toHaveLength(CARD_TABLE_PAGE_SIZE);
    const dues = first.rows.map((row) => row.due.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));

    for (const sort of ["stability", "difficulty", "lapses", "reps", "retrievability"] as const) {
      const pages = await Promise.all(
        ["1", "2"].map((page) => getCardTable(userId, now, query({ sort, direction: "desc", page }))),
      );
      const values = pages.flatMap((p) => p.rows.map((row) => row[sort]));
      expect(values).toHaveLength(61);
      expect(values, sort).toEqual([...values].sort((a, b) => b - a));
    }
    const byFront = await getCardTable(userId, now, query({ sort: "front", deck: "paging", page: "9" }));
    expect(byFront).toMatchObject({ total: 60, page: 2, deck: "paging" });
    expect(byFront.rows).toHaveLength(10);
    const byState = await getCardTable(userId, now, query({ sort: "state" }));
    expect(byState.rows[0]?.state).toBe("relearning");

    // The cloze answer stays hidden and long fronts are cut.
    const alpha = await getCardTable(userId, now, query({ deck: "alpha" }));
    expect(alpha.rows).toHaveLength(1);
    expect(alpha.rows[0]?.front).toContain("[…]");
    expect(alpha.rows[0]?.front).not.toContain("CYP11A");
    expect(alpha.rows[0]?.front.length).toBeLessThanOrEqual(81);
    expect(alpha.rows[0]?.front.endsWith("…")).toBe(true);

    expect(query({ sort: "password", direction: "sideways", page: "-3" })).toEqual({
      sort: "due",
      direction: "asc",
      deck: undefined,
      page: 1,
    });
    const unknownDeck = await getCardTable(userId, now, query({ deck: "no-such-deck" }));
    expect(unknownDeck.deck).toBeNull();
  });
});

describe("isolation between learners", () => {
  it("never shows one learner's reviews or cards to another", async () => {
    const alice = await newLearner();
    const bob = await newLearner();
    const now = at("2026-09-01T12:00:00Z");
    await answer(alice, "alpha-01", 4, shift(now, -2 * HOUR));
    for (const card of ["alpha-01", "alpha-02", "beta-01", "beta-02"])
      await answer(bob, card, 4, shift(now, -3 * DAY));
    await answer(bob, "alpha-01", 1, shift(now, -1 * HOUR));

    const stats = await getLearnerStats(alice, now);
    expect(stats.totals).toMatchObject({ reviewsAllTime: 1, reviewsToday: 1, introduced: 1 });
    expect(stats.heatmap.reduce((sum, day) => sum + day.count, 0)).toBe(1);
    expect(stats.retention.last30.answered).toBe(0);
    expect(stats.forecast.reduce((sum, day) => sum + day.count, 0)).toBe(1);
    expect(stats.decks.find((deck) => deck.slug === "beta")?.introduced).toBe(0);

    const table = await getCardTable(alice, now, cardTableQuerySchema.parse({}));
    expect(table.rows.map((row) => row.cardId)).toEqual(["alpha-01"]);
    expect(table.rows[0]?.reps).toBe(1);

    const progress = await getDeckProgress(alice, now);
    expect(progress.decks.map((deck) => deck.introduced)).toEqual([1, 0, 0]);

    const bobs = await getLearnerStats(bob, now);
    expect(bobs.totals).toMatchObject({ reviewsAllTime: 5, introduced: 4 });
    expect(bobs.retention.last7).toEqual({ answered: 1, recalled: 0, rate: 0 });
  });
});

describe("a heavy learner", () => {
  const CARDS = 20_000;
  const LOGS = 200_000;
  afterAll(async () => {
    // Keep the big deck out of any later test.
    await query().updateTable("Deck").set({ retired: true }).where("slug", "=", "heavy").execute();
  });

  /** Multi-row INSERTs of up to 500 rows, so 200,000 rows are quick on PostgreSQL too. */
  async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
    for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
  }

  it("gives complete statistics and a full card table with 20,000 cards and 200,000 reviews", async () => {
    const userId = await newLearner();
    const now = at("2026-10-01T12:00:00Z");
    const ids = Array.from({ length: CARDS }, (_, i) => `heavy-${i}`);
    await transaction(async (tx) => {
      await tx
        .insertInto("Deck")
        .values({ slug: "heavy", title: "Heavy", description: "Big", position: 9 })
        .execute();
      await inBatches(
        ids.map((id, i) => ({
          id,
          deckSlug: "heavy",
          kind: "basic",
          front: `Heavy question number ${i} about vitamin K2 and the matrix Gla protein`,
          back: "Back",
          evidence: "background",
          sources: "[]",
          position: i,
        })),
        (batch) => tx.insertInto("Card").values(batch).execute(),
      );
      await tx
        .insertInto("DeckCard")
        .columns(["deckSlug", "cardId", "position"])
        .expression((db) =>
          db.selectFrom("Card").select(["deckSlug", "id", "position"]).where("deckSlug", "=", "heavy"),
        )
        .execute();
      await inBatches(
        ids.map((id, i) => ({
          userId,
          cardId: id,
          state: i % 10 === 0 ? "relearning" : "review",
          due: shift(now, ((i % 90) - 20) * DAY),
          stability: 1 + (i % 100),
          difficulty: 1 + (i % 9),
          reps: 10,
          lapses: i % 3,
          learningSteps: 0,
          scheduledDays: 10,
          lastReview: shift(now, -((i % 60) + 1) * DAY),
          version: 1,
          introducedAt: shift(now, -300 * DAY),
        })),
        (batch) => tx.insertInto("CardState").values(batch).execute(),
      );
      await inBatches(
        Array.from({ length: LOGS }, (_, i) => {
          const when = shift(now, -((i * 7919) % ((400 * DAY) / MINUTE)) * MINUTE);
          return {
            id: `heavy-log-${i}`,
            userId,
            cardId: `heavy-${i % CARDS}`,
            idempotencyKey: `heavy-key-${i}`,
            origin: "study",
            rating: 1 + (i % 4),
            reviewedAt: when,
            durationMs: 1000,
            stateBefore: "review",
            dueBefore: when,
            stabilityBefore: 5,
            difficultyBefore: 5,
            scheduledDaysBefore: 5,
            learningStepsBefore: 0,
            dueAfter: when,
            stabilityAfter: 6,
            difficultyAfter: 5,
          };
        }),
        (batch) => tx.insertInto("ReviewLog").values(batch).execute(),
      );
    });

    // Speed is measured by `npm run bench`; this test checks the answers stay right at this size.
    const stats = { result: await getLearnerStats(userId, now) };
    const byDue = { result: await getCardTable(userId, now, cardTableQuerySchema.parse({ page: "200" })) };
    const byRecall = {
      result: await getCardTable(
        userId,
        now,
        cardTableQuerySchema.parse({ sort: "retrievability", page: "3" }),
      ),
    };
    expect(stats.result.totals.reviewsAllTime).toBe(LOGS);
    expect(stats.result.totals.introduced).toBe(CARDS);
    expect(byDue.result.rows).toHaveLength(CARD_TABLE_PAGE_SIZE);
    expect(byRecall.result.rows).toHaveLength(CARD_TABLE_PAGE_SIZE);
    // Inserting 200,000 rows is the slow part; on a loaded 2-core machine it took over 70 s.
  }, 180_000);
});
