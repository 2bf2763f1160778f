import "server-only";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { assignmentChangeBody } from "@/lib/trainer/remind";
import type { AssignmentEditInput, AssignmentInput, SelectionInput } from "@/lib/validations/trainer";
import { ASSIGNMENT_LIVE, LINK_STANDS } from "./access";
import { resolveSelection } from "./groups";
import { assignDeck } from "./links";
import { remindClients, type StoredClientMessage } from "./remind";

/**
 * Actions on a selection of clients or a whole group. The selection is resolved (and its
 * ownership checked) here, inside each action: ticked clients must be linked to the trainer,
 * a group must be theirs. An empty group is a clear 400, not a silent no-op.
 */

async function targets(trainerId: string, selection: SelectionInput): Promise<string[]> {
  const ids = await resolveSelection(trainerId, selection);
  if (ids.length === 0) throw new ValidationError("This group has no clients yet.");
  return ids;
}

export async function bulkAssign(
  trainerId: string,
  selection: SelectionInput,
  input: Omit<AssignmentInput, "clientIds">,
  now: Date,
): Promise<number> {
  const clientIds = await targets(trainerId, selection);
  return assignDeck(trainerId, { ...input, clientIds }, now);
}

/** Removes the deck from every selected client who has it from this trainer; returns how many had it. */
export async function bulkUnassign(
  trainerId: string,
  selection: SelectionInput,
  deckSlug: string,
  now: Date,
): Promise<number> {
  const clientIds = await targets(trainerId, selection);
  const { count } = await db.assignment.updateMany({
    where: { trainerId, deckSlug, ...ASSIGNMENT_LIVE, clientId: { in: clientIds } },
    data: { removedAt: now },
  });
  return count;
}

export async function bulkRemind(
  trainerId: string,
  selection: SelectionInput,
  note: string | null,
  now: Date,
): Promise<StoredClientMessage[]> {
  return remindClients(trainerId, await targets(trainerId, selection), note, now);
}

/**
 * Changes one assignment's due date, goal and message in place. When the due date or goal
 * changed, the client gets a note saying so (in the same transaction as the change).
 */
export async function editAssignment(trainerId: string, input: AssignmentEditInput, now: Date) {
  const current = await db.assignment.findFirst({
    where: {
      id: input.assignmentId,
      trainerId,
      ...ASSIGNMENT_LIVE,
      client: { trainerLinks: { some: { trainerId, ...LINK_STANDS } } },
    },
    select: { id: true, clientId: true, deckSlug: true, dueAt: true, goal: true, targetRecall: true },
  });
  if (!current) throw new NotFoundError("This assignment does not exist.");
  // A new due date must not have passed anywhere on Earth yet (the assign form's rule, without
  // the trainer's zone: a day before today in UTC); an unchanged one may stay as it is.
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  if (
    input.dueAt &&
    input.dueAt.getTime() !== current.dueAt?.getTime() &&
    input.dueAt.toISOString().slice(0, 10) < yesterday
  )
    throw new ValidationError("This date has passed. Choose today or a later day.", {
      dueAt: ["This date has passed. Choose today or a later day."],
    });
  const deck = await db.deck.findUnique({ where: { slug: current.deckSlug }, select: { title: true } });
  const after = {
    dueAt: input.dueAt,
    goal: input.goal,
    targetRecall: input.goal === "recall" ? input.targetRecall : null,
  };
  const note = assignmentChangeBody(deck?.title ?? current.deckSlug, current, after);
  await db.$transaction(async (tx) => {
    await tx.assignment.update({ where: { id: current.id }, data: { ...after, message: input.message } });
    if (note)
      await tx.clientMessage.create({
        data: {
          trainerId,
          clientId: current.clientId,
          assignmentId: current.id,
          kind: "assignment-changed",
          body: note,
          createdAt: now,
        },
      });
  });
  return { changed: note !== null, note };
}
