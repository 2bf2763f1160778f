import { performance } from "node:perf_hooks";
import { sqlDate } from "@/lib/query/values";
import { openSqlite } from "@/lib/sqlite-connection";
import {
  type CardSchedule,
  DEFAULT_LEARNER_SETTINGS,
  newCardSchedule,
  type ReviewRating,
  rate,
} from "@/lib/srs";
import { percentiles } from "./stats";
import { insertBenchDeck } from "./synthetic-history";

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
  const cardIds = insertBenchDeck(url, "trainer", cards);
  const trainerId = insertTrainerWithClients(url, cardIds, clients, logsPerClient, now);
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
  const cardIds = insertBenchDeck(url, "trainer", cards);
  const trainerId = insertTrainerWithClients(url, cardIds, clients, logsPerClient, now, groups);
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
 * card states and logs with raw SQL in one transaction. The dashboard reads only the logs' card
 * and time, so logs are spread evenly over the last year rather than replayed through FSRS;
 * card states come from real lib/srs histories, shifted so due dates fall between a few days
 * ago and two weeks ahead. Each client leaves up to nine cards unintroduced.
 */
function insertTrainerWithClients(
  url: string,
  cardIds: string[],
  clients: number,
  logsPerClient: number,
  now: Date,
  groups = 0,
) {
  const db = openSqlite(url);
  const stamp = sqlDate(now);
  const templates = templateSchedules(cardIds);
  const user = db.prepare(
    `INSERT INTO "User" (id, email, name, passwordHash, role, updatedAt) VALUES (?, ?, ?, 'bench-no-login', ?, ?)`,
  );
  const settings = db.prepare(`INSERT INTO "StudySettings" (userId, timeZone) VALUES (?, ?)`);
  const link = db.prepare(
    `INSERT INTO "TrainerClient" (id, trainerId, clientId, shareQuizAnswers, linkedAt, groupId) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const group = db.prepare(`INSERT INTO "TrainerGroup" (id, trainerId, name, createdAt) VALUES (?, ?, ?, ?)`);
  const assignment = db.prepare(
    `INSERT INTO "Assignment" (id, trainerId, clientId, deckSlug, dueAt, goal, targetRecall, quizTarget, createdAt)
     VALUES (?, ?, ?, 'trainer', ?, ?, ?, ?, ?)`,
  );
  const state = db.prepare(
    `INSERT INTO "CardState" (userId, cardId, state, due, stability, difficulty, reps, lapses, learningSteps,
       scheduledDays, lastReview, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 6)`,
  );
  const log = db.prepare(
    `INSERT INTO "ReviewLog" (id, userId, cardId, idempotencyKey, origin, rating, reviewedAt, durationMs, stateBefore,
       dueBefore, lastReviewBefore, stabilityBefore, difficultyBefore, scheduledDaysBefore, learningStepsBefore,
       dueAfter, stabilityAfter, difficultyAfter)
     VALUES (?, ?, ?, ?, 'study', ?, ?, 3000, 'review', ?, ?, 10, 5, 10, 0, ?, 12, 5)`,
  );
  const quiz = db.prepare(
    `INSERT INTO "QuizAttempt" (id, userId, deckSlug, mode, seed, itemIds, startedAt, finishedAt, score)
     VALUES (?, ?, 'trainer', 'mixed', 1, '["a","b","c","d","e"]', ?, ?, ?)`,
  );
  const trainerId = "bench-trainer";
  db.transaction(() => {
    user.run(trainerId, "trainer@bench.example", "Bench Trainer", "trainer", stamp);
    for (let g = 0; g < groups; g++) group.run(`bench-group-${g}`, trainerId, `Class ${g + 1}`, stamp);
    for (let c = 0; c < clients; c++) {
      const clientId = `bench-client-${c}`;
      user.run(
        clientId,
        `client${c}@bench.example`,
        `Client ${String(c).padStart(3, "0")}`,
        "learner",
        stamp,
      );
      settings.run(clientId, TIME_ZONES[c % TIME_ZONES.length]);
      link.run(
        `bench-link-${c}`,
        trainerId,
        clientId,
        c % 3 === 0 ? 0 : 1,
        sqlDate(new Date(now.getTime() - 90 * DAY)),
        groups ? `bench-group-${c % groups}` : null,
      );
      const recall = c % 2 === 1;
      assignment.run(
        `bench-assignment-${c}`,
        trainerId,
        clientId,
        sqlDate(new Date(now.getTime() + ((c % 30) - 5) * DAY)),
        recall ? "recall" : "all-introduced",
        recall ? 0.85 : null,
        c % 4 === 0 ? 80 : null,
        sqlDate(new Date(now.getTime() - 60 * DAY)),
      );
      const introduced = cardIds.length - (c % 10);
      cardIds.slice(0, introduced).forEach((cardId, i) => {
        const t = templates[i] as CardSchedule;
        const last = t.lastReview?.getTime() ?? 0;
        const targetDue = now.getTime() + ((((c * 31 + i * 7919) % 1000) / 1000) * 18 - 4) * DAY;
        const shift = Math.min(targetDue - t.due.getTime(), now.getTime() - 2 * DAY - last);
        state.run(
          clientId,
          cardId,
          t.state,
          sqlDate(new Date(t.due.getTime() + shift)),
          t.stability,
          t.difficulty,
          t.reps,
          t.lapses,
          t.learningSteps,
          t.scheduledDays,
          sqlDate(new Date(last + shift)),
        );
      });
      for (let j = 0; j < logsPerClient; j++) {
        const cardId = cardIds[j % introduced] as string;
        const at = now.getTime() - 2 * DAY - ((logsPerClient - j) / logsPerClient) * 365 * DAY;
        const id = `bench-${c}-${j}`;
        const reviewedAt = sqlDate(new Date(at));
        const rating = (j * 7 + c) % 9 === 0 ? 1 : 3;
        log.run(
          id,
          clientId,
          cardId,
          id,
          rating,
          reviewedAt,
          reviewedAt,
          sqlDate(new Date(at - 10 * DAY)),
          reviewedAt,
        );
      }
      for (let q = 0; q < 3; q++) {
        const at = sqlDate(new Date(now.getTime() - (q + 1) * 7 * DAY));
        quiz.run(`bench-quiz-${c}-${q}`, clientId, at, at, (c + q) % 6);
      }
    }
  })();
  db.close();
  return trainerId;
}
