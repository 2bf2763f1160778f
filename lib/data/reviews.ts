import "server-only";
import type Database from "better-sqlite3";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseSqlDate, sqlDate, sqlite } from "@/lib/sqlite-connection";
import { type CardSchedule, newCardSchedule, type ReviewRating, rate, type SrsState, undo } from "@/lib/srs";
import { toWire } from "@/lib/study/session-data";
import type { ReviewSubmission } from "@/lib/validations/review";
import { readLearnerSettings, type ScheduleColumns, scheduleFromRow } from "./schedule-rows";

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

type StateRow = ScheduleColumns & { version: bigint };

const STATE_COLUMNS =
  "state, due, stability, difficulty, reps, lapses, learningSteps, scheduledDays, lastReview, version";

function toView(cardId: string, row: StateRow | undefined, now: Date): CardStateView {
  if (!row) return { cardId, schedule: newCardSchedule(now), version: 0 };
  return { cardId, version: Number(row.version), schedule: scheduleFromRow(row) };
}

/** The per-card fuzz seed: the same learner, card and repetition always get the same fuzz. */
export const cardKey = (userId: string, cardId: string) => `${userId}:${cardId}`;

function statements(db: Database.Database) {
  return {
    findLog: db.prepare<[string, string], { cardId: string }>(
      'SELECT cardId FROM "ReviewLog" WHERE userId = ? AND idempotencyKey = ?',
    ),
    findCard: db.prepare<[string], { retired: bigint }>('SELECT retired FROM "Card" WHERE id = ?'),
    findState: db.prepare<[string, string], StateRow>(
      `SELECT ${STATE_COLUMNS} FROM "CardState" WHERE userId = ? AND cardId = ?`,
    ),
    insertLog: db.prepare(
      `INSERT INTO "ReviewLog" (id, userId, cardId, idempotencyKey, origin, rating, reviewedAt, durationMs,
         stateBefore, dueBefore, lastReviewBefore, stabilityBefore, difficultyBefore, scheduledDaysBefore,
         learningStepsBefore, dueAfter, stabilityAfter, difficultyAfter)
       VALUES (@id, @userId, @cardId, @idempotencyKey, @origin, @rating, @reviewedAt, @durationMs,
         @stateBefore, @dueBefore, @lastReviewBefore, @stabilityBefore, @difficultyBefore, @scheduledDaysBefore,
         @learningStepsBefore, @dueAfter, @stabilityAfter, @difficultyAfter)`,
    ),
    // The version check in the WHERE clause is the guard; in SQLite the IMMEDIATE lock already
    // serializes writers, but the statement stays correct without it.
    upsertState: db.prepare(
      `INSERT INTO "CardState" (userId, cardId, ${STATE_COLUMNS}, introducedAt)
       VALUES (@userId, @cardId, @state, @due, @stability, @difficulty, @reps, @lapses, @learningSteps,
         @scheduledDays, @lastReview, 1, @now)
       ON CONFLICT (userId, cardId) DO UPDATE SET state = excluded.state, due = excluded.due,
         stability = excluded.stability, difficulty = excluded.difficulty, reps = excluded.reps,
         lapses = excluded.lapses, learningSteps = excluded.learningSteps, scheduledDays = excluded.scheduledDays,
         lastReview = excluded.lastReview, version = "CardState".version + 1
       WHERE "CardState".version = @expectedVersion`,
    ),
  };
}

let prepared: { db: Database.Database; sql: ReturnType<typeof statements> } | undefined;
function sql() {
  const db = sqlite();
  if (prepared?.db !== db) prepared = { db, sql: statements(db) };
  return prepared.sql;
}

function scheduleColumns(schedule: CardSchedule) {
  return {
    state: schedule.state,
    due: sqlDate(schedule.due),
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    reps: schedule.reps,
    lapses: schedule.lapses,
    learningSteps: schedule.learningSteps,
    scheduledDays: schedule.scheduledDays,
    lastReview: schedule.lastReview ? sqlDate(schedule.lastReview) : null,
  };
}

/**
 * Records one answer: the log row and the card's new schedule commit together or not at all.
 * A repeated idempotency key returns the card's state and writes nothing; an answer rated
 * against an older version of the card is refused with StaleReviewError (409).
 */
export function recordReview(
  userId: string,
  input: ReviewSubmission & { origin?: "study" | "quiz" },
  now: Date,
): ReviewResult {
  const q = sql();
  const run = sqlite().transaction((): ReviewResult => {
    const logged = q.findLog.get(userId, input.idempotencyKey);
    if (logged) {
      return { status: "duplicate", ...toView(logged.cardId, q.findState.get(userId, logged.cardId), now) };
    }
    const card = q.findCard.get(input.cardId);
    if (!card || card.retired) throw new NotFoundError("This card does not exist or was retired.");
    const current = toView(input.cardId, q.findState.get(userId, input.cardId), now);
    if (current.version !== input.expectedVersion) throw new StaleReviewError(current);

    // The answer keeps the time the learner gave it (it may arrive late from an offline tab),
    // but never later than now nor before the card's last review.
    const floor = current.schedule.lastReview?.getTime() ?? 0;
    const reviewedAt = new Date(Math.min(now.getTime(), Math.max(input.answeredAt, floor)));
    const settings = readLearnerSettings(userId);
    const { next, log } = rate(
      current.schedule,
      input.rating as ReviewRating,
      reviewedAt,
      settings,
      cardKey(userId, input.cardId),
    );
    q.insertLog.run({
      id: crypto.randomUUID(),
      userId,
      cardId: input.cardId,
      idempotencyKey: input.idempotencyKey,
      origin: input.origin ?? "study",
      rating: log.rating,
      reviewedAt: sqlDate(log.reviewedAt),
      durationMs: input.durationMs,
      stateBefore: log.stateBefore,
      dueBefore: sqlDate(log.dueBefore),
      lastReviewBefore: log.lastReviewBefore ? sqlDate(log.lastReviewBefore) : null,
      stabilityBefore: log.stabilityBefore,
      difficultyBefore: log.difficultyBefore,
      scheduledDaysBefore: log.scheduledDaysBefore,
      learningStepsBefore: log.learningStepsBefore,
      dueAfter: sqlDate(log.dueAfter),
      stabilityAfter: log.stabilityAfter,
      difficultyAfter: log.difficultyAfter,
    });
    const written = q.upsertState.run({
      userId,
      cardId: input.cardId,
      ...scheduleColumns(next),
      now: sqlDate(now),
      expectedVersion: input.expectedVersion,
    });
    if (written.changes !== 1) throw new StaleReviewError(current);
    return { status: "recorded", cardId: input.cardId, schedule: next, version: current.version + 1 };
  });
  return run.immediate();
}

interface LogRow {
  cardId: string;
  rating: bigint;
  reviewedAt: string;
  stateBefore: string;
  dueBefore: string;
  lastReviewBefore: string | null;
  stabilityBefore: number;
  difficultyBefore: number;
  scheduledDaysBefore: bigint;
  learningStepsBefore: bigint;
  dueAfter: string;
  stabilityAfter: number;
  difficultyAfter: number;
}

/**
 * Takes back an answer: its log row is deleted and the card returns to its exact previous
 * schedule (ts-fsrs rollback). Only a card's latest answer can be undone.
 */
export function undoReview(userId: string, idempotencyKey: string, now: Date): CardStateView {
  const db = sqlite();
  const q = sql();
  const run = db.transaction((): CardStateView => {
    const log = db
      .prepare<[string, string], LogRow & { rowid: bigint }>(
        'SELECT rowid, * FROM "ReviewLog" WHERE userId = ? AND idempotencyKey = ?',
      )
      .get(userId, idempotencyKey);
    if (!log) throw new NotFoundError("There is no such answer to undo.");
    const latest = db
      .prepare<[string, string], { idempotencyKey: string }>(
        'SELECT idempotencyKey FROM "ReviewLog" WHERE userId = ? AND cardId = ? ORDER BY reviewedAt DESC, rowid DESC LIMIT 1',
      )
      .get(userId, log.cardId);
    const current = toView(log.cardId, q.findState.get(userId, log.cardId), now);
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
    db.prepare('DELETE FROM "ReviewLog" WHERE rowid = ?').run(log.rowid);
    db.prepare(
      `UPDATE "CardState" SET state = @state, due = @due, stability = @stability, difficulty = @difficulty,
         reps = @reps, lapses = @lapses, learningSteps = @learningSteps, scheduledDays = @scheduledDays,
         lastReview = @lastReview, version = version + 1
       WHERE userId = @userId AND cardId = @cardId`,
    ).run({ userId, cardId: log.cardId, ...scheduleColumns(previous) });
    return { cardId: log.cardId, schedule: previous, version: current.version + 1 };
  });
  return run.immediate();
}
