import "server-only";
import { db } from "@/lib/db";
import { ASSIGNMENT_LIVE, LINK_STANDS } from "./access";

/** One deck a trainer assigned to a client and has not removed. */
export interface RosterAssignment {
  id: string;
  deckSlug: string;
  deckTitle: string;
  dueAt: Date | null;
  goal: string;
  targetRecall: number | null;
  quizTarget: number | null;
}

export interface RosterClient {
  id: string;
  name: string;
  email: string;
  linkedAt: Date;
  groupId: string | null;
  assignments: RosterAssignment[];
}

/**
 * The trainer's clients whose link stands, by name, each with the decks this trainer assigned
 * (soonest due first). Ended links and other trainers' assignments never appear.
 */
export async function listClientsWithAssignments(trainerId: string): Promise<RosterClient[]> {
  const links = await db.trainerClient.findMany({
    where: { trainerId, ...LINK_STANDS },
    orderBy: [{ client: { name: "asc" } }, { linkedAt: "asc" }],
    select: {
      linkedAt: true,
      groupId: true,
      client: {
        select: {
          id: true,
          name: true,
          email: true,
          assignments: {
            where: { trainerId, ...ASSIGNMENT_LIVE },
            orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
            select: {
              id: true,
              deckSlug: true,
              dueAt: true,
              goal: true,
              targetRecall: true,
              quizTarget: true,
            },
          },
        },
      },
    },
  });
  const slugs = [...new Set(links.flatMap((link) => link.client.assignments.map((a) => a.deckSlug)))];
  const decks = await db.deck.findMany({
    where: { slug: { in: slugs } },
    select: { slug: true, title: true },
  });
  const title = new Map(decks.map((d) => [d.slug, d.title]));
  return links.map(({ linkedAt, groupId, client }) => ({
    id: client.id,
    name: client.name,
    email: client.email,
    linkedAt,
    groupId,
    assignments: client.assignments.map((a) => ({ ...a, deckTitle: title.get(a.deckSlug) ?? a.deckSlug })),
  }));
}

/**
 * The decks a trainer can assign: content decks and the trainer's own authored decks, never a
 * learner's personal deck, in the library's order.
 */
export async function listAssignableDecks(trainerId?: string): Promise<{ slug: string; title: string }[]> {
  return db.deck.findMany({
    where: { retired: false, OR: [{ ownerId: null }, ...(trainerId ? [{ ownerId: trainerId }] : [])] },
    orderBy: { position: "asc" },
    select: { slug: true, title: true },
  });
}

/** The messages this trainer attached to their live assignments of a client, by assignment id. */
export async function assignmentMessages(trainerId: string, clientId: string): Promise<Map<string, string>> {
  const rows = await db.assignment.findMany({
    where: { trainerId, clientId, ...ASSIGNMENT_LIVE, message: { not: null } },
    select: { id: true, message: true },
  });
  return new Map(rows.flatMap((r) => (r.message ? [[r.id, r.message] as const] : [])));
}
