import "server-only";
import { activeClients, assignmentRows, clientStatus } from "@/lib/data/trainer/client-rows";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MailConfig } from "@/lib/mail/config";
import { localClock } from "./clock";
import { composeAtRisk, composeWeeklySummary } from "./compose";
import { deliver, type Notice } from "./deliver";
import { deliverAll, type RunReport } from "./digest";
import { DEFAULT_DIGEST_HOUR } from "./digest-query";

const WEEK_MS = 7 * 86_400_000;
const SLIPPED = new Set(["at-risk", "overdue"]);

interface TrainerRow {
  id: string;
  name: string;
  email: string;
  timeZone: string;
  hour: number;
  emailOn: boolean;
  weeklySummary: boolean;
  atRiskAlerts: boolean;
}

async function trainers(db: PrismaClient): Promise<TrainerRow[]> {
  const rows = await db.user.findMany({
    where: { role: "trainer" },
    select: {
      id: true,
      name: true,
      email: true,
      settings: { select: { timeZone: true } },
      notificationSettings: true,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    timeZone: row.settings?.timeZone ?? "UTC",
    hour: row.notificationSettings?.digestHour ?? DEFAULT_DIGEST_HOUR,
    emailOn: row.notificationSettings?.email ?? true,
    weeklySummary: row.notificationSettings?.weeklySummary ?? true,
    atRiskAlerts: row.notificationSettings?.atRiskAlerts ?? true,
  }));
}

/**
 * Trainers' notices at `now`: an alert for each assignment that has slipped (at risk or overdue)
 * since the last run, and on Monday from the trainer's chosen hour the weekly summary. Both read
 * clients through lib/data/trainer/client-rows, which applies the consent rule of
 * lib/data/trainer/consent.ts: a status and its reason come only from what the trainer may see,
 * so nothing here is derived from the quiz answers of a client who does not share them.
 */
export async function runTrainerNotices(
  db: PrismaClient,
  config: MailConfig,
  secret: string,
  now: Date,
): Promise<RunReport> {
  const notices: Notice[] = [];
  const alerts: RunReport["outcomes"] = {};
  let alertCount = 0;
  for (const trainer of await trainers(db)) {
    const clock = localClock(now, trainer.timeZone);
    const clients = await activeClients(trainer.id, now);
    const assignments = await assignmentRows(trainer.id, clients, now);
    const email = (compose: NonNullable<Notice["email"]>["compose"]) =>
      trainer.emailOn ? { to: trainer.email, compose } : null;

    // At-risk alerts: compare with the status marked at the last run, alert on entering the slipped set.
    const ids = [...assignments.values()].flat().map((a) => a.assignmentId);
    const marks = new Map(
      (await db.assignmentStatusMark.findMany({ where: { assignmentId: { in: ids } } })).map((m) => [
        m.assignmentId,
        m.status,
      ]),
    );
    for (const client of clients) {
      for (const a of assignments.get(client.clientId) ?? []) {
        const status = a.onTrack.status;
        const before = marks.get(a.assignmentId);
        if (before === status) continue;
        if (trainer.atRiskAlerts && SLIPPED.has(status) && !(before && SLIPPED.has(before))) {
          const figures = {
            trainerName: trainer.name,
            clientName: client.name,
            deckTitle: a.deckTitle,
            reason: a.onTrack.reason,
            overdue: status === "overdue",
          };
          const link = `/trainer/clients/${client.clientId}`;
          const preview = composeAtRisk(figures, link, config.appUrl, "");
          const outcome = await deliver(
            db,
            config,
            secret,
            {
              userId: trainer.id,
              kind: "at-risk",
              dedupeKey: `at-risk:${a.assignmentId}:${clock.date}`,
              title: preview.title,
              body: preview.body,
              link,
              email: email((url) => composeAtRisk(figures, link, config.appUrl, url)),
            },
            now,
          );
          alertCount += 1;
          alerts[outcome] = (alerts[outcome] ?? 0) + 1;
          // Left unmarked, a failed alert is tried again at the next run (its key keeps it to once a day).
          if (outcome === "failed") continue;
        }
        await db.assignmentStatusMark.upsert({
          where: { assignmentId: a.assignmentId },
          create: { assignmentId: a.assignmentId, status, seenAt: now },
          update: { status, seenAt: now },
        });
      }
    }

    const weekly = trainer.weeklySummary && clock.weekday === 1 && clock.hour >= trainer.hour;
    if (weekly) {
      const group = { onTrack: [] as string[], slipped: [] as string[], finished: [] as string[] };
      for (const client of clients) {
        const list = assignments.get(client.clientId) ?? [];
        const status = clientStatus(list);
        if (status === "at-risk") {
          const decks = list.filter((a) => SLIPPED.has(a.onTrack.status)).map((a) => a.deckTitle);
          group.slipped.push(`${client.name} (${decks.join(", ")})`);
        } else if (status === "on-track") group.onTrack.push(client.name);
        else if (status === "done") group.finished.push(client.name);
      }
      const left = await db.trainerClient.findMany({
        where: { trainerId: trainer.id, endedAt: { gte: new Date(now.getTime() - WEEK_MS), lte: now } },
        select: { client: { select: { name: true } } },
      });
      if (clients.length === 0 && left.length === 0) continue;
      const figures = {
        trainerName: trainer.name,
        week: clock.week,
        ...group,
        left: left.map((l) => l.client.name),
      };
      const preview = composeWeeklySummary(figures, config.appUrl, "");
      notices.push({
        userId: trainer.id,
        kind: "weekly-summary",
        dedupeKey: `weekly-summary:${trainer.id}:${clock.week}`,
        title: preview.title,
        body: preview.body,
        link: "/trainer",
        email: email((url) => composeWeeklySummary(figures, config.appUrl, url)),
      });
    }
  }
  const outcomes = await deliverAll(notices, (notice) => deliver(db, config, secret, notice, now));
  for (const [outcome, n] of Object.entries(alerts) as [keyof typeof alerts, number][])
    outcomes[outcome] = (outcomes[outcome] ?? 0) + n;
  return { recipients: notices.length + alertCount, outcomes };
}
