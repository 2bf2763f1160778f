import { performance } from "node:perf_hooks";
import type { Insertable } from "kysely";
import { type DB, openQuery } from "@/lib/query";
import {
  type CardSchedule,
  DEFAULT_LEARNER_SETTINGS,
  newCardSchedule,
  type ReviewRating,
  rate,
} from "@/lib/srs";
import { percentiles } from "./stats";
import { inBatches, insertBenchDeck } from "./synthetic-history";

const DAY = 86_400_000;
const TIME_ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"];

/**
 * The trainer's clients table at `clients` clients, each assigned one deck of `cards` cards and
 * with `logsPerClient` review logs on it: the first page in the default order (status, which
 * needs every client's assignment progress), timed `runs` times after a warm-up.
 */
export async function benchTrainerDashboard(
  url: string,
  { clients = 200, cards = 50, logsPerClient = 2000, runs = 20 } = {},
) {
  const now = new Date();
  const cardIds = await insertBenchDeck(url, "trainer", cards);
  const trainerId = await insertTrainerWithClients(url, cardIds, clients, logsPerClient, now);
  const { getClientsTable } = await import("@/lib/data/trainer/dashboard");
  let rows = 0;
  for (let i = 0; i < 3; i++) rows = (await getClientsTable(trainerId, now)).rows.length;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await getClientsTable(trainerId, now);
    samples.push(performance.now() - start);
  }
  return { ...percentiles(samples), clients, cards, logs: clients * logsPerClient, rows };
}

/**
 * The clients table filtered by group (issue 19): `clients` clients in `groups` equal groups,
 * the first page of one group in the default order, then the same group filtered by status too.
 */
export async function benchTrainerGroups(
  url: string,
  { clients = 500, groups = 5, cards = 50, logsPerClient = 1000, runs = 20 } = {},
) {
  const now = new Date();
  const cardIds = await insertBenchDeck(url, "trainer", cards);
  const trainerId = await insertTrainerWithClients(url, cardIds, clients, logsPerClient, now, groups);
  const { getClientsTable } = await import("@/lib/data/trainer/dashboard");
  const time = async (query: Parameters<typeof getClientsTable>[2]) => {
    let rows = 0;
    for (let i = 0; i < 3; i++) rows = (await getClientsTable(trainerId, now, query)).total;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await getClientsTable(trainerId, now, query);
      samples.push(performance.now() - start);
    }
    return { ...percentiles(samples), rows };
  };
  const group = "bench-group-0";
  return {
    clients,
    groups,
    cards,
    logs: clients * logsPerClient,
    byGroup: await time({ group }),
    byGroupAndStatus: await time({ group, status: "overdue" }),
    byGroupAllDecks: await time({ group, deck: "trainer", sort: "name" }),
  };
}

/** One card's schedule after a short history (a lapse on every seventh card), from time 0. */
function templateSchedules(cardIds: string[]): CardSchedule[] {
  const settings = { ...DEFAULT_LEARNER_SETTINGS, enableFuzz: false };
  return cardIds.map((cardId, c) => {
    let schedule = newCardSchedule(new Date(0));
    for (let r = 0; r < 6; r++) {
      const rating = (c % 7 === 0 && r === 3 ? 1 : 3) as ReviewRating;
      schedule = rate(schedule, rating, schedule.due, settings, `bench:${cardId}`).next;
    }
    return schedule;
  });
}

/**
 * Writes the trainer, the clients (no password hashing: nobody signs in), links, assignments,
 * card states and logs with the query builder in one transaction. The dashboard reads only the logs' card
 * and time, so logs are spread evenly over the last year rather than replayed through FSRS;
 * card states come from real lib/srs histories, shifted so due dates fall between a few days
 * ago and two weeks ahead. Each client leaves up to nine cards unintroduced.
 */
async function insertTrainerWithClients(
  url: string,
  cardIds: string[],
  clients: number,
  logsPerClient: number,
  now: Date,
  groups = 0,
): Promise<string> {
  const templates = templateSchedules(cardIds);
  const trainerId = "bench-trainer";
  const users: Insertable<DB["User"]>[] = [
    {
      id: trainerId,
      email: "trainer@bench.example",
      name: "Bench Trainer",
      passwordHash: "bench-no-login",
      role: "trainer",
      updatedAt: now,
    },
  ];
  const groupRows: Insertable<DB["TrainerGroup"]>[] = Array.from({ length: groups }, (_, g) => ({
    id: `bench-group-${g}`,
    trainerId,
    name: `Class ${g + 1}`,
    createdAt: now,
  }));
  const settings: Insertable<DB["StudySettings"]>[] = [];
  const links: Insertable<DB["TrainerClient"]>[] = [];
  const assignments: Insertable<DB["Assignment"]>[] = [];
  const states: Insertable<DB["CardState"]>[] = [];
  const logs: Insertable<DB["ReviewLog"]>[] = [];
  const quizzes: Insertable<DB["QuizAttempt"]>[] = [];
  for (let c = 0; c < clients; c++) {
    const clientId = `bench-client-${c}`;
    users.push({
      id: clientId,
      email: `client${c}@bench.example`,
      name: `Client ${String(c).padStart(3, "0")}`,
      passwordHash: "bench-no-login",
      role: "learner",
      updatedAt: now,
    });
    settings.push({ userId: clientId, timeZone: TIME_ZONES[c % TIME_ZONES.length] as string });
    links.push({
      id: `bench-link-${c}`,
      trainerId,
      clientId,
      shareQuizAnswers: c % 3 !== 0,
      linkedAt: new Date(now.getTime() - 90 * DAY),
      groupId: groups ? `bench-group-${c % groups}` : null,
    });
    const recall = c % 2 === 1;
    assignments.push({
      id: `bench-assignment-${c}`,
      trainerId,
      clientId,
      deckSlug: "trainer",
      dueAt: new Date(now.getTime() + ((c % 30) - 5) * DAY),
      goal: recall ? "recall" : "all-introduced",
      targetRecall: recall ? 0.85 : null,
      quizTarget: c % 4 === 0 ? 80 : null,
      createdAt: new Date(now.getTime() - 60 * DAY),
    });
    const introduced = cardIds.length - (c % 10);
    cardIds.slice(0, introduced).forEach((cardId, i) => {
      const t = templates[i] as CardSchedule;
      const last = t.lastReview?.getTime() ?? 0;
      const targetDue = now.getTime() + ((((c * 31 + i * 7919) % 1000) / 1000) * 18 - 4) * DAY;
      const shift = Math.min(targetDue - t.due.getTime(), now.getTime() - 2 * DAY - last);
      states.push({
        ...t,
        userId: clientId,
        cardId,
        due: new Date(t.due.getTime() + shift),
        lastReview: new Date(last + shift),
        version: 6,
      });
    });
    for (let j = 0; j < logsPerClient; j++) {
      const cardId = cardIds[j % introduced] as string;
      const at = now.getTime() - 2 * DAY - ((logsPerClient - j) / logsPerClient) * 365 * DAY;
      const id = `bench-${c}-${j}`;
      const reviewedAt = new Date(at);
      logs.push({
        id,
        userId: clientId,
        cardId,
        idempotencyKey: id,
        origin: "study",
        rating: (j * 7 + c) % 9 === 0 ? 1 : 3,
        reviewedAt,
        durationMs: 3000,
        stateBefore: "review",
        dueBefore: reviewedAt,
        lastReviewBefore: new Date(at - 10 * DAY),
        stabilityBefore: 10,
        difficultyBefore: 5,
        scheduledDaysBefore: 10,
        learningStepsBefore: 0,
        dueAfter: reviewedAt,
        stabilityAfter: 12,
        difficultyAfter: 5,
      });
    }
    for (let q = 0; q < 3; q++) {
      const at = new Date(now.getTime() - (q + 1) * 7 * DAY);
      quizzes.push({
        id: `bench-quiz-${c}-${q}`,
        userId: clientId,
        deckSlug: "trainer",
        mode: "mixed",
        seed: 1,
        itemIds: '["a","b","c","d","e"]',
        startedAt: at,
        finishedAt: at,
        score: (c + q) % 6,
      });
    }
  }
  const { db, close } = openQuery(url);
  try {
    await db.transaction().execute(async (tx) => {
      await inBatches(users, (rows) => tx.insertInto("User").values(rows).execute());
      await inBatches(groupRows, (rows) => tx.insertInto("TrainerGroup").values(rows).execute());
      await inBatches(settings, (rows) => tx.insertInto("StudySettings").values(rows).execute());
      await inBatches(links, (rows) => tx.insertInto("TrainerClient").values(rows).execute());
      await inBatches(assignments, (rows) => tx.insertInto("Assignment").values(rows).execute());
      await inBatches(states, (rows) => tx.insertInto("CardState").values(rows).execute());
      await inBatches(logs, (rows) => tx.insertInto("ReviewLog").values(rows).execute());
      await inBatches(quizzes, (rows) => tx.insertInto("QuizAttempt").values(rows).execute());
    });
  } finally {
    await close();
  }
  return trainerId;
}
