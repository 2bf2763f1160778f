import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { AssignmentInput, InvitationInput } from "@/lib/validations/trainer";
import { ASSIGNMENT_LIVE, activeClientIds, LINK_STANDS } from "./access";
import { ensureGroup } from "./groups";

const DAY = 86_400_000;

export type InvitationStatus = "active" | "expired" | "revoked" | "used";

function statusOf(
  inv: { revokedAt: Date | null; expiresAt: Date; uses: number; maxUses: number },
  now: Date,
) {
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt.getTime() <= now.getTime()) return "expired";
  if (inv.uses >= inv.maxUses) return "used";
  return "active";
}

export async function createInvitation(trainerId: string, input: InvitationInput, now: Date) {
  // A named link creates its group the first time the name is used, and joins it after.
  const group = input.groupName ? await ensureGroup(trainerId, input.groupName, now) : null;
  const invitation = await db.trainerInvitation.create({
    data: {
      trainerId,
      groupId: group?.id ?? null,
      code: randomBytes(16).toString("base64url"),
      maxUses: input.maxUses,
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY),
      createdAt: now,
    },
  });
  return {
    id: invitation.id,
    code: invitation.code,
    expiresAt: invitation.expiresAt,
    maxUses: invitation.maxUses,
    groupName: group?.name ?? null,
  };
}

export async function listInvitations(trainerId: string, now: Date) {
  const invitations = await db.trainerInvitation.findMany({
    where: { trainerId },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { group: { select: { name: true } } },
  });
  return invitations.map((inv) => ({
    id: inv.id,
    groupName: inv.group?.name ?? null,
    code: inv.code,
    maxUses: inv.maxUses,
    uses: inv.uses,
    createdAt: inv.createdAt,
    expiresAt: inv.expiresAt,
    status: statusOf(inv, now) as InvitationStatus,
  }));
}

export async function revokeInvitation(trainerId: string, invitationId: string, now: Date): Promise<void> {
  const { count } = await db.trainerInvitation.updateMany({
    where: { id: invitationId, trainerId, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0 && !(await db.trainerInvitation.findFirst({ where: { id: invitationId, trainerId } }))) {
    throw new NotFoundError("This invitation does not exist.");
  }
}

/** What someone opening an invitation link sees before accepting (no account needed). */
export async function getInvitationPreview(code: string, now: Date) {
  const invitation = await db.trainerInvitation.findUnique({
    where: { code },
    include: { trainer: { select: { id: true, name: true } }, group: { select: { id: true, name: true } } },
  });
  if (!invitation) throw new NotFoundError("This invitation link is not valid.");
  return {
    code,
    groupId: invitation.group?.id ?? null,
    groupName: invitation.group?.name ?? null,
    trainerId: invitation.trainer.id,
    trainerName: invitation.trainer.name,
    expiresAt: invitation.expiresAt,
    status: statusOf(invitation, now) as InvitationStatus,
  };
}

/**
 * Links the learner to the trainer. Each acceptance uses up one place on the link, claimed
 * with a conditional update so two clients racing for the last place cannot both get it.
 * Accepting again while linked changes nothing.
 */
export async function acceptInvitation(
  client: { id: string; role: string },
  code: string,
  { shareQuizAnswers }: { shareQuizAnswers: boolean },
  now: Date,
) {
  if (client.role !== "learner") throw new ForbiddenError("Only learner accounts can join a trainer.");
  const preview = await getInvitationPreview(code, now);
  if (preview.trainerId === client.id) throw new ValidationError("You cannot accept your own invitation.");
  const existing = await db.trainerClient.findUnique({
    where: { trainerId_clientId: { trainerId: preview.trainerId, clientId: client.id } },
  });
  if (existing && !existing.endedAt) {
    // A linked client opening a named link joins its group (while the link is usable), with no place used.
    if (preview.groupId && preview.status === "active" && existing.groupId !== preview.groupId)
      await db.trainerClient.update({ where: { id: existing.id }, data: { groupId: preview.groupId } });
    return { trainerId: preview.trainerId, alreadyLinked: true };
  }
  if (preview.status !== "active") {
    throw new ConflictError(
      preview.status === "expired"
        ? "This invitation has expired. Ask your trainer for a new link."
        : preview.status === "revoked"
          ? "Your trainer withdrew this invitation."
          : "This invitation has already been used.",
    );
  }
  await db.$transaction(async (tx) => {
    // One use claimed only while uses < maxUses (a column comparison), so two clients racing for
    // the last use cannot both get it.
    const { count: claimed } = await tx.trainerInvitation.updateMany({
      where: { code, revokedAt: null, uses: { lt: tx.trainerInvitation.fields.maxUses } },
      data: { uses: { increment: 1 } },
    });
    if (claimed !== 1) throw new ConflictError("This invitation has already been used.");
    const invitation = await tx.trainerInvitation.findUniqueOrThrow({
      where: { code },
      select: { id: true },
    });
    const link = {
      invitationId: invitation.id,
      groupId: preview.groupId,
      shareQuizAnswers,
      linkedAt: now,
      ...LINK_STANDS,
      endedBy: null,
    };
    // Coming back starts afresh: what the trainer assigned before the link ended stays ended,
    // instead of reappearing on the client's dashboard without anyone having chosen it again.
    if (existing?.endedAt) {
      await tx.assignment.updateMany({
        where: { trainerId: preview.trainerId, clientId: client.id, ...ASSIGNMENT_LIVE },
        data: { removedAt: now },
      });
    }
    await tx.trainerClient.upsert({
      where: { trainerId_clientId: { trainerId: preview.trainerId, clientId: client.id } },
      create: { trainerId: preview.trainerId, clientId: client.id, ...link },
      update: link,
    });
  });
  return { trainerId: preview.trainerId, alreadyLinked: false };
}

/**
 * The choice a returning client made the last time they were linked to this trainer (null if
 * never linked), so the invitation offers it again instead of switching sharing back on.
 */
export async function previousQuizSharing(clientId: string, trainerId: string): Promise<boolean | null> {
  const link = await db.trainerClient.findUnique({
    where: { trainerId_clientId: { trainerId, clientId } },
    select: { shareQuizAnswers: true },
  });
  return link ? link.shareQuizAnswers : null;
}

async function endLink(trainerId: string, clientId: string, endedBy: "client" | "trainer", now: Date) {
  const { count } = await db.trainerClient.updateMany({
    where: { trainerId, clientId, ...LINK_STANDS },
    data: { endedAt: now, endedBy },
  });
  if (count === 0)
    throw new NotFoundError(
      endedBy === "client" ? "You are not linked to this trainer." : "This client is not linked to you.",
    );
}

/** The client leaves; the trainer loses access on their next request. Progress stays the client's. */
export function leaveTrainer(clientId: string, trainerId: string, now: Date) {
  return endLink(trainerId, clientId, "client", now);
}

export function removeClient(trainerId: string, clientId: string, now: Date) {
  return endLink(trainerId, clientId, "trainer", now);
}

/** The learner's trainers and exactly what each can see. */
export async function listMyTrainers(clientId: string) {
  const links = await db.trainerClient.findMany({
    where: { clientId, ...LINK_STANDS },
    include: { trainer: { select: { id: true, name: true } } },
    orderBy: { linkedAt: "asc" },
  });
  const assignments = await db.assignment.findMany({
    where: { clientId, ...ASSIGNMENT_LIVE, trainerId: { in: links.map((l) => l.trainerId) } },
    select: { trainerId: true, deckSlug: true },
  });
  const decks = await db.deck.findMany({ select: { slug: true, title: true } });
  const title = new Map(decks.map((d) => [d.slug, d.title]));
  return links.map((link) => ({
    trainerId: link.trainerId,
    trainerName: link.trainer.name,
    linkedAt: link.linkedAt,
    shareQuizAnswers: link.shareQuizAnswers,
    decks: assignments
      .filter((a) => a.trainerId === link.trainerId)
      .map((a) => ({ slug: a.deckSlug, title: title.get(a.deckSlug) ?? a.deckSlug })),
  }));
}

export async function setQuizSharing(clientId: string, trainerId: string, share: boolean): Promise<void> {
  const { count } = await db.trainerClient.updateMany({
    where: { trainerId, clientId, ...LINK_STANDS },
    data: { shareQuizAnswers: share },
  });
  if (count === 0) throw new NotFoundError("You are not linked to this trainer.");
}

/** The names of those among the clients who already have this deck from this trainer. */
export async function clientsWithDeck(trainerId: string, clientIds: string[], deckSlug: string) {
  const rows = await db.assignment.findMany({
    where: { trainerId, deckSlug, ...ASSIGNMENT_LIVE, clientId: { in: clientIds } },
    select: { client: { select: { name: true } } },
    orderBy: { client: { name: "asc" } },
  });
  return rows.map((row) => row.client.name);
}

/**
 * Assigns a deck to one or many of the trainer's clients at once: all or none. A client who
 * already has the deck gets the new due date and goal (the form and its message say so).
 */
export async function assignDeck(trainerId: string, input: AssignmentInput, now: Date): Promise<number> {
  // Learners' personal decks are theirs alone: a trainer can assign content decks and their own.
  const deck = await db.deck.findFirst({
    where: { slug: input.deckSlug, retired: false, OR: [{ ownerId: null }, { ownerId: trainerId }] },
    select: { slug: true },
  });
  if (!deck) throw new NotFoundError("This deck does not exist.");
  const active = new Set(await activeClientIds(trainerId));
  const clientIds = [...new Set(input.clientIds)];
  if (clientIds.some((id) => !active.has(id)))
    throw new NotFoundError("One of these clients is not linked to you.");
  const data = {
    dueAt: input.dueAt ?? null,
    goal: input.goal,
    targetRecall: input.goal === "recall" ? (input.targetRecall ?? null) : null,
    quizTarget: input.quizTarget ?? null,
    ...ASSIGNMENT_LIVE,
    // Left out, the message stays as it was (an empty one clears it).
    ...(input.message === undefined ? {} : { message: input.message || null }),
  };
  await db.$transaction(
    clientIds.map((clientId) =>
      db.assignment.upsert({
        where: { trainerId_clientId_deckSlug: { trainerId, clientId, deckSlug: deck.slug } },
        create: { trainerId, clientId, deckSlug: deck.slug, createdAt: now, ...data },
        update: data,
      }),
    ),
  );
  return clientIds.length;
}

/** Removes an assignment; the client's progress on the deck is untouched. */
export async function unassignDeck(trainerId: string, assignmentId: string, now: Date): Promise<void> {
  const { count } = await db.assignment.updateMany({
    where: {
      id: assignmentId,
      trainerId,
      ...ASSIGNMENT_LIVE,
      client: { trainerLinks: { some: { trainerId, ...LINK_STANDS } } },
    },
    data: { removedAt: now },
  });
  if (count === 0) throw new NotFoundError("This assignment does not exist.");
}

/** Which deck and client an assignment this trainer removed was about, to confirm it by name. */
export async function removedAssignment(trainerId: string, assignmentId: string) {
  const row = await db.assignment.findFirst({
    where: { id: assignmentId, trainerId, removedAt: { not: null } },
    select: { deckSlug: true, client: { select: { name: true } } },
  });
  if (!row) return null;
  const deck = await db.deck.findUnique({ where: { slug: row.deckSlug }, select: { title: true } });
  return { deckTitle: deck?.title ?? row.deckSlug, clientName: row.client.name };
}

/** The learner's assigned decks from trainers whose link stands, soonest due first. */
export async function listMyAssignments(clientId: string) {
  const assignments = await db.assignment.findMany({
    where: { clientId, ...ASSIGNMENT_LIVE, trainer: { clientLinks: { some: { clientId, ...LINK_STANDS } } } },
    include: { trainer: { select: { name: true } } },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
  });
  return assignments.map((a) => ({
    id: a.id,
    deckSlug: a.deckSlug,
    trainerName: a.trainer.name,
    dueAt: a.dueAt,
    goal: a.goal,
    targetRecall: a.targetRecall,
    quizTarget: a.quizTarget,
    message: a.message,
    createdAt: a.createdAt,
  }));
}
