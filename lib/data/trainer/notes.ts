import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { requireClientAccess } from "./access";

/**
 * A trainer's private notes about a client. Every read and write is scoped by the writing
 * trainer: the client never sees them, nor does another trainer of the same client. Notes stay
 * readable only while the link stands (requireClientAccess), like the rest of the client page.
 */

export interface TrainerNoteView {
  id: string;
  body: string;
  createdAt: Date;
}

export async function listNotes(trainerId: string, clientId: string): Promise<TrainerNoteView[]> {
  await requireClientAccess(trainerId, clientId);
  return db.trainerNote.findMany({
    where: { trainerId, clientId },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, body: true, createdAt: true },
  });
}

export async function addNote(
  trainerId: string,
  clientId: string,
  body: string,
  now: Date,
): Promise<TrainerNoteView> {
  await requireClientAccess(trainerId, clientId);
  return db.trainerNote.create({
    data: { trainerId, clientId, body, createdAt: now },
    select: { id: true, body: true, createdAt: true },
  });
}

export async function deleteNote(trainerId: string, noteId: string): Promise<void> {
  const { count } = await db.trainerNote.deleteMany({ where: { id: noteId, trainerId } });
  if (count === 0) throw new NotFoundError("This note does not exist.");
}
