import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { type ClientMessageKind, reminderBody } from "@/lib/trainer/remind";
import { LINK_STANDS } from "./access";

/**
 * In-app messages from a trainer to clients (ClientMessage), written here (and, for a changed
 * assignment, in editAssignment's transaction, lib/data/trainer/bulk.ts).
 * The client sees them on the dashboard while the link stands. Mail is another module's job:
 * it can send what recordClientMessages returns, or read ClientMessage rows by createdAt.
 */

export interface NewClientMessage {
  clientId: string;
  assignmentId?: string | null;
  kind: ClientMessageKind;
  body: string;
}

export interface StoredClientMessage extends NewClientMessage {
  id: string;
  trainerId: string;
  createdAt: Date;
}

export async function recordClientMessages(
  trainerId: string,
  messages: readonly NewClientMessage[],
  now: Date,
): Promise<StoredClientMessage[]> {
  if (messages.length === 0) return [];
  return db.$transaction(
    messages.map((m) =>
      db.clientMessage.create({
        data: {
          trainerId,
          clientId: m.clientId,
          assignmentId: m.assignmentId ?? null,
          kind: m.kind,
          body: m.body,
          createdAt: now,
        },
        select: {
          id: true,
          trainerId: true,
          clientId: true,
          assignmentId: true,
          kind: true,
          body: true,
          createdAt: true,
        },
      }),
    ),
  ) as Promise<StoredClientMessage[]>;
}

/** A reminder to each of these clients (already checked as the trainer's), with the trainer's optional words. */
export async function remindClients(
  trainerId: string,
  clientIds: readonly string[],
  note: string | null,
  now: Date,
): Promise<StoredClientMessage[]> {
  const trainer = await db.user.findUniqueOrThrow({ where: { id: trainerId }, select: { name: true } });
  const body = reminderBody(trainer.name, note);
  return recordClientMessages(
    trainerId,
    clientIds.map((clientId) => ({ clientId, kind: "reminder" as const, body })),
    now,
  );
}

const MESSAGE_WINDOW_DAYS = 30;

/** The client's unread messages of the last 30 days from trainers whose link stands, newest first. */
export async function listMyMessages(clientId: string, now: Date) {
  const rows = await db.clientMessage.findMany({
    where: {
      clientId,
      readAt: null,
      createdAt: { gte: new Date(now.getTime() - MESSAGE_WINDOW_DAYS * 86_400_000) },
      trainer: { clientLinks: { some: { clientId, ...LINK_STANDS } } },
    },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, kind: true, body: true, createdAt: true, trainer: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    body: r.body,
    createdAt: r.createdAt,
    trainerName: r.trainer.name,
  }));
}

/** The client dismisses one of their messages. */
export async function dismissMessage(clientId: string, messageId: string, now: Date): Promise<void> {
  const { count } = await db.clientMessage.updateMany({
    where: { id: messageId, clientId, readAt: null },
    data: { readAt: now },
  });
  if (count === 0 && !(await db.clientMessage.findFirst({ where: { id: messageId, clientId } })))
    throw new NotFoundError("This message does not exist.");
}
