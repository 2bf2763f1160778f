import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { activeClientIds, LINK_STANDS } from "./access";

/**
 * A trainer's groups of clients ("Tuesday 6 am class"). A group is the trainer's own label: a
 * client is in at most one group per trainer (TrainerClient.groupId), joins it through a named
 * invitation link, and is moved between groups by the trainer. Another trainer's group is a
 * NotFoundError, as another trainer's client is.
 */

export interface TrainerGroupSummary {
  id: string;
  name: string;
  /** Clients in the group whose link stands. */
  clients: number;
}

export async function listGroups(trainerId: string): Promise<TrainerGroupSummary[]> {
  const groups = await db.trainerGroup.findMany({
    where: { trainerId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      _count: { select: { links: { where: { ...LINK_STANDS } } } },
    },
  });
  return groups.map((g) => ({ id: g.id, name: g.name, clients: g._count.links }));
}

/** The trainer's group of this name, created if there is none (names are unique per trainer). */
export async function ensureGroup(
  trainerId: string,
  name: string,
  now: Date,
): Promise<{ id: string; name: string }> {
  return db.trainerGroup.upsert({
    where: { trainerId_name: { trainerId, name } },
    create: { trainerId, name, createdAt: now },
    update: {},
    select: { id: true, name: true },
  });
}

/** The group, if it is this trainer's; otherwise NotFoundError. */
export async function requireGroup(
  trainerId: string,
  groupId: string,
): Promise<{ id: string; name: string }> {
  const group = await db.trainerGroup.findFirst({
    where: { id: groupId, trainerId },
    select: { id: true, name: true },
  });
  if (!group) throw new NotFoundError("This group does not exist.");
  return group;
}

/** Moves the trainer's clients into a group of theirs, or out of any group (groupId null): all or none. */
export async function moveClients(
  trainerId: string,
  clientIds: readonly string[],
  groupId: string | null,
): Promise<number> {
  if (groupId) await requireGroup(trainerId, groupId);
  const active = new Set(await activeClientIds(trainerId));
  const ids = [...new Set(clientIds)];
  if (ids.some((id) => !active.has(id)))
    throw new NotFoundError("One of these clients is not linked to you.");
  const { count } = await db.trainerClient.updateMany({
    where: { trainerId, clientId: { in: ids }, ...LINK_STANDS },
    data: { groupId },
  });
  return count;
}

/** Renaming keeps members and links; a name another group of the trainer has is refused by the caller's check. */
export async function groupMemberIds(trainerId: string, groupId: string): Promise<string[]> {
  await requireGroup(trainerId, groupId);
  const links = await db.trainerClient.findMany({
    where: { trainerId, groupId, ...LINK_STANDS },
    select: { clientId: true },
  });
  return links.map((l) => l.clientId);
}

/**
 * The clients a bulk action acts on: the ones ticked (each must be linked to this trainer) or
 * every member of one of the trainer's groups. Throws NotFoundError for anything else.
 */
export async function resolveSelection(
  trainerId: string,
  selection: { clientIds: readonly string[]; groupId?: string },
): Promise<string[]> {
  if (selection.groupId) return groupMemberIds(trainerId, selection.groupId);
  const active = new Set(await activeClientIds(trainerId));
  const ids = [...new Set(selection.clientIds)];
  if (ids.some((id) => !active.has(id)))
    throw new NotFoundError("One of these clients is not linked to you.");
  return ids;
}
