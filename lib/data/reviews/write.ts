import "server-only";
import { sql } from "kysely";
import type { Database } from "@/lib/query";
import { prepared } from "@/lib/query/prepared";
import type { CardSchedule, ReviewLogFields, rate } from "@/lib/srs";
import type { ReviewInput } from "./read";

/** The log row and the new state of one answer, as written. */
export interface ReviewWrite {
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
    durationMs: input.durationMs,
    ...logColumns(log),
    cardVersion: version + 1,
  };
}

/** A log row's columns that the rating decides (ReviewLogFields): an answer's and an imported answer's alike. */
export function logColumns(log: ReviewLogFields) {
  return {
    rating: log.rating,
    reviewedAt: log.reviewedAt,
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
  };
}

export function scheduleColumns(schedule: CardSchedule) {
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
export async function writeSeparately(tx: Database, write: ReviewWrite): Promise<boolean> {
  await insertLog(tx, logValues(write));
  const result = await writeState(tx, upsertValues(write));
  return Number(result.numAffectedRows ?? 0) === 1;
}

type TogetherValues = LogValues & UpsertValues;

/**
 * PostgreSQL: the log and the state in one data-modifying statement, atomic without a
 * transaction. The log row is inserted only if the guarded upsert wrote the state. Built and
 * compiled once (lib/query/prepared.ts): compiling it on every review cost about 65 µs.
 */
const writeBoth = prepared<TogetherValues>({ only: "postgresql" })((db, param) =>
  db
    .with("written", () => upsertState(db, standIns<UpsertValues>(UPSERT_KEYS, param)).returning("version"))
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
                  : row.cast(row.val(param(key)), LOG_COLUMNS[key]).as(key),
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
    ),
);

export async function writeTogether(db: Database, write: ReviewWrite): Promise<boolean> {
  // The log and the upsert name the learner and the card alike: one value each.
  const result = await writeBoth(db, { ...logValues(write), ...upsertValues(write) });
  return Number(result.rows[0]?.n ?? 0) === 1;
}
