import "server-only";
import { sql } from "kysely";
import { ConflictError, NotFoundError, UnauthorizedError } from "@/lib/errors";
import { type Database, dialect, query, type Tx, transaction } from "@/lib/query";
import { isUniqueViolation } from "@/lib/query/errors";
import { prepared } from "@/lib/query/prepared";
import { isTrue, parseSqlDate } from "@/lib/query/values";
import { type CardSchedule, newCardSchedule, type ReviewRating, rate, type SrsState, undo } from "@/lib/srs";
import { answerTime } from "@/lib/srs/answer-time";
import { schedulingSettings } from "@/lib/srs/deck-options";
import { becomesLeech, leechRuleOf } from "@/lib/srs/leech";
import { toWire } from "@/lib/study/session-data";
import type { ReviewSubmission } from "@/lib/validations/review";
import { visibleDeck } from "./deck-access";
import { presetSchedulingOptions } from "./deck-presets";
import { effectiveWeights } from "./effective-weights";
import {
  learnerSettingsOf,
  type ScheduleColumns,
  SETTINGS_COLUMNS,
  scheduleFromRow,
  settingsOfRow,
} from "./schedule-rows";

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

/** The per-card fuzz seed: the same learner, card and repetition always get the same fuzz. */
export const cardKey = (userId: string, cardId: string) => `${userId}:${cardId}`;

type ReviewInput = ReviewSubmission & { origin?: "study" | "quiz" };

const STATE_COLUMNS = [
  "s.state",
  "s.due",
  "s.stability",
  "s.difficulty",
  "s.reps",
  "s.lapses",
  "s.learningSteps",
  "s.scheduledDays",
  "s.lastReview",
  "s.version",
] as const;

type StateRow = { [K in keyof ScheduleColumns]: ScheduleColumns[K] | null } & { version: number | null };

function toView(cardId: string, row: StateRow | undefined, now: Date): CardStateView {
  if (!row || row.version === null) return { cardId, schedule: newCardSchedule(now), version: 0 };
  return { cardId, version: Number(row.version), schedule: scheduleFromRow(row as ScheduleColumns) };
}

async function findState(db: Database, userId: string, cardId: string, now: Date): Promise<CardStateView> {
  const row = await db
    .selectFrom("CardState as s")
    .select(STATE_COLUMNS)
    .where("s.userId", "=", userId)
    .where("s.cardId", "=", cardId)
    .executeTakeFirst();
  return toView(cardId, row, now);
}

/**
 * Everything a review needs, in one statement: the session's version (revocation), whether the
 * key was recorded (idempotency), whether the card exists for this learner, its state, the
 * learner's settings (with their leech rule) and effective FSRS weights, and the preset of the
 * card's home deck. No row: the account is gone.
 */
const readForReview = prepared<{ userId: string; cardId: string; key: string }>()((db, param) =>
  db
    .selectFrom("User as u")
    .leftJoin("CardState as s", (join) =>
      join.onRef("s.userId", "=", "u.id").on("s.cardId", "=", param("cardId")),
    )
    .leftJoin("StudySettings as st", "st.userId", "u.id")
    // The preset of the card's home deck (if the learner chose one) schedules the card.
    .leftJoin("Card as hc", (join) => join.on("hc.id", "=", param("cardId")))
    .leftJoin("DeckPresetDeck as pd", (join) =>
      join.onRef("pd.userId", "=", "u.id").onRef("pd.deckSlug", "=", "hc.deckSlug"),
    )
    .leftJoin("DeckPreset as p", "p.id", "pd.presetId")
    .select(["u.sessionVersion", ...STATE_COLUMNS, ...SETTINGS_COLUMNS])
    .select([
      "p.desiredRetention as presetRetention",
      "p.learningSteps as presetLearningSteps",
      "p.relearningSteps as presetRelearningSteps",
    ])
    .select((eb) => [
      eb
        .selectFrom("ReviewLog")
        .select("cardId")
        .where("userId", "=", param("userId"))
        .where("idempotencyKey", "=", param("key"))
        .as("loggedCardId"),
      // Someone else's personal deck's card does not exist for this learner: NULL, as for no card.
      eb
        .selectFrom("Card as c")
        .innerJoin("Deck as d", "d.slug", "c.deckSlug")
        .select("c.retired")
        .where("c.id", "=", param("cardId"))
        .where(visibleDeck("d", param("userId")))
        .as("cardRetired"),
      effectiveWeights(param("userId")).as("weights"),
    ])
    .where("u.id", "=", param("userId")),
);

/** The log row and the new state of one answer, as written. */
interface ReviewWrite {
  userId: string;
  input: ReviewInput;
  log: ReturnType<typeof rate>["log"];
  next: CardSchedule;
  version: number;
  now: Date;
  /** The answer made the card a leech (lib/srs/leech): tag it, and suspend it if the rule says so. */
  leech?: { suspend: boolean };
}

function logValues({ userId, input, log, version }: ReviewWrite) {
  return {
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
    cardVersion: version + 1,
  };
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
 * The state upsert. The version check in its WHERE clause is the guard: SQLite's IMMEDIATE lock
 * already serializes writers; under PostgreSQL's READ COMMITTED a concurrent writer of the same
 * card blocks on the row, then sees the new version and updates nothing, so its answer is stale (409).
 */
function upsertState(db: Database, v: UpsertValues) {
  const { expectedVersion, now, ...columns } = v;
  return db
    .insertInto("CardState")
    .values({ ...columns, version: 1, introducedAt: now })
    .onConflict((conflict) =>
      conflict
        .columns(["userId", "cardId"])
        .doUpdateSet((eb) => ({
          state: eb.ref("excluded.state"),
          due: eb.ref("excluded.due"),
          stability: eb.ref("excluded.stability"),
          difficulty: eb.ref("excluded.difficulty"),
          reps: eb.ref("excluded.reps"),
          lapses: eb.ref("excluded.lapses"),
          learningSteps: eb.ref("excluded.learningSteps"),
          scheduledDays: eb.ref("excluded.scheduledDays"),
          lastReview: eb.ref("excluded.lastReview"),
          // Leech marks ride on the same statement, and a fixed one (it is compiled once): an answer
          // that makes no leech passes FALSE and leaves the marks as they were. They are not schedule.
          leech: sql<boolean>`"CardState"."leech" OR excluded."leech"`,
          suspended: sql<boolean>`"CardState"."suspended" OR excluded."suspended"`,
          version: sql<number>`"CardState"."version" + 1`,
        }))
        .where("CardState.version", "=", expectedVersion),
    );
}

function upsertValues({ userId, input, next, now, leech }: ReviewWrite) {
  return {
    userId,
    cardId: input.cardId,
    ...scheduleColumns(next),
    leech: leech !== undefined,
    suspended: leech?.suspend === true,
    now,
    expectedVersion: input.expectedVersion,
  };
}
type UpsertValues = ReturnType<typeof upsertValues>;
type LogValues = ReturnType<typeof logValues>;

/** Every key of `keys` mapped to its stand-in, for a statement compiled once (lib/query/prepared.ts). */
function standIns<P>(
  keys: readonly (keyof P & string)[],
  param: <K extends keyof P & string>(name: K) => P[K],
): P {
  return Object.fromEntries(keys.map((key) => [key, param(key)])) as P;
}

/**
 * The log's columns, once: each with the type PostgreSQL needs for it as a parameter in a SELECT
 * list (writeTogether). The order is the statements' column order.
 */
const LOG_COLUMNS = {
  id: "text",
  userId: "text",
  cardId: "text",
  idempotencyKey: "text",
  origin: "text",
  rating: "integer",
  reviewedAt: "timestamp",
  durationMs: "integer",
  stateBefore: "text",
  dueBefore: "timestamp",
  lastReviewBefore: "timestamp",
  stabilityBefore: "double precision",
  difficultyBefore: "double precision",
  scheduledDaysBefore: "integer",
  learningStepsBefore: "integer",
  dueAfter: "timestamp",
  stabilityAfter: "double precision",
  difficultyAfter: "double precision",
  cardVersion: "integer",
} as const satisfies Record<keyof LogValues, string>;
const LOG_KEYS = Object.keys(LOG_COLUMNS) as (keyof LogValues)[];
const UPSERT_KEYS = [
  "userId",
  "cardId",
  "state",
  "due",
  "stability",
  "difficulty",
  "reps",
  "lapses",
  "learningSteps",
  "scheduledDays",
  "lastReview",
  "leech",
  "suspended",
  "now",
  "expectedVersion",
] as const satisfies readonly (keyof UpsertValues)[];

const insertLog = prepared<LogValues>()((db, param) =>
  db.insertInto("ReviewLog").values(standIns<LogValues>(LOG_KEYS, param)),
);
const writeState = prepared<UpsertValues>()((db, param) =>
  upsertState(db, standIns<UpsertValues>(UPSERT_KEYS, param)),
);

/** SQLite, or inside a caller's transaction: two statements, guarded by the upsert's row count. */
async function writeSeparately(tx: Database, write: ReviewWrite): Promise<boolean> {
  await insertLog(tx, logValues(write));
  const result = await writeState(tx, upsertValues(write));
  return Number(result.numAffectedRows ?? 0) === 1;
}

/**
 * PostgreSQL: the log and the state in one data-modifying statement, atomic without a
 * transaction. The log row is inserted only if the guarded upsert wrote the state.
 */
async function writeTogether(db: Database, write: ReviewWrite): Promise<boolean> {
  const v = logValues(write);
  const row = await db
    .with("written", () => upsertState(db, upsertValues(write)).returning("version"))
    .with("logged", (w) =>
      w
        .insertInto("ReviewLog")
        .columns(LOG_KEYS)
        // Parameters in a SELECT list carry no type of their own in PostgreSQL: cast each one.
        // The log's card version is the one the upsert wrote.
        .expression((eb) =>
          eb
            .selectFrom("written")
            .select((row) =>
              LOG_KEYS.map((key) =>
                key === "cardVersion"
                  ? row.ref("written.version").as(key)
                  : row.cast(row.val(v[key]), LOG_COLUMNS[key]).as(key),
              ),
            ),
        )
        .returning("id"),
    )
    .selectNoFrom((eb) =>
      eb
        .selectFrom("logged")
        .select((c) => c.fn.countAll<number>().as("n"))
        .as("n"),
    )
    .executeTakeFirst();
  return Number(row?.n ?? 0) === 1;
}

export interface ReviewOptions {
  /** The caller's open transaction (quiz answers): the review joins it. */
  within?: Tx;
  /**
   * The session version the request's token carries: checked in the review's own read instead
   * of a statement of its own (lib/auth/api-session.ts). A changed version is a 401 and writes nothing.
   */
  session?: { version: number | undefined };
}

/**
 * Records one answer: the log row and the card's new schedule commit together or not at all.
 * A repeated idempotency key returns the card's state and writes nothing; an answer rated
 * against an older version of the card is refused with StaleReviewError (409).
 *
 * On PostgreSQL this is two statements: one read and one write (see writeTogether). On SQLite
 * it is one BEGIN IMMEDIATE transaction of a read and two writes (microseconds each).
 */
export async function recordReview(
  userId: string,
  input: ReviewInput,
  now: Date,
  options: ReviewOptions = {},
): Promise<ReviewResult> {
  if (options.within) return writeReview(options.within, userId, input, now, options, false);
  const together = dialect() === "postgresql";
  try {
    if (together) return await writeReview(query(), userId, input, now, options, true);
    return await transaction((tx) => writeReview(tx, userId, input, now, options, false));
  } catch (error) {
    // Two submits of one key raced (PostgreSQL, READ COMMITTED): the other one committed it, and
    // this one hit the key's unique index or already saw the card's new version. Answer as a repeat.
    if (!isUniqueViolation(error) && !(error instanceof StaleReviewError)) throw error;
    const logged = await query()
      .selectFrom("ReviewLog")
      .select("cardId")
      .where("userId", "=", userId)
      .where("idempotencyKey", "=", input.idempotencyKey)
      .executeTakeFirst();
    if (!logged) throw error;
    return { status: "duplicate", ...(await findState(query(), userId, logged.cardId, now)) };
  }
}

async function writeReview(
  db: Database,
  userId: string,
  input: ReviewInput,
  now: Date,
  options: ReviewOptions,
  together: boolean,
): Promise<ReviewResult> {
  const row = (await readForReview(db, { userId, cardId: input.cardId, key: input.idempotencyKey })).rows[0];
  if (!row || (options.session && Number(row.sessionVersion) !== options.session.version)) {
    throw new UnauthorizedError("Your session has ended. Please sign in again.");
  }
  const current = toView(input.cardId, row, now);
  if (row.loggedCardId !== null) {
    const state =
      row.loggedCardId === input.cardId ? current : await findState(db, userId, row.loggedCardId, now);
    return { status: "duplicate", ...state };
  }
  if (row.cardRetired === null || isTrue(row.cardRetired)) {
    throw new NotFoundError("This card does not exist or was retired.");
  }
  if (current.version !== input.expectedVersion) throw new StaleReviewError(current);

  // The answer keeps the time the learner gave it (it may arrive a little late from the outbox),
  // but never later than now, nor long before now, nor before the card's last review.
  const reviewedAt = answerTime(input.answeredAt, now, current.schedule.lastReview ?? null);
  const settingsRow = settingsOfRow(row);
  // The card's home deck's preset decides its retention and steps (the study page does the same).
  const settings = schedulingSettings(
    learnerSettingsOf(settingsRow, row.weights),
    presetSchedulingOptions(row),
  );
  const { next, log } = rate(
    current.schedule,
    input.rating as ReviewRating,
    reviewedAt,
    settings,
    cardKey(userId, input.cardId),
  );
  // A lapse that reaches the learner's leech threshold tags the card (and suspends it unless they
  // chose tagging only), in the same write: a normal answer's statements are unchanged.
  const rule = leechRuleOf(settingsRow);
  const leech = becomesLeech(current.schedule.lapses, next.lapses, rule)
    ? { suspend: rule.action === "suspend" }
    : undefined;
  const write: ReviewWrite = { userId, input, log, next, version: current.version, now, leech };
  const written = together ? await writeTogether(db, write) : await writeSeparately(db, write);
  if (!written) throw new StaleReviewError(await findState(db, userId, input.cardId, now));
  return { status: "recorded", cardId: input.cardId, schedule: next, version: current.version + 1 };
}

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
    return { cardId: log.cardId, schedule: previous, version: current.version + 1 };
  });
}
