import "server-only";
import { NotFoundError, UnauthorizedError } from "@/lib/errors";
import { type Database, dialect, query, type Tx } from "@/lib/query";
import { isUniqueViolation } from "@/lib/query/errors";
import { inGroupCommit } from "@/lib/query/group-commit";
import { isTrue } from "@/lib/query/values";
import { type ReviewRating, rate } from "@/lib/srs";
import { answerTime } from "@/lib/srs/answer-time";
import { schedulingSettings } from "@/lib/srs/deck-options";
import { becomesLeech, leechRuleOf } from "@/lib/srs/leech";
import { presetSchedulingOptions } from "../deck-presets";
import { learnerSettingsOf, settingsOfRow } from "../schedule-rows";
import {
  cardKey,
  findState,
  type ReviewInput,
  type ReviewResult,
  readForReview,
  StaleReviewError,
  toView,
} from "./read";
import { type ReviewWrite, writeSeparately, writeTogether } from "./write";

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
 * it is one BEGIN IMMEDIATE transaction of a read and two writes (microseconds each), shared
 * with the other answers that arrive in the same turn of the event loop (group commit).
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
    // Answers arriving together share one COMMIT (lib/query/group-commit.ts).
    return await inGroupCommit((tx) => writeReview(tx, userId, input, now, options, false));
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
