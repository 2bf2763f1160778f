import { performance } from "node:perf_hooks";
import { openSqlite, sqlDate } from "@/lib/sqlite-connection";
import { insertBenchDeck } from "./synthetic-history";

const HOUR = 3_600_000;
const TIME_ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Asia/Kolkata"];

/**
 * The learners' daily digest at `learners` learners with `cards` introduced cards each (a third of
 * them due), one in five with an assignment due within three days, spread over five time zones,
 * every one of them at their chosen hour now: the worst run, where every learner gets a digest.
 * Figures: computing who gets what (the aggregation in lib/notifications/digest-query), and the
 * whole run with every digest written to the outbox (no SMTP), each on a fresh copy of the rows.
 */
export async function benchDigest(url: string, { learners = 10_000, cards = 50 } = {}) {
  const now = new Date();
  const cardIds = insertBenchDeck(url, "digest", cards);
  insertLearners(url, cardIds, learners, now);
  const { db } = await import("@/lib/db");
  const { digestRecipients } = await import("@/lib/notifications/digest-query");
  const { runDigests } = await import("@/lib/notifications/digest");

  const computeSamples: number[] = [];
  let recipients = 0;
  let dueCards = 0;
  let deadlines = 0;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const list = await digestRecipients(db, now);
    computeSamples.push(performance.now() - start);
    recipients = list.length;
    dueCards = list.reduce((sum, r) => sum + r.dueCards, 0);
    deadlines = list.reduce((sum, r) => sum + r.deadlines.length, 0);
  }
  const config = {
    smtpUrl: undefined,
    from: "bench@retain.invalid",
    appUrl: "http://localhost:3000",
    jobsDisabled: false,
  };
  const start = performance.now();
  const report = await runDigests(db, config, "bench-secret-long-enough-for-signing-tokens", now);
  const fullRunMs = performance.now() - start;
  const again = performance.now();
  const second = await runDigests(db, config, "bench-secret-long-enough-for-signing-tokens", now);
  const secondRunMs = performance.now() - again;
  await db.$disconnect();
  return {
    learners,
    cardStates: learners * cards,
    recipients,
    dueCards,
    deadlines,
    computeMs: Math.min(...computeSamples),
    computeMaxMs: Math.max(...computeSamples),
    fullRunMs,
    outcomes: report.outcomes,
    secondRunMs,
    secondRecipients: second.recipients,
  };
}

function insertLearners(url: string, cardIds: string[], learners: number, now: Date) {
  const db = openSqlite(url);
  const stamp = sqlDate(now);
  const hourIn = (timeZone: string) =>
    Number(new Intl.DateTimeFormat("en-US", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(now)) %
    24;
  const user = db.prepare(
    `INSERT INTO "User" (id, email, name, passwordHash, role, updatedAt) VALUES (?, ?, ?, 'bench-no-login', ?, ?)`,
  );
  const settings = db.prepare(`INSERT INTO "StudySettings" (userId, timeZone) VALUES (?, ?)`);
  const notify = db.prepare(`INSERT INTO "NotificationSettings" (userId, digestHour) VALUES (?, ?)`);
  const state = db.prepare(
    `INSERT INTO "CardState" (userId, cardId, state, due, stability, difficulty, reps, lapses, learningSteps, scheduledDays, lastReview, introducedAt)
     VALUES (?, ?, 'review', ?, 10, 5, 4, 0, 0, 10, ?, ?)`,
  );
  const link = db.prepare(
    `INSERT INTO "TrainerClient" (id, trainerId, clientId, shareQuizAnswers, linkedAt) VALUES (?, 'bench-trainer', ?, 1, ?)`,
  );
  const assignment = db.prepare(
    `INSERT INTO "Assignment" (id, trainerId, clientId, deckSlug, dueAt, goal, createdAt)
     VALUES (?, 'bench-trainer', ?, 'digest', ?, 'all-introduced', ?)`,
  );
  db.transaction(() => {
    user.run("bench-trainer", "trainer@bench.invalid", "Bench trainer", "trainer", stamp);
    for (let i = 0; i < learners; i++) {
      const id = `learner-${i}`;
      const timeZone = TIME_ZONES[i % TIME_ZONES.length] as string;
      user.run(id, `${id}@bench.invalid`, `Learner ${i}`, "learner", stamp);
      settings.run(id, timeZone);
      notify.run(id, hourIn(timeZone));
      cardIds.forEach((cardId, c) => {
        // A third of the cards due (a day ago), the rest due over the next weeks.
        const due =
          (c + i) % 3 === 0 ? now.getTime() - 24 * HOUR : now.getTime() + ((c % 20) + 1) * 24 * HOUR;
        state.run(
          id,
          cardId,
          sqlDate(new Date(due)),
          sqlDate(new Date(now.getTime() - 10 * 24 * HOUR)),
          stamp,
        );
      });
      if (i % 5 === 0) {
        link.run(`link-${i}`, id, stamp);
        assignment.run(`assignment-${i}`, id, sqlDate(new Date(now.getTime() + 48 * HOUR)), stamp);
      }
    }
  })();
  db.close();
}
