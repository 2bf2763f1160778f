import type { ParsedMail } from "mailparser";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/unsubscribe/[token]/route";
import { getNotificationSettings, listNotifications, peekUnsubscribe } from "@/lib/data/notifications";
import { answerQuestion, finishQuiz, startQuiz } from "@/lib/data/quiz";
import { recordReview } from "@/lib/data/reviews";
import { activeClients, assignmentRows } from "@/lib/data/trainer/client-rows";
import { createUser } from "@/lib/data/users";
import { databaseUrl, providerOf } from "@/lib/database-url";
import { db } from "@/lib/db";
import { DeliveryFailedError, runJob } from "@/lib/jobs/notification-jobs";
import { startPgBoss } from "@/lib/jobs/scheduler";
import type { MailConfig } from "@/lib/mail/config";
import { closeTransports } from "@/lib/mail/transport";
import { signUpSchema } from "@/lib/validations/user";
import { createDeck, createLearner, key } from "./fixtures";
import { startSmtpSink } from "./smtp-sink";

/**
 * Reminders and notifications (issue 19) end to end below the browser: the real jobs, the real
 * database, and a real SMTP server on loopback whose messages are parsed with mailparser.
 */
const SECRET = "integration-secret-long-enough-for-signing-tokens";
process.env.AUTH_SECRET ??= SECRET;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Monday 7 Dec 2026, 19:10 UTC: 08:10 on Tuesday 8 Dec in Auckland (UTC+13), 19:10 in UTC.
const NOW = new Date("2026-12-07T19:10:00Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let config: MailConfig;
const deps = () => ({ db, config, secret: process.env.AUTH_SECRET as string });

async function learner(name: string, timeZone: string, dueCards: number, deck: string) {
  const user = await createLearner(name);
  await db.studySettings.update({ where: { userId: user.id }, data: { timeZone } });
  const cards = await db.card.findMany({ where: { deckSlug: deck }, take: dueCards, orderBy: { id: "asc" } });
  for (const card of cards)
    await db.cardState.create({
      data: {
        userId: user.id,
        cardId: card.id,
        state: "review",
        due: at(-2 * HOUR),
        stability: 5,
        difficulty: 5,
        reps: 2,
        lapses: 0,
        learningSteps: 0,
        scheduledDays: 5,
        lastReview: at(-5 * DAY),
      },
    });
  return user;
}

async function trainer(name: string) {
  const email = `${key()}@trainers.example`;
  return createUser(signUpSchema.parse({ name, email, password: "integration-password", role: "trainer" }));
}

const header = (mail: ParsedMail | undefined, name: string) =>
  mail?.headerLines.find((line) => line.key === name)?.line;
const unsubscribeUrlOf = (mail: ParsedMail | undefined) =>
  /<(http:\/\/app\.test\/api\/unsubscribe\/[^>]+)>/.exec(header(mail, "list-unsubscribe") ?? "")?.[1];

const digestsTo = (email: string) => sink.to(email).filter((m) => m.subject?.startsWith("Retain: "));

const people = {} as Record<
  "auckland" | "utc" | "optedOut" | "nothingDue" | "appOnly" | "deadline",
  { id: string; email: string }
>;

beforeAll(async () => {
  sink = await startSmtpSink();
  config = {
    smtpUrl: sink.url,
    from: "Retain <retain@example.test>",
    appUrl: "http://app.test",
    jobsDisabled: false,
  };
  await createDeck("nd", 6);
  people.auckland = await learner("Aroha", "Pacific/Auckland", 3, "nd");
  people.utc = await learner("Uma", "UTC", 2, "nd");
  people.optedOut = await learner("Otto", "Pacific/Auckland", 4, "nd");
  await db.notificationSettings.create({ data: { userId: people.optedOut.id, digest: false } });
  people.nothingDue = await learner("Nell", "Pacific/Auckland", 0, "nd");
  people.appOnly = await learner("Abe", "Pacific/Auckland", 1, "nd");
  await db.notificationSettings.create({ data: { userId: people.appOnly.id, email: false } });
  people.deadline = await learner("Dana", "Pacific/Auckland", 0, "nd");
  const coach = await trainer("Coach Deadline");
  await db.trainerClient.create({
    data: { trainerId: coach.id, clientId: people.deadline.id, linkedAt: at(-DAY) },
  });
  await db.assignment.create({
    data: {
      trainerId: coach.id,
      clientId: people.deadline.id,
      deckSlug: "nd",
      goal: "all-introduced",
      dueAt: at(2 * DAY),
      createdAt: at(-DAY),
    },
  });
  // Its trainer is on UTC, hour 8, so its own notices (Monday, after 8) do not interfere: switched off.
  await db.notificationSettings.create({
    data: { userId: coach.id, weeklySummary: false, atRiskAlerts: false },
  });
});

afterAll(async () => {
  closeTransports();
  await sink.close();
});

describe("learner digest", () => {
  it("goes to learners whose chosen hour it is in their time zone, with the right figures", async () => {
    const report = await runJob("notifications-digest", deps(), NOW);
    // Auckland 08:10: Aroha (3 due), Abe (in the app only) and Dana (a deadline); not Uma (19:10 UTC),
    // not Otto (opted out), not Nell (nothing to tell).
    expect(report.recipients).toBe(3);
    const [mail] = digestsTo(people.auckland.email);
    expect(digestsTo(people.auckland.email)).toHaveLength(1);
    expect(mail?.subject).toBe("Retain: 3 cards due");
    expect(mail?.text).toContain("You have 3 cards due for review today.");
    expect(mail?.text).toContain("Study now: http://app.test/study");
    // One-click unsubscribe, RFC 8058.
    expect(header(mail, "list-unsubscribe")).toMatch(
      /^List-Unsubscribe:\s+<http:\/\/app\.test\/api\/unsubscribe\/[\w-]+\.[\w-]+>/,
    );
    expect(header(mail, "list-unsubscribe-post")).toMatch(
      /^List-Unsubscribe-Post:\s+List-Unsubscribe=One-Click$/,
    );

    const [deadline] = digestsTo(people.deadline.email);
    expect(deadline?.subject).toBe("Retain: 1 deadline within 3 days");
    expect(deadline?.text).toContain("Deck nd: due Thu 10 Dec");

    for (const quiet of [people.utc, people.optedOut, people.nothingDue, people.appOnly])
      expect(digestsTo(quiet.email)).toHaveLength(0);
    // Email off still gets the in-app notification.
    const inApp = await listNotifications(people.appOnly.id);
    expect(inApp.map((n) => [n.kind, n.title])).toEqual([["digest", "Today: 1 card due"]]);
  });

  it("is never sent twice on the same local day, however often the job runs", async () => {
    for (const later of [at(5 * 60_000), at(40 * 60_000)]) {
      const report = await runJob("notifications-digest", deps(), later);
      expect(report.recipients).toBe(0);
    }
    // Two runs at once (two instances): the unique key per recipient and day lets one through.
    await db.notification.deleteMany({ where: { userId: people.auckland.id } });
    await db.emailMessage.updateMany({ where: { userId: people.auckland.id }, data: { status: "failed" } });
    const [a, b] = await Promise.all([
      runJob("notifications-digest", deps(), at(10 * 60_000)),
      runJob("notifications-digest", deps(), at(10 * 60_000)),
    ]);
    expect((a.outcomes.sent ?? 0) + (b.outcomes.sent ?? 0)).toBe(1);
    expect(digestsTo(people.auckland.email)).toHaveLength(2); // the first, then the one retried after "failed"
    expect(await db.notification.count({ where: { userId: people.auckland.id } })).toBe(1);
  });

  it("reaches the UTC learner at their hour, and the next Auckland day again", async () => {
    const utcMorning = new Date("2026-12-08T08:20:00Z"); // 21:20 in Auckland
    expect((await runJob("notifications-digest", deps(), utcMorning)).recipients).toBe(1);
    expect(digestsTo(people.utc.email).map((m) => m.subject)).toEqual(["Retain: 2 cards due"]);
    const nextAuckland = at(DAY);
    const report = await runJob("notifications-digest", deps(), nextAuckland);
    // Aroha and Abe (cards still due), Dana (the deadline is a day away now).
    expect(report.recipients).toBe(3);
    expect(digestsTo(people.deadline.email).map((m) => m.subject)).toEqual([
      "Retain: 1 deadline within 3 days",
      "Retain: 1 deadline within 3 days",
    ]);
  });
});

describe("without SMTP", () => {
  it("keeps the email in the recipient's outbox and sends nothing", async () => {
    const gus = await learner("Gus", "Asia/Tokyo", 2, "nd");
    const received = sink.received.length;
    const tokyoNine = new Date("2026-12-07T23:05:00Z"); // 08:05 on 8 Dec in Tokyo
    const report = await runJob(
      "notifications-digest",
      { ...deps(), config: { ...config, smtpUrl: undefined } },
      tokyoNine,
    );
    expect(report.outcomes).toEqual({ outbox: 1 });
    expect(sink.received).toHaveLength(received);
    const kept = await db.emailMessage.findMany({ where: { userId: gus.id } });
    expect(kept.map((m) => [m.status, m.subject, m.dedupeKey])).toEqual([
      ["outbox", "Retain: 2 cards due", `digest:${gus.id}:2026-12-08`],
    ]);
  });
});

describe("a send that failed", () => {
  it("is retried for its recipient only; those already sent get nothing again", async () => {
    const day = at(2 * DAY); // Thursday 08:10 in Auckland
    const fern = await learner("Fern", "Pacific/Auckland", 2, "nd");
    sink.refuse(people.auckland.email);
    const before = { aroha: digestsTo(people.auckland.email).length, dana: 0 };
    await expect(runJob("notifications-digest", deps(), day)).rejects.toBeInstanceOf(DeliveryFailedError);
    expect(digestsTo(fern.email)).toHaveLength(before.dana + 1);
    expect(digestsTo(people.auckland.email)).toHaveLength(before.aroha);
    sink.accept(people.auckland.email);
    // The queue retries the run (pg-boss) or the next tick does (SQLite).
    const retry = await runJob("notifications-digest", deps(), new Date(day.getTime() + 60_000));
    expect(retry.outcomes).toEqual({ sent: 1 });
    expect(digestsTo(people.auckland.email)).toHaveLength(before.aroha + 1);
    expect(digestsTo(fern.email)).toHaveLength(before.dana + 1);
    const row = await db.emailMessage.findFirstOrThrow({
      where: { userId: people.auckland.id, dedupeKey: { endsWith: ":2026-12-10" } },
    });
    expect([row.status, row.attempts]).toEqual(["sent", 2]);
  });
});

describe("one-click unsubscribe", () => {
  const post = (url: string, headers: Record<string, string> = {}) =>
    unsubscribePost(
      new NextRequest(url, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      }),
      { params: Promise.resolve({ token: url.split("/").at(-1) as string }) },
    );

  it("works without a session, once, from the link in the email's header", async () => {
    const [mail] = digestsTo(people.utc.email);
    const url = unsubscribeUrlOf(mail);
    expect(url).toBeDefined();
    const token = (url as string).split("/").at(-1) as string;
    expect(await peekUnsubscribe(token)).toEqual({ state: "ready", kind: "digest" });
    // No cookie, no Origin: what a mail provider's one-click POST looks like.
    const first = await post(url as string);
    expect(first.status).toBe(200);
    expect((await getNotificationSettings(people.utc.id)).digest).toBe(false);
    expect(await peekUnsubscribe(token)).toEqual({ state: "used", kind: "digest" });
    const again = await post(url as string);
    expect(again.status).toBe(410);
    // Opening the link (a GET, as a mail scanner would) only shows the confirmation page.
    const opened = await unsubscribeGet(new NextRequest(url as string), {
      params: Promise.resolve({ token }),
    });
    expect([opened.status, opened.headers.get("location")]).toEqual([303, `/unsubscribe/${token}`]);
    // Unsubscribed: the next UTC morning sends Uma nothing.
    const sent = digestsTo(people.utc.email).length;
    await runJob("notifications-digest", deps(), new Date("2026-12-09T08:20:00Z"));
    expect(digestsTo(people.utc.email)).toHaveLength(sent);
  });

  it("refuses a forged token and a post from another site, changing nothing", async () => {
    const forged = `http://app.test/api/unsubscribe/${"A".repeat(22)}.${"B".repeat(43)}`;
    expect((await post(forged)).status).toBe(404);
    const [mail] = digestsTo(people.deadline.email);
    const url = /(http:\/\/app\.test\/api\/unsubscribe\/[^>\s"]+)/.exec(mail?.text ?? "")?.[1] as string;
    const foreign = await post(url, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect((await getNotificationSettings(people.deadline.id)).digest).toBe(true);
  });
});

describe("trainers", () => {
  /**
   * Two trainers, one client each, the same in all but one thing: Pia answered a quiz wrongly (it
   * fed her schedule) and does not share quiz answers; Cal never took one. Nothing a trainer
   * receives may tell them apart (lib/data/trainer/consent.ts), names aside.
   */
  const T = new Date("2026-12-14T09:30:00Z"); // Monday, 09:30 UTC: after the trainers' hour (8)
  const trainers = {} as Record<"pia" | "cal", { id: string; email: string }>;
  const normalize = (text: string, name: string) =>
    text
      .replaceAll(name, "<client>")
      .replace(/Coach \w+/g, "<coach>")
      .replace(/\/trainer\/clients\/\w+/g, "/trainer/clients/<id>")
      .replace(/unsubscribe\/[\w.-]+/g, "unsubscribe/<token>");

  beforeAll(async () => {
    await createDeck("tr", 12);
    await db.quizItem.create({
      data: {
        id: "tr-q1",
        deckSlug: "tr",
        kind: "true-false",
        prompt: "Is MK-7 long-lived in the blood?",
        choices: JSON.stringify(["True", "False"]),
        answer: JSON.stringify("True"),
        explanation: "Its half-life is about three days.",
        evidence: "background",
        sources: "[]",
        cardIds: JSON.stringify(["tr-c01", "tr-c09"]),
        position: 0,
      },
    });
    for (const who of ["pia", "cal"] as const) {
      const coach = await trainer(`Coach ${who}`);
      trainers[who] = coach;
      const client = await createLearner(who === "pia" ? "Pia" : "Cal");
      // Neither client gets a digest in this test's hours.
      await db.notificationSettings.create({ data: { userId: client.id, digest: false } });
      await db.trainerClient.create({
        data: {
          trainerId: coach.id,
          clientId: client.id,
          shareQuizAnswers: false,
          linkedAt: new Date(T.getTime() - 20 * DAY),
        },
      });
      // Every card studied once five days ago; the goal, 97% recall tomorrow, is out of reach: at risk.
      await db.assignment.create({
        data: {
          trainerId: coach.id,
          clientId: client.id,
          deckSlug: "tr",
          goal: "recall",
          targetRecall: 0.97,
          dueAt: new Date(T.getTime() + 20 * HOUR),
          createdAt: new Date(T.getTime() - 10 * DAY),
        },
      });
      for (let i = 1; i <= 12; i++) {
        const when = new Date(T.getTime() - 5 * DAY + i * 60_000);
        await recordReview(
          client.id,
          {
            idempotencyKey: key(),
            cardId: `tr-c${String(i).padStart(2, "0")}`,
            rating: 3,
            expectedVersion: 0,
            answeredAt: when.getTime(),
            durationMs: 1000,
          },
          when,
        );
      }
      if (who === "pia") {
        const quizAt = new Date(T.getTime() - 3 * HOUR);
        const attemptId = await startQuiz(client.id, { deck: "tr", length: 5, mode: "mixed" }, quizAt);
        await answerQuestion(
          client.id,
          attemptId,
          { itemId: "tr-q1", response: { choice: "False" }, durationMs: 2000 },
          quizAt,
        );
        await finishQuiz(client.id, attemptId, new Date(quizAt.getTime() + 60_000));
      } else {
        await db.studySettings.update({ where: { userId: client.id }, data: { quizFeedsSchedule: false } });
      }
      // A second client who left three days ago.
      const leaver = await createLearner("Lee");
      await db.trainerClient.create({
        data: {
          trainerId: coach.id,
          clientId: leaver.id,
          linkedAt: new Date(T.getTime() - 30 * DAY),
          endedAt: new Date(T.getTime() - 3 * DAY),
          endedBy: "client",
        },
      });
    }
  });

  it("alert once when a client becomes at risk, and send the weekly summary once", async () => {
    const report = await runJob("notifications-trainers", deps(), T);
    expect(report.outcomes).toEqual({ sent: 4 });
    for (const who of ["pia", "cal"] as const) {
      const mails = sink.to(trainers[who].email);
      const subjects = mails.map((m) => m.subject).sort();
      const name = who === "pia" ? "Pia" : "Cal";
      expect(subjects).toEqual([
        `Retain weekly summary: 0 on track, 1 slipped, 0 finished, 1 left`,
        `Retain: ${name} is at risk on Deck tr`,
      ]);
      const summary = mails.find((m) => m.subject?.startsWith("Retain weekly"));
      expect(summary?.text).toContain(`Slipped (at risk or overdue) (1):\n- ${name} (Deck tr)`);
      expect(summary?.text).toContain("Left (1):\n- Lee");
      const alert = mails.find((m) => m.subject?.includes("at risk"));
      expect(alert?.text).toMatch(/Projected recall \d+% on 15 Dec, goal 97%/);
    }
    // Consent: what Pia's trainer got reads exactly as what Cal's did.
    const texts = (who: "pia" | "cal") =>
      sink
        .to(trainers[who].email)
        .map((m) => normalize(m.text ?? "", who === "pia" ? "Pia" : "Cal"))
        .sort();
    expect(texts("pia")).toEqual(texts("cal"));

    // An hour later: still at risk, same week: nothing new.
    const later = await runJob("notifications-trainers", deps(), new Date(T.getTime() + HOUR));
    expect(later.outcomes).toEqual({ "already-sent": 2 });
    expect(sink.to(trainers.pia.email)).toHaveLength(2);
    const inApp = await listNotifications(trainers.pia.id);
    expect(inApp.map((n) => n.kind).sort()).toEqual(["at-risk", "weekly-summary"]);

    // The comparison can fail: were Pia sharing, her quiz miss would show in the figures.
    const reasonOf = async (who: "pia" | "cal") => {
      const clients = await activeClients(trainers[who].id, T);
      const rows = await assignmentRows(trainers[who].id, clients, T);
      return [...rows.values()].flat()[0]?.onTrack.reason;
    };
    expect(await reasonOf("pia")).toBe(await reasonOf("cal"));
    await db.trainerClient.updateMany({
      where: { trainerId: trainers.pia.id },
      data: { shareQuizAnswers: true },
    });
    expect(await reasonOf("pia")).not.toBe(await reasonOf("cal"));
  });
});

describe.runIf(providerOf(databaseUrl()) === "postgresql")("two instances on one PostgreSQL database", () => {
  it("send each digest once", async () => {
    // Wednesday 16 Dec, 08:10 in Auckland: a new day for every Auckland learner with cards due.
    const now = new Date("2026-12-15T19:10:00Z");
    const extra = [];
    for (let i = 0; i < 12; i++) extra.push(await learner(`Twin ${i}`, "Pacific/Auckland", 2, "nd"));
    const expected = await db.user.findMany({
      where: { id: { in: [...extra.map((u) => u.id), people.auckland.id] } },
    });
    const instanceDeps = { ...deps(), now: () => now };
    const receivedBefore = sink.received.length;
    const [one, two] = await Promise.all([
      startPgBoss(databaseUrl(), instanceDeps, 0.5),
      startPgBoss(databaseUrl(), instanceDeps, 0.5),
    ]);
    try {
      // Both instances' schedulers fire for the same tick, and each worker also runs the job
      // directly at the same moment: four runs race for the same recipients.
      const [jobA, jobB] = await Promise.all([
        one.boss.send("notifications-digest", {}),
        two.boss.send("notifications-digest", {}),
        runJob("notifications-digest", instanceDeps, now),
        runJob("notifications-digest", instanceDeps, now),
      ]);
      // The queue is "stately": of two ticks sent together, one waits and the other is refused.
      const jobs = [jobA, jobB].filter((id): id is string => typeof id === "string");
      expect(jobs.length).toBeGreaterThanOrEqual(1);
      const key = ":2026-12-16";
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const open = await one.boss.getQueueSize("notifications-digest");
        const pending = await db.emailMessage.count({
          where: { dedupeKey: { endsWith: key }, status: { not: "sent" } },
        });
        const states = await Promise.all(
          jobs.map(async (id) => (await one.boss.getJobById("notifications-digest", id))?.state),
        );
        if (open === 0 && pending === 0 && states.every((state) => state === "completed")) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      for (const id of jobs)
        expect((await one.boss.getJobById("notifications-digest", id))?.state).toBe("completed");
      await new Promise((resolve) => setTimeout(resolve, 1500)); // any straggling job would have sent by now
      for (const user of expected) {
        const digests = digestsTo(user.email).filter((m) => m.text?.includes("cards due") && m.date);
        const today = await db.emailMessage.findMany({
          where: { userId: user.id, dedupeKey: { endsWith: key } },
        });
        expect(today.map((m) => m.status)).toEqual(["sent"]);
        expect(sink.received.filter((m) => m.messageId === today[0]?.messageId)).toHaveLength(1);
        expect(digests.length).toBeGreaterThan(0);
      }
      // Every mail that arrived during these runs is one of today's digests, each once.
      const rows = await db.emailMessage.findMany({ where: { dedupeKey: { endsWith: key } } });
      const arrived = sink.received.slice(receivedBefore);
      expect(rows.length).toBeGreaterThanOrEqual(expected.length);
      expect(arrived).toHaveLength(rows.length);
      expect(new Set(arrived.map((m) => m.messageId))).toEqual(new Set(rows.map((r) => r.messageId)));
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });
});
