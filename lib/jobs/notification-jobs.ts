import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MailConfig } from "@/lib/mail/config";
import { runDigests } from "@/lib/notifications/digest";
import { runTrainerNotices } from "@/lib/notifications/trainer-notices";

/** The scheduled jobs: name, cron (UTC) and the work. Each run is idempotent (keys per recipient and day). */
export const JOBS = {
  // Every 5 minutes: each learner's chosen hour, in every time zone (some are offset by 30 or 45 minutes), gets 12 chances.
  "notifications-digest": { cron: "*/5 * * * *", run: runDigests },
  // Hourly: at-risk alerts, and the weekly summary on Monday from each trainer's chosen hour.
  "notifications-trainers": { cron: "7 * * * *", run: runTrainerNotices },
} as const;

export type JobName = keyof typeof JOBS;

export class DeliveryFailedError extends Error {}

/**
 * One run of a job. Throws when a send failed, so the queue retries the run; the retry skips
 * every recipient already sent (lib/notifications/deliver).
 */
export async function runJob(
  name: JobName,
  deps: { db: PrismaClient; config: MailConfig; secret: string },
  now = new Date(),
) {
  const report = await JOBS[name].run(deps.db, deps.config, deps.secret, now);
  if (report.outcomes.failed)
    throw new DeliveryFailedError(`${name}: ${report.outcomes.failed} of ${report.recipients} sends failed`);
  return report;
}
