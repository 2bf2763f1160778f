import "server-only";
import { type Expression, expressionBuilder, type SqlBool, sql } from "kysely";
import { db } from "@/lib/db";
import type { DB } from "@/lib/query";
import { ASSIGNMENT_LIVE, assignmentLive, LINK_STANDS, linkStands } from "./trainer/access";

/**
 * Which decks a learner may study, in one place for the query builder and Prisma paths: every content deck,
 * their own personal and authored decks, and a trainer's own deck while that trainer, still
 * linked to them, has it assigned to them. A trainer's other decks and learners' decks stay private.
 *
 * For the query builder: true when the deck aliased `deck` is visible to
 * `viewerId` (null: nobody signed in, content decks only). Use it in a `where`:
 * `.where(visibleDeck("d", userId))`.
 */
export function visibleDeck(deck: string, viewerId: string | null): Expression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  const owner = sql.ref<string | null>(`${deck}.ownerId`);
  return eb.or([
    eb(owner, "is", null),
    eb(owner, "=", viewerId),
    eb.exists(
      eb
        .selectFrom("Assignment as va")
        .innerJoin("TrainerClient as vt", (join) =>
          join
            .onRef("vt.trainerId", "=", "va.trainerId")
            .onRef("vt.clientId", "=", "va.clientId")
            .on(linkStands("vt")),
        )
        .select(sql.lit(1).as("one"))
        .where("va.deckSlug", "=", sql.ref<string>(`${deck}.slug`))
        .where("va.trainerId", "=", owner)
        .where("va.clientId", "=", viewerId)
        .where(assignmentLive("va")),
    ),
  ]);
}

/** Slugs of trainers' own decks assigned to the viewer by their owner over a standing link. */
export async function assignedOwnedDeckSlugs(viewerId: string): Promise<string[]> {
  const assignments = await db.assignment.findMany({
    where: {
      clientId: viewerId,
      ...ASSIGNMENT_LIVE,
      trainer: { clientLinks: { some: { clientId: viewerId, ...LINK_STANDS } } },
    },
    select: { deckSlug: true, trainerId: true },
  });
  if (assignments.length === 0) return [];
  const owned = await db.deck.findMany({
    where: { OR: assignments.map((a) => ({ slug: a.deckSlug, ownerId: a.trainerId })) },
    select: { slug: true },
  });
  return owned.map((deck) => deck.slug);
}

/** The same rule as a Prisma `where` on Deck (one extra query for the assigned decks). */
export async function visibleDeckWhere(viewerId: string | null) {
  if (!viewerId) return { ownerId: null };
  const assigned = await assignedOwnedDeckSlugs(viewerId);
  return {
    OR: [{ ownerId: null }, { ownerId: viewerId }, ...(assigned.length ? [{ slug: { in: assigned } }] : [])],
  };
}

/**
 * Who besides its owner sees the owner's deck: the clients it is assigned to over a standing link
 * (the rule above, from the owner's side). Zero for a deck nobody else sees.
 */
export async function assignedClientCount(ownerId: string, slug: string): Promise<number> {
  return db.assignment.count({
    where: {
      trainerId: ownerId,
      deckSlug: slug,
      ...ASSIGNMENT_LIVE,
      client: { trainerLinks: { some: { trainerId: ownerId, ...LINK_STANDS } } },
    },
  });
}
