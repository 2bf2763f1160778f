import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { MailConfig } from "@/lib/mail/config";
import { sendMail } from "@/lib/mail/transport";
import { newTokenId, signToken } from "@/lib/mail/unsubscribe-token";

export type NotificationKind = "digest" | "weekly-summary" | "at-risk";

/** One notice to one person: always an in-app notification, and an email when they take email. */
export interface Notice {
  userId: string;
  kind: NotificationKind;
  /** Unique per recipient and period, e.g. "digest:<user>:2026-12-07": what makes a send exactly once. */
  dedupeKey: string;
  title: string;
  /** Plain text shown in the app. */
  body: string;
  /** A path inside the app. */
  link: string;
  email: {
    to: string;
    compose: (unsubscribeUrl: string) => { subject: string; text: string; html: string };
  } | null;
}

export type DeliveryOutcome = "sent" | "outbox" | "already-sent" | "in-progress" | "failed";

/** A claim older than this was left by a sender that died; another may take it over. */
export const STALE_CLAIM_MS = 15 * 60_000;

const isUnique = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Delivers a notice at most once per dedupe key, whatever the number of instances or retries:
 * 1. the email is claimed by inserting its EmailMessage under the unique key, so one sender
 *    wins; a retry takes over only a claim that failed, or one left pending by a dead sender;
 * 2. it goes out through SMTP (or into the outbox without SMTP) and is marked sent;
 * 3. the in-app notification is inserted under the same unique key (a duplicate is ignored).
 * A recipient already sent is never sent again. The one gap no database can close: a sender that
 * dies after the SMTP server accepted the mail and before step 2 ends leaves a pending claim, retried
 * after STALE_CLAIM_MS (at most one duplicate, and only after such a crash).
 */
export async function deliver(
  db: PrismaClient,
  config: MailConfig,
  secret: string,
  notice: Notice,
  now: Date,
): Promise<DeliveryOutcome> {
  // The email first, the in-app notification last: a run that stops between the two is found
  // again by the next (digest-query looks for the notification, or an email not yet sent).
  const outcome = notice.email ? await sendEmail(db, config, secret, notice, now) : "outbox";
  try {
    await db.notification.create({
      data: {
        userId: notice.userId,
        kind: notice.kind,
        dedupeKey: notice.dedupeKey,
        title: notice.title,
        body: notice.body,
        link: notice.link,
        createdAt: now,
      },
    });
  } catch (error) {
    if (!isUnique(error)) throw error;
  }
  return outcome;
}

async function sendEmail(
  db: PrismaClient,
  config: MailConfig,
  secret: string,
  notice: Notice,
  now: Date,
): Promise<DeliveryOutcome> {
  const claimed = await claimEmail(db, config, secret, notice, now);
  if (typeof claimed === "string") return claimed;
  if (claimed.settled) return "outbox";
  try {
    if (!config.smtpUrl) {
      await db.emailMessage.update({ where: { id: claimed.id }, data: { status: "outbox", sentAt: now } });
      return "outbox";
    }
    const messageId = await sendMail(config.smtpUrl, config.from, {
      to: claimed.toAddress,
      subject: claimed.subject,
      text: claimed.text,
      html: claimed.html,
      unsubscribeUrl: claimed.unsubscribeUrl,
    });
    await db.emailMessage.update({
      where: { id: claimed.id },
      data: { status: "sent", sentAt: new Date(), messageId, error: null },
    });
    return "sent";
  } catch (error) {
    await db.emailMessage.update({
      where: { id: claimed.id },
      data: { status: "failed", error: String((error as Error).message ?? error).slice(0, 500) },
    });
    console.error(`Email ${notice.dedupeKey} failed:`, (error as Error).message);
    return "failed";
  }
}

interface Claimed {
  id: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
  /** Kept in the outbox by the claim itself (no SMTP): nothing left to do. */
  settled: boolean;
}

async function claimEmail(
  db: PrismaClient,
  config: MailConfig,
  secret: string,
  notice: Notice,
  now: Date,
): Promise<Claimed | "already-sent" | "in-progress"> {
  const email = notice.email;
  if (!email) return "already-sent";
  const tokenId = newTokenId();
  const unsubscribeUrl = `${config.appUrl}/api/unsubscribe/${signToken(tokenId, secret)}`;
  const { subject, text, html } = email.compose(unsubscribeUrl);
  const content = { subject, text, html };
  // The token first, on its own: unused if the claim below loses, harmless. No transaction around
  // the claim: a statement that fails inside one rolls back whatever else shared the SQLite
  // connection meanwhile (a concurrent claim was undone that way), and one INSERT is atomic anyway.
  await db.unsubscribeToken.create({ data: { id: tokenId, userId: notice.userId, kind: notice.kind } });
  try {
    const message = await db.emailMessage.create({
      data: {
        userId: notice.userId,
        kind: notice.kind,
        dedupeKey: notice.dedupeKey,
        toAddress: email.to,
        ...content,
        unsubscribeUrl,
        // Without SMTP the claim is the delivery: one write instead of two.
        status: config.smtpUrl ? "pending" : "outbox",
        sentAt: config.smtpUrl ? null : now,
        claimedAt: now,
      },
    });
    return { id: message.id, toAddress: email.to, ...content, unsubscribeUrl, settled: !config.smtpUrl };
  } catch (error) {
    if (!isUnique(error)) throw error;
  }
  // Someone claimed it first. Take it over only if that send failed or its sender died.
  const taken = await db.emailMessage.updateMany({
    where: {
      dedupeKey: notice.dedupeKey,
      OR: [
        { status: "failed" },
        { status: "pending", claimedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
      ],
    },
    data: { status: "pending", claimedAt: now, attempts: { increment: 1 } },
  });
  const existing = await db.emailMessage.findUnique({ where: { dedupeKey: notice.dedupeKey } });
  if (!existing) return "in-progress";
  if (taken.count === 0) return existing.status === "pending" ? "in-progress" : "already-sent";
  // The stored message is sent again as it was, its unsubscribe link included.
  return {
    id: existing.id,
    toAddress: existing.toAddress,
    subject: existing.subject,
    text: existing.text,
    html: existing.html,
    unsubscribeUrl: existing.unsubscribeUrl,
    settled: false,
  };
}
