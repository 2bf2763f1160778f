import "server-only";
import { db } from "@/lib/db";
import { authSecret } from "@/lib/env";
import { AppError, NotFoundError } from "@/lib/errors";
import { verifyToken } from "@/lib/mail/unsubscribe-token";
import { DEFAULT_DIGEST_HOUR } from "@/lib/notifications/digest-query";
import type { NotificationSettingsInput } from "@/lib/validations/notifications";

/** In-app notifications and the mail outbox of one user: every query is scoped to them. */

export const NOTIFICATIONS_SHOWN = 50;

export function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export function listNotifications(userId: string) {
  return db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_SHOWN,
    select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
  });
}

/** Marks every unread notification of the user read; returns how many changed. */
export async function markAllRead(userId: string, now: Date): Promise<number> {
  return (await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } })).count;
}

/** The emails kept for (or sent to) the user, newest first: the outbox a newcomer reads without SMTP. */
export function listMail(userId: string) {
  return db.emailMessage.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_SHOWN,
    select: {
      id: true,
      kind: true,
      subject: true,
      status: true,
      toAddress: true,
      createdAt: true,
      sentAt: true,
    },
  });
}

/** One email of the user's; another user's id is not found. */
export async function getMail(userId: string, id: string) {
  const message = await db.emailMessage.findFirst({
    where: { id, userId },
    select: {
      id: true,
      subject: true,
      text: true,
      status: true,
      toAddress: true,
      createdAt: true,
      sentAt: true,
      unsubscribeUrl: true,
    },
  });
  if (!message) throw new NotFoundError("No such email.");
  return message;
}

export async function getNotificationSettings(userId: string): Promise<NotificationSettingsInput> {
  const row = await db.notificationSettings.findUnique({ where: { userId } });
  return {
    email: row?.email ?? true,
    digest: row?.digest ?? true,
    digestHour: row?.digestHour ?? DEFAULT_DIGEST_HOUR,
    weeklySummary: row?.weeklySummary ?? true,
    atRiskAlerts: row?.atRiskAlerts ?? true,
  };
}

export async function saveNotificationSettings(userId: string, input: NotificationSettingsInput) {
  await db.notificationSettings.upsert({ where: { userId }, create: { userId, ...input }, update: input });
}

const UNSUBSCRIBE_FIELD = {
  digest: "digest",
  "weekly-summary": "weeklySummary",
  "at-risk": "atRiskAlerts",
} as const;

export const UNSUBSCRIBE_WHAT: Record<string, string> = {
  digest: "the daily digest",
  "weekly-summary": "the weekly summary",
  "at-risk": "at-risk alerts",
};

/** 410 Gone: the link worked once already. */
export class UsedTokenError extends AppError {
  constructor() {
    super("This unsubscribe link was already used. Change what you receive in Settings.", 410);
  }
}

export type UnsubscribeLink =
  | { state: "invalid" }
  | { state: "used"; kind: string }
  | { state: "ready"; kind: string };

/** What an unsubscribe link would do, for its confirmation page (no sign-in: the signed token is the key). */
export async function peekUnsubscribe(token: string): Promise<UnsubscribeLink> {
  const id = verifyToken(token, authSecret());
  if (!id) return { state: "invalid" };
  const row = await db.unsubscribeToken.findUnique({ where: { id } });
  if (!row) return { state: "invalid" };
  return { state: row.usedAt ? "used" : "ready", kind: row.kind };
}

/**
 * One-click unsubscribe (RFC 8058): turns the link's kind of email off, once. The conditional
 * update on usedAt IS NULL is the single-use guard: of two concurrent clicks one changes the row.
 */
export async function unsubscribe(token: string, now: Date): Promise<string> {
  const id = verifyToken(token, authSecret());
  if (!id) throw new NotFoundError("This unsubscribe link is not valid.");
  const row = await db.unsubscribeToken.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("This unsubscribe link is not valid.");
  const field = UNSUBSCRIBE_FIELD[row.kind as keyof typeof UNSUBSCRIBE_FIELD];
  if (!field) throw new NotFoundError("This unsubscribe link is not valid.");
  return db.$transaction(async (tx) => {
    const used = await tx.unsubscribeToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
    if (used.count === 0) throw new UsedTokenError();
    await tx.notificationSettings.upsert({
      where: { userId: row.userId },
      create: { userId: row.userId, [field]: false },
      update: { [field]: false },
    });
    return row.kind;
  });
}
