import "server-only";
import { type Expression, expressionBuilder, type SqlBool, sql } from "kysely";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { type DB, query } from "@/lib/query";
import { isTrue } from "@/lib/query/values";

/**
 * The trainer-access rule, in one place: a trainer sees a client only while their link stands
 * (TrainerClient.endedAt is null), and only on the decks they themselves assigned and have not
 * removed (Assignment.removedAt is null); quiz answers only while the client shares them
 * (./consent.ts builds on standingLink). Every trainer-side query applies these expressions, and
 * requireClientAccess below reads through them, so the checks and the queries cannot drift.
 * A denial is a NotFoundError, so it reveals nothing about who else uses the app.
 */

/** The same two conditions for Prisma's model API: spread into a TrainerClient or Assignment `where`. */
export const LINK_STANDS = { endedAt: null } as const;
export const ASSIGNMENT_LIVE = { removedAt: null } as const;

/** The TrainerClient row aliased `link` stands now. */
export function linkStands(link: string): Expression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  return eb(sql.ref(`${link}.endedAt`), "is", null);
}

/** The Assignment row aliased `assignment` is live (not removed). */
export function assignmentLive(assignment: string): Expression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  return eb(sql.ref(`${assignment}.removedAt`), "is", null);
}

/**
 * The standing link between `trainerId` and the client `client` (a column, e.g.
 * `sql.ref("l.userId")`), as a subquery of TrainerClient aliased `link`: for EXISTS tests.
 */
export function standingLink(trainerId: string, client: Expression<string>) {
  const eb = expressionBuilder<DB, never>();
  return eb
    .selectFrom("TrainerClient as link")
    .select(sql.lit(1).as("one"))
    .where("link.trainerId", "=", trainerId)
    .where("link.clientId", "=", client)
    .where(linkStands("link"));
}

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
  const db = query();
  const [link, assignments] = await Promise.all([
    db
      .selectFrom("TrainerClient as tc")
      .select(["tc.id", "tc.shareQuizAnswers"])
      .where("tc.trainerId", "=", trainerId)
      .where("tc.clientId", "=", clientId)
      .where(linkStands("tc"))
      .executeTakeFirst(),
    db
      .selectFrom("Assignment as a")
      .select("a.deckSlug")
      .where("a.trainerId", "=", trainerId)
      .where("a.clientId", "=", clientId)
      .where(assignmentLive("a"))
      .execute(),
  ]);
  if (!link) throw new NotFoundError("This client is not linked to you.");
  return {
    trainerId,
    clientId,
    linkId: link.id,
    shareQuizAnswers: isTrue(link.shareQuizAnswers),
    deckSlugs: assignments.map((a) => a.deckSlug),
  };
}

/** The trainer's clients whose link stands now. */
export async function activeClientIds(trainerId: string): Promise<string[]> {
  const links = await query()
    .selectFrom("TrainerClient as tc")
    .select("tc.clientId")
    .where("tc.trainerId", "=", trainerId)
    .where(linkStands("tc"))
    .execute();
  return links.map((l) => l.clientId);
}
