import "server-only";
import { parseSqlDate, type SqlDateValue } from "@/lib/query/values";
import { sql } from "@/lib/sql/client";
import { cardInDeck } from "@/lib/sql/deck-membership";
import type { TrainingLog } from "@/lib/srs/training";
import type { ReviewRating, SrsState } from "@/lib/srs/types";

/**
 * The one bulk read of optimization (lib/data/parameters.ts collectTrainingSet): a learner's
 * answers, through the raw-SQL client rather than Prisma. On the server's thread Prisma takes
 * about three times as long for 10,000 answers (about 23 ms against 7), and that alone pushed the
 * review submits running meanwhile past their budget (npm run bench -- optimizer).
 */

/** The cards the learner answered (of one deck, if given). */
export async function answeredCardIds(userId: string, deckSlug?: string): Promise<string[]> {
  const rows = deckSlug
    ? await sql().all<{ cardId: string }>(
        `SELECT DISTINCT l.cardId FROM "ReviewLog" l JOIN "Card" c ON c.id = l.cardId
         WHERE l.userId = ? AND ${cardInDeck("c.id", "dc.deckSlug = ?")}`,
        [userId, deckSlug],
      )
    : await sql().all<{ cardId: string }>('SELECT DISTINCT cardId FROM "ReviewLog" WHERE userId = ?', [
        userId,
      ]);
  return rows.map((row) => row.cardId);
}

type LogRow = {
  cardId: string;
  rating: number | bigint;
  reviewedAt: SqlDateValue;
  origin: string;
  stateBefore: string;
};

/** The learner's answers on these cards, as lib/srs/training reads them. */
export async function trainingLogs(userId: string, cardIds: readonly string[]): Promise<TrainingLog[]> {
  if (cardIds.length === 0) return [];
  const rows = await sql().all<LogRow>(
    `SELECT cardId, rating, reviewedAt, origin, stateBefore FROM "ReviewLog"
     WHERE userId = ? AND cardId IN (${cardIds.map(() => "?").join(", ")})`,
    [userId, ...cardIds],
  );
  return rows.map((row) => ({
    cardId: row.cardId,
    rating: Number(row.rating) as ReviewRating,
    reviewedAt: parseSqlDate(row.reviewedAt),
    origin: row.origin === "quiz" ? "quiz" : "study",
    stateBefore: row.stateBefore as SrsState,
  }));
}
