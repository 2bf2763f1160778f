import { performance } from "node:perf_hooks";
import type { Insertable } from "kysely";
import { type DB, openQuery } from "@/lib/query";
import { inBatches, insertBenchDeck } from "./synthetic-history";

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
  const cardIds = await insertBenchDeck(url, "digest", cards);
  await insertLearners(url, cardIds, learners, now);
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

async function insertLearners(url: string, cardIds: string[], learners: number, now: Date) {
  const hourIn = (timeZone: string) =>
    Number(new Intl.DateTimeFormat("en-US", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(now)) %
    24;
  const users: Insertable<DB["User"]>[] = [
    {
      id: "bench-trainer",
      email: "trainer@bench.invalid",
      name: "Bench trainer",
      passwordHash: "bench-no-login",
      role: "trainer",
      updatedAt: now,
    },
  ];
  const settings: Insertable<DB["StudySettings"]>[] = [];
  const notify: Insertable<DB["NotificationSettings"]>[] = [];
  const states: Insertable<DB["CardState"]>[] = [];
  const links: Insertable<DB["TrainerClient"]>[] = [];
  const assignments: Insertable<DB["Assignment"]>[] = [];
  for (let i = 0; i < learners; i++) {
    const id = `learner-${i}`;
    const timeZone = TIME_ZONES[i % TIME_ZONES.length] as string;
    users.push({
      id,
      email: `${id}@bench.invalid`,
      name: `Learner ${i}`,
      passwordHash: "bench-no-login",
      role: "learner",
      updatedAt: now,
    });
    settings.push({ userId: id, timeZone });
    notify.push({ userId: id, digestHour: hourIn(timeZone) });
    cardIds.forEach((cardId, c) => {
      // A third of the cards due (a day ago), the rest due over the next weeks.
      const due = (c + i) % 3 === 0 ? now.getTime() - 24 * HOUR : now.getTime() + ((c % 20) + 1) * 24 * HOUR;
      states.push({
        userId: id,
        cardId,
        state: "review",
        due: new Date(due),
        stability: 10,
        difficulty: 5,
        reps: 4,
        lapses: 0,
        learningSteps: 0,
        scheduledDays: 10,
        lastReview: new Date(now.getTime() - 10 * 24 * HOUR),
        introducedAt: now,
      });
    });
    if (i % 5 === 0) {
      links.push({
        id: `link-${i}`,
        trainerId: "bench-trainer",
        clientId: id,
        shareQuizAnswers: true,
        linkedAt: now,
      });
      assignments.push({
        id: `assignment-${i}`,
        trainerId: "bench-trainer",
        clientId: id,
        deckSlug: "digest",
        dueAt: new Date(now.getTime() + 48 * HOUR),
        goal: "all-introduced",
        createdAt: now,
      });
    }
  }
  const { db, close } = openQuery(url);
  try {
    await db.transaction().execute(async (tx) => {
      await inBatches(users, (rows) => tx.insertInto("User").values(rows).execute());
      await inBatches(settings, (rows) => tx.insertInto("StudySettings").values(rows).execute());
      await inBatches(notify, (rows) => tx.insertInto("NotificationSettings").values(rows).execute());
      await inBatches(states, (rows) => tx.insertInto("CardState").values(rows).execute());
      await inBatches(links, (rows) => tx.insertInto("TrainerClient").values(rows).execute());
      await inBatches(assignments, (rows) => tx.insertInto("Assignment").values(rows).execute());
    });
  } finally {
    await close();
  }
}
