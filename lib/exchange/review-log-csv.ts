import type { SrsState } from "@/lib/srs/types";
import { toCsv } from "@/lib/trainer/csv";

/**
 * A learner's review log in the CSV the FSRS tools read (the FSRS optimizer's schema, and
 * `convertCsvToFsrsItems` of @open-spaced-repetition/binding): one answer per row, oldest first.
 * card_id may be any text (checked against the binding); the card ids here are Retain's own.
 * review_state is the card's state before the answer: 0 New, 1 Learning, 2 Review, 3 Relearning.
 */

export const REVIEW_LOG_COLUMNS = [
  "card_id",
  "review_time",
  "review_rating",
  "review_state",
  "review_duration",
] as const;

export interface LoggedAnswer {
  cardId: string;
  reviewedAt: Date;
  rating: number;
  stateBefore: SrsState;
  durationMs: number;
}

const STATE_CODES: Record<SrsState, number> = { new: 0, learning: 1, review: 2, relearning: 3 };

/** The CSV text (no byte order mark: the FSRS tools read plain UTF-8), written like every CSV of ours. */
export function reviewLogCsv(answers: readonly LoggedAnswer[]): string {
  return toCsv([
    REVIEW_LOG_COLUMNS,
    ...answers.map((answer) => [
      answer.cardId,
      answer.reviewedAt.getTime(),
      answer.rating,
      STATE_CODES[answer.stateBefore],
      Math.max(0, Math.round(answer.durationMs)),
    ]),
  ]);
}
