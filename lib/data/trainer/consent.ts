import "server-only";
import { type Expression, expressionBuilder, type QueryCreator, type SqlBool, sql } from "kysely";
import type { DB } from "@/lib/query";
import { parseSqlDate, type SqlDateValue } from "@/lib/query/values";
import type { SchedulerSettings } from "@/lib/srs/scheduler";
import type { CardSchedule, ReviewRating, SrsState } from "@/lib/srs/types";
import { studyOnlyCard } from "@/lib/trainer/study-only";
import { standingLink } from "./access";

/**
 * The consent rule, in one place, for every trainer-side read of a client's answers
 * (docs/reliability.md, "Quiz answers and trainers"). A quiz answer is stored as a review log
 * (origin 'quiz') and may change the card's state; a trainer sees either only while the client
 * shares quiz answers with them (TrainerClient.shareQuizAnswers, read at query time, so turning
 * sharing off hides earlier quiz answers too). Study answers are always shared.
 *
 * Quiz answers are the logs with origin 'quiz' (every other answer is a study answer); the
 * conditions below test origin by equality, so ReviewLog's (userId, origin, cardId) index answers
 * "has this card a quiz answer" with one probe instead of reading every log of the card.
 *
 * Each condition is a query-builder expression on the aliased row: `.where(sharedLog(trainerId, "l"))`.
 */

/**
 * The client `client` (a column, e.g. `sql.ref("a.clientId")`) shares quiz answers with
 * `trainerId` now: their link stands (./access.ts) and says so.
 */
export function sharesQuizAnswers(trainerId: string, client: Expression<string>): Expression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  return eb.exists(standingLink(trainerId, client).where("link.shareQuizAnswers", "=", true));
}

const col = (alias: string, column: string) => sql.ref<string>(`${alias}.${column}`);

/** The review log aliased `log` may be read by the trainer: a study answer, or a shared quiz answer. */
export function sharedLog(trainerId: string, log: string): Expression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  return eb.or([eb(col(log, "origin"), "<>", "quiz"), sharesQuizAnswers(trainerId, col(log, "userId"))]);
}

/**
 * On any row aliased `row` with userId and cardId (a CardState or a ReviewLog): no answer
 * hidden from the trainer was given on this card, so its stored state and its logs' `*Before`
 * columns may be shown as they are. Otherwise the card is shown as its study answers alone make
 * it (hiddenLog, studyOnlyCards). The sharing test comes first: for a sharing client it is
 * one lookup per row, not a scan of the card's logs.
 */
export function sharedCard(trainerId: string, row: string): Expression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  return eb.or([
    sharesQuizAnswers(trainerId, col(row, "userId")),
    eb.not(
      eb.exists(
        eb
          .selectFrom("ReviewLog as hidden")
          .select(sql.lit(1).as("one"))
          .where("hidden.userId", "=", col(row, "userId"))
          .where("hidden.origin", "=", "quiz")
          .where("hidden.cardId", "=", col(row, "cardId")),
      ),
    ),
  ]);
}

/**
 * The review log aliased `log` is hidden from the trainer, a quiz answer of a client who does not
 * share them (the opposite of sharedLog). Its card is shown from its study answers alone: select
 * the DISTINCT cards of such logs as `hidden`, then their study answers (hiddenStudyLogs), and feed
 * them to studyOnlyCards. Starting from the hidden answers (a handful per client, through the index)
 * costs nothing for the many clients and cards without one.
 */
export function hiddenLog(trainerId: string, log: string): Expression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  return eb.and([
    eb(col(log, "origin"), "=", "quiz"),
    eb.not(sharesQuizAnswers(trainerId, col(log, "userId"))),
  ]);
}

/**
 * On a review log aliased `log`: a quiz answer whose card was never studied, so the quiz alone
 * gave it a schedule (quiz answers do not introduce cards). Callers reach the quiz answers through
 * the (userId, origin, cardId) index: a handful per client, not a probe per card.
 */
export function unstudiedQuizLog(log: string): Expression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  return eb.and([
    eb(col(log, "origin"), "=", "quiz"),
    eb.not(
      eb.exists(
        eb
          .selectFrom("ReviewLog as studied")
          .select(sql.lit(1).as("one"))
          .where("studied.userId", "=", col(log, "userId"))
          .where("studied.origin", "=", "study")
          .where("studied.cardId", "=", col(log, "cardId")),
      ),
    ),
  ]);
}

/** The DISTINCT cards of a caller's hidden logs (hiddenLog), as a common table expression `hidden`. */
export interface HiddenCards {
  hidden: { key: string | null; userId: string; cardId: string };
}

/**
 * The study answers (`origin <> 'quiz'`) of the cards in `hidden`, on the statement that defines it:
 * what studyOnlyCards replays into the schedules a trainer sees instead.
 */
export function hiddenStudyLogs<D extends DB & HiddenCards>(statement: QueryCreator<D>) {
  // Kysely cannot resolve table names on a generic database type; D has the two tables read here.
  const db = statement as unknown as QueryCreator<DB & HiddenCards>;
  return db
    .selectFrom("hidden as h")
    .crossJoin("ReviewLog as l")
    .select(["h.key", "h.userId", "h.cardId", "l.rating", "l.reviewedAt"])
    .whereRef("l.userId", "=", "h.userId")
    .whereRef("l.cardId", "=", "h.cardId")
    .where("l.origin", "<>", "quiz");
}

export interface HiddenStudyLogRow {
  /** What the caller groups by (a client, an assignment, a deck); cards are per key. Null reads as "". */
  key: string | null;
  userId: string;
  cardId: string;
  rating: number | bigint;
  reviewedAt: SqlDateValue;
}

export interface StudyOnlyCardView {
  key: string;
  userId: string;
  cardId: string;
  schedule: CardSchedule;
  answers: { rating: ReviewRating; reviewedAt: Date; stateBefore: SrsState }[];
}

/** The cards behind hiddenStudyLogs rows, each replayed from its study answers (cards never studied are left out: new). */
export function studyOnlyCards(
  rows: readonly HiddenStudyLogRow[],
  settingsOf: (userId: string) => SchedulerSettings,
): StudyOnlyCardView[] {
  const groups = new Map<
    string,
    { key: string; row: HiddenStudyLogRow; answers: { rating: ReviewRating; reviewedAt: Date }[] }
  >();
  for (const row of rows) {
    const key = row.key ?? "";
    const id = JSON.stringify([key, row.userId, row.cardId]);
    let group = groups.get(id);
    if (!group) {
      group = { key, row, answers: [] };
      groups.set(id, group);
    }
    group.answers.push({
      rating: Number(row.rating) as ReviewRating,
      reviewedAt: parseSqlDate(row.reviewedAt),
    });
  }
  const cards: StudyOnlyCardView[] = [];
  for (const { key, row, answers } of groups.values()) {
    const replayed = studyOnlyCard(answers, settingsOf(row.userId), `${row.userId}:${row.cardId}`);
    if (!replayed.schedule) continue;
    const ordered = [...answers].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    cards.push({
      key,
      userId: row.userId,
      cardId: row.cardId,
      schedule: replayed.schedule,
      answers: ordered.map((a, i) => ({ ...a, stateBefore: replayed.statesBefore[i] ?? "new" })),
    });
  }
  return cards;
}
