import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MailConfig } from "@/lib/mail/config";
import { composeDigest } from "./compose";
import { type DeliveryOutcome, deliver } from "./deliver";
import { digestRecipients } from "./digest-query";

export interface RunReport {
  recipients: number;
  outcomes: Partial<Record<DeliveryOutcome, number>>;
}

/** Notices go out this many at a time: SMTP round trips overlap, the database is not flooded. */
const CONCURRENCY = 8;

export async function deliverAll<T>(
  items: readonly T[],
  send: (item: T) => Promise<DeliveryOutcome>,
): Promise<RunReport["outcomes"]> {
  const outcomes: RunReport["outcomes"] = {};
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      const outcome = await send(item);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, lane));
  return outcomes;
}

/**
 * The learners' daily digest at `now`: everyone whose chosen hour it is in their time zone, who
 * has cards due or a deadline within three days and has not had today's digest (digest-query).
 */
export async function runDigests(
  db: PrismaClient,
  config: MailConfig,
  secret: string,
  now: Date,
): Promise<RunReport> {
  const recipients = await digestRecipients(db, now);
  const outcomes = await deliverAll(recipients, (r) => {
    const preview = composeDigest(r, config.appUrl, "");
    return deliver(
      db,
      config,
      secret,
      {
        userId: r.userId,
        kind: "digest",
        dedupeKey: `digest:${r.userId}:${r.day}`,
        title: preview.title,
        body: preview.body,
        link: "/study",
        email: r.emailOn
          ? { to: r.email, compose: (unsubscribeUrl) => composeDigest(r, config.appUrl, unsubscribeUrl) }
          : null,
      },
      now,
    );
  });
  return { recipients: recipients.length, outcomes };
}
