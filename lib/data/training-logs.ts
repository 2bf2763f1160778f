import "server-only";
import { query } from "@/lib/query";
import { cardInDeck } from "@/lib/query/deck-membership";
import { parseSqlDate } from "@/lib/query/values";
import type { TrainingLog } from "@/lib/srs/training";
import type { ReviewRating, SrsState } from "@/lib/srs/types";

/**
 * The one bulk read of optimization (lib/data/parameters/personal-optimization.ts collectTrainingSet): a learner's
 * answers, through the query builder rather than Prisma. On the server's thread Prisma takes
 * about three times as long for 10,000 answers (about 23 ms against 7), and that alone pushed the
 * review submits running meanwhile past their budget (npm run bench -- optimizer).
 */

/** The cards the learner answered (of one deck, if given). */
export async function answeredCardIds(userId: string, deckSlug?: string): Promise<string[]> {
  const rows = await query()
    .selectFrom("ReviewLog as l")
    .select("l.cardId")
    .distinct()
    .where("l.userId", "=", userId)
    .$if(deckSlug !== undefined, (qb) => qb.where(cardInDeck("l.cardId", deckSlug as string)))
    .execute();
  return rows.map((row) => row.cardId);
}

/** The learner's answers on these cards, as lib/srs/training reads them. */
export async function trainingLogs(userId: string, cardIds: readonly string[]): Promise<TrainingLog[]> {
  if (cardIds.length === 0) return [];
  const rows = await query()
    .selectFrom("ReviewLog")
    .select(["cardId", "rating", "reviewedAt", "origin", "stateBefore"])
    .where("userId", "=", userId)
    .where("cardId", "in", cardIds)
    .execute();
  return rows.map((row) => ({
    cardId: row.cardId,
    rating: Number(row.rating) as ReviewRating,
    reviewedAt: parseSqlDate(row.reviewedAt),
    origin: row.origin === "quiz" ? "quiz" : "study",
    stateBefore: row.stateBefore as SrsState,
  }));
}
