import "server-only";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/**
 * Every trainer-side read goes through these checks, in the data layer: a trainer sees a
 * client only while their link stands, and only the decks they themselves assigned.
 * A denial is a NotFoundError, so it reveals nothing about who else uses the app.
 */
export interface ClientAccess {
  trainerId: string;
  clientId: string;
  linkId: string;
  shareQuizAnswers: boolean;
  /** Decks this trainer has assigned to this client and not removed. */
  deckSlugs: string[];
}

export async function requireTrainer(user: { id: string; role: string }): Promise<string> {
  if (user.role !== "trainer") throw new ForbiddenError("Only trainer accounts can do this.");
  return user.id;
}

export async function requireClientAccess(trainerId: string, clientId: string): Promise<ClientAccess> {
  const link = await db.trainerClient.findFirst({
    where: { trainerId, clientId, endedAt: null },
    select: { id: true, shareQuizAnswers: true },
  });
  if (!link) throw new NotFoundError("This client is not linked to you.");
  const assignments = await db.assignment.findMany({
    where: { trainerId, clientId, removedAt: null },
    select: { deckSlug: true },
  });
  return {
    trainerId,
    clientId,
    linkId: link.id,
    shareQuizAnswers: link.shareQuizAnswers,
    deckSlugs: assignments.map((a) => a.deckSlug),
  };
}

/** The trainer's clients whose link stands now. */
export async function activeClientIds(trainerId: string): Promise<string[]> {
  const links = await db.trainerClient.findMany({
    where: { trainerId, endedAt: null },
    select: { clientId: true },
  });
  return links.map((l) => l.clientId);
}
