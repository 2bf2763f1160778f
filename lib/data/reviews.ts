import "server-only";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isUniqueViolation, type SqlClient, sql } from "@/lib/sql/client";
import { isTrue, parseSqlDate, type SqlDateValue } from "@/lib/sqlite-connection";
import { type CardSchedule, newCardSchedule, type ReviewRating, rate, type SrsState, undo } from "@/lib/srs";
import { answerTime } from "@/lib/srs/answer-time";
import { type DeckOptions, schedulingSettings } from "@/lib/srs/deck-options";
import { becomesLeech, leechRuleOf } from "@/lib/srs/leech";
import { toWire } from "@/lib/study/session-data";
import type { ReviewSubmission } from "@/lib/validations/review";
import { visibleDeckSql } from "./deck-access";
import { cardDeckOptions } from "./deck-presets";
import { loadLearnerSettings, loadSettingsRow, type ScheduleColumns, scheduleFromRow } from "./schedule-rows";

export interface CardStateView {
  cardId: string;
  schedule: CardSchedule;
  /** 0 for a card the learner has never answered. */
  version: number;
}

export interface ReviewResult extends CardStateView {
  /** "duplicate": this idempotency key was recorded before; nothing was written. */
  status: "recorded" | "duplicate";
}

/** A stale answer: the card changed since the client read it. Carries the current state. */
export class StaleReviewError extends ConflictError {
  constructor(readonly current: CardStateView) {
    super("This card changed in another tab or device. Its latest state has been loaded.");
    this.details = { current: { ...current, schedule: toWire(current.schedule) } };
  }
}

type StateRow = ScheduleColumns & { version: number | bigint };

const STATE_COLUMNS =
  "state, due, stability, difficulty, reps, lapses, learningSteps, scheduledDays, lastReview, version";

function toView(cardId: string, row: StateRow | undefined, now: Date): CardStateView {
  if (!row) return { cardId, schedule: newCardSchedule(now), version: 0 };
  return { cardId, version: Number(row.version), schedule: scheduleFromRow(row) };
}

/** The per-card fuzz seed: the same learner, card and repetition always get the same fuzz. */
export const cardKey = (userId: string, cardId: string) => `${userId}:${cardId}`;

const SQL = {
  findLog: 'SELECT cardId FROM "ReviewLog" WHERE userId = ? AND idempotencyKey = ?',
  // Someone else's personal deck's card does not exist for this learner.
  findCard: `SELECT c.retired FROM "Card" c JOIN "Deck" d ON d.slug = c.deckSlug
     WHERE c.id = ? AND ${visibleDeckSql("d")}`,
  findState: `SELECT ${STATE_COLUMNS} FROM "CardState" WHERE userId = ? AND cardId = ?`,
  insertLog: `INSERT INTO "ReviewLog" (id, userId, cardId, idempotencyKey, origin, rating, reviewedAt, durationMs,
       stateBefore, dueBefore, lastReviewBefore, stabilityBefore, difficultyBefore, scheduledDaysBefore,
       learningStepsBefore, dueAfter, stabilityAfter, difficultyAfter, cardVersion)
     VALUES (@id, @userId, @cardId, @idempotencyKey, @origin, @rating, @reviewedAt, @durationMs,
       @stateBefore, @dueBefore, @lastReviewBefore, @stabilityBefore, @difficultyBefore, @scheduledDaysBefore,
       @learningStepsBefore, @dueAfter, @stabilityAfter, @difficultyAfter, @cardVersion)`,
  // The version check in the WHERE clause is the guard. SQLite's IMMEDIATE lock already serializes
  // writers; under PostgreSQL's READ COMMITTED a concurrent writer of the same card blocks on the
  // row, then sees the new version and updates nothing, so its answer is stale (409).
  upsertState: `INSERT INTO "CardState" (userId, cardId, ${STATE_COLUMNS}, introducedAt)
     VALUES (@userId, @cardId, @state, @due, @stability, @difficulty, @reps, @lapses, @learningSteps,
       @scheduledDays, @lastReview, 1, @now)
     ON CONFLICT (userId, cardId) DO UPDATE SET state = excluded.state, due = excluded.due,
       stability = excluded.stability, difficulty = excluded.difficulty, reps = excluded.reps,
       lapses = excluded.lapses, learningSteps = excluded.learningSteps, scheduledDays = excluded.scheduledDays,
       lastReview = excluded.lastReview, version = "CardState".version + 1
     WHERE "CardState".version = @expectedVersion`,
};

async function findState(tx: SqlClient, userId: string, cardId: string, now: Date): Promise<CardStateView> {
  return toView(cardId, await tx.get<StateRow>(SQL.findState, [userId, cardId]), now);
}

function scheduleColumns(schedule: CardSchedule) {
  return {
    state: schedule.state,
    due: schedule.due,
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    reps: schedule.reps,
    lapses: schedule.lapses,
    learningSteps: schedule.learningSteps,
    scheduledDays: schedule.scheduledDays,
    lastReview: schedule.lastReview,
  };
}

/**
 * Records one answer: the log row and the card's new schedule commit together or not at all.
 * A repeated idempotency key returns the card's state and writes nothing; an answer rated
 * against an older version of the card is refused with StaleReviewError (409).
 */
export async function recordReview(
  userId: string,
  input: ReviewSubmission & { origin?: "study" | "quiz" },
  now: Date,
  within?: SqlClient,
): Promise<ReviewResult> {
  // The card's home deck's preset: read before the transaction (it is not part of the guarded state).
  const options = await cardDeckOptions(userId, input.cardId);
  const attempt = (tx: SqlClient) => writeReview(tx, userId, input, now, options);
  if (within) return attempt(within);
  try {
    return await sql().transaction(attempt);
  } catch (error) {
    // Two submits of one key raced (PostgreSQL, READ COMMITTED): the other one committed it, and
    // this one hit the key's unique index or already saw the card's new version. Answer as a repeat.
    if (!isUniqueViolation(error) && !(error instanceof StaleReviewError)) throw error;
    const logged = await sql().get<{ cardId: string }>(SQL.findLog, [userId, input.idempotencyKey]);
    if (!logged) throw error;
    return { status: "duplicate", ...(await findState(sql(), userId, logged.cardId, now)) };
  }
}

async function writeReview(
  tx: SqlClient,
  userId: string,
  input: ReviewSubmission & { origin?: "study" | "quiz" },
  now: Date,
  options: DeckOptions | null,
): Promise<ReviewResult> {
  const logged = await tx.get<{ cardId: string }>(SQL.findLog, [userId, input.idempotencyKey]);
  if (logged) return { status: "duplicate", ...(await findState(tx, userId, logged.cardId, now)) };
  const card = await tx.get<{ retired: unknown }>(SQL.findCard, [input.cardId, userId, userId]);
  if (!card || isTrue(card.retired)) throw new NotFoundError("This card does not exist or was retired.");
  const current = await findState(tx, userId, input.cardId, now);
  if (current.version !== input.expectedVersion) throw new StaleReviewError(current);

  // The answer keeps the time the learner gave it (it may arrive a little late from the outbox),
  // but never later than now, nor long before now, nor before the card's last review.
  const reviewedAt = answerTime(input.answeredAt, now, current.schedule.lastReview ?? null);
  const settings = schedulingSettings(await loadLearnerSettings(tx, userId), options);
  const { next, log } = rate(
    current.schedule,
    input.rating as ReviewRating,
    reviewedAt,
    settings,
    cardKey(userId, input.cardId),
  );
  await tx.run(SQL.insertLog, {
    id: crypto.randomUUID(),
    userId,
    cardId: input.cardId,
    idempotencyKey: input.idempotencyKey,
    origin: input.origin ?? "study",
    rating: log.rating,
    reviewedAt: log.reviewedAt,
    durationMs: input.durationMs,
    stateBefore: log.stateBefore,
    dueBefore: log.dueBefore,
    lastReviewBefore: log.lastReviewBefore,
    stabilityBefore: log.stabilityBefore,
    difficultyBefore: log.difficultyBefore,
    scheduledDaysBefore: log.scheduledDaysBefore,
    learningStepsBefore: log.learningStepsBefore,
    dueAfter: log.dueAfter,
    stabilityAfter: log.stabilityAfter,
    difficultyAfter: log.difficultyAfter,
    cardVersion: current.version + 1,
  });
  const written = await tx.run(SQL.upsertState, {
    userId,
    cardId: input.cardId,
    ...scheduleColumns(next),
    now,
    expectedVersion: input.expectedVersion,
  });
  if (written !== 1) throw new StaleReviewError(await findState(tx, userId, input.cardId, now));
  if (current.schedule.lapses < next.lapses)
    await markLeech(tx, userId, input.cardId, current.schedule.lapses, next.lapses);
  return { status: "recorded", cardId: input.cardId, schedule: next, version: current.version + 1 };
}

/**
 * A lapse that reaches the learner's leech threshold tags the card, and suspends it unless they
 * chose tagging only. In the answer's transaction; the schedule's version is not bumped (marks
 * are not schedule), so an open study tab's next answer is not stale.
 */
async function markLeech(tx: SqlClient, userId: string, cardId: string, before: number, after: number) {
  const rule = leechRuleOf(await loadSettingsRow(tx, userId));
  if (!becomesLeech(before, after, rule)) return;
  await tx.run(
    `UPDATE "CardState" SET leech = TRUE, suspended = CASE WHEN ? THEN TRUE ELSE suspended END
     WHERE userId = ? AND cardId = ?`,
    [rule.action === "suspend", userId, cardId],
  );
}

interface LogRow {
  cardId: string;
  rating: number | bigint;
  reviewedAt: SqlDateValue;
  stateBefore: string;
  dueBefore: SqlDateValue;
  lastReviewBefore: SqlDateValue | null;
  stabilityBefore: number;
  difficultyBefore: number;
  scheduledDaysBefore: number | bigint;
  learningStepsBefore: number | bigint;
  dueAfter: SqlDateValue;
  stabilityAfter: number;
  difficultyAfter: number;
}

/**
 * Takes back an answer: its log row is deleted and the card returns to its exact previous
 * schedule (ts-fsrs rollback). Only a card's latest answer can be undone.
 */
export async function undoReview(userId: string, idempotencyKey: string, now: Date): Promise<CardStateView> {
  return sql().transaction(async (tx) => {
    const log = await tx.get<LogRow & { id: string; cardVersion: number }>(
      'SELECT * FROM "ReviewLog" WHERE userId = ? AND idempotencyKey = ?',
      [userId, idempotencyKey],
    );
    if (!log) throw new NotFoundError("There is no such answer to undo.");
    const latest = await tx.get<{ idempotencyKey: string }>(
      'SELECT idempotencyKey FROM "ReviewLog" WHERE userId = ? AND cardId = ? ORDER BY cardVersion DESC, reviewedAt DESC LIMIT 1',
      [userId, log.cardId],
    );
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
    await tx.run('DELETE FROM "ReviewLog" WHERE id = ?', [log.id]);
    // Guarded by the version read above, so a concurrent answer makes this undo stale instead of lost.
    const written = await tx.run(
      `UPDATE "CardState" SET state = @state, due = @due, stability = @stability, difficulty = @difficulty,
         reps = @reps, lapses = @lapses, learningSteps = @learningSteps, scheduledDays = @scheduledDays,
         lastReview = @lastReview, version = version + 1
       WHERE userId = @userId AND cardId = @cardId AND version = @version`,
      { userId, cardId: log.cardId, ...scheduleColumns(previous), version: current.version },
    );
    if (written !== 1) throw new StaleReviewError(await findState(tx, userId, log.cardId, now));
    return { cardId: log.cardId, schedule: previous, version: current.version + 1 };
  });
}
