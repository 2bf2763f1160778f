import "server-only";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { transaction } from "@/lib/query";
import { parseSqlDate } from "@/lib/query/values";
import { type ReviewRating, type SrsState, undo } from "@/lib/srs";
import { toWire } from "@/lib/study/session-data";
import { undoLeechMarks } from "../card-marks";
import { type CardStateView, findState, StaleReviewError } from "./read";
import { scheduleColumns } from "./write";

/**
 * Takes back an answer: its log row is deleted and the card returns to its exact previous
 * schedule (ts-fsrs rollback). Only a card's latest answer can be undone.
 */
export async function undoReview(userId: string, idempotencyKey: string, now: Date): Promise<CardStateView> {
  return transaction(async (tx) => {
    const log = await tx
      .selectFrom("ReviewLog")
      .selectAll()
      .where("userId", "=", userId)
      .where("idempotencyKey", "=", idempotencyKey)
      .executeTakeFirst();
    if (!log) throw new NotFoundError("There is no such answer to undo.");
    const latest = await tx
      .selectFrom("ReviewLog")
      .select("idempotencyKey")
      .where("userId", "=", userId)
      .where("cardId", "=", log.cardId)
      .orderBy("cardVersion", "desc")
      .orderBy("reviewedAt", "desc")
      .limit(1)
      .executeTakeFirst();
    const current = await findState(tx, userId, log.cardId, now);
    if (latest?.idempotencyKey !== idempotencyKey) {
      const conflict = new ConflictError("Only the latest answer of a card can be undone.");
      conflict.details = { current: { ...current, schedule: toWire(current.schedule) } };
      throw conflict;
    }
    const previous = undo(current.schedule, {
      rating: Number(log.rating) as ReviewRating,
      reviewedAt: parseSqlDate(log.reviewedAt),
      stateBefore: log.stateBefore as SrsState,
      dueBefore: parseSqlDate(log.dueBefore),
      lastReviewBefore: log.lastReviewBefore ? parseSqlDate(log.lastReviewBefore) : null,
      stabilityBefore: log.stabilityBefore,
      difficultyBefore: log.difficultyBefore,
      scheduledDaysBefore: Number(log.scheduledDaysBefore),
      learningStepsBefore: Number(log.learningStepsBefore),
      dueAfter: parseSqlDate(log.dueAfter),
      stabilityAfter: log.stabilityAfter,
      difficultyAfter: log.difficultyAfter,
    });
    await tx.deleteFrom("ReviewLog").where("id", "=", log.id).execute();
    // Guarded by the version read above, so a concurrent answer makes this undo stale instead of lost.
    const written = await tx
      .updateTable("CardState")
      .set((eb) => ({ ...scheduleColumns(previous), version: eb("version", "+", 1) }))
      .where("userId", "=", userId)
      .where("cardId", "=", log.cardId)
      .where("version", "=", current.version)
      .executeTakeFirst();
    if (Number(written.numUpdatedRows) !== 1)
      throw new StaleReviewError(await findState(tx, userId, log.cardId, now));
    // An answer that made the card a leech tagged (and maybe suspended) it: that comes off too.
    await undoLeechMarks(tx, userId, log.cardId, { before: previous.lapses, after: current.schedule.lapses });
    return { cardId: log.cardId, schedule: previous, version: current.version + 1 };
  });
}
