import type { SrsState } from "@/lib/srs/types";

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

/** RFC 4180 quoting for the id; the other columns are numbers. */
function idCell(id: string): string {
  return /[",\r\n]/.test(id) ? `"${id.replaceAll('"', '""')}"` : id;
}

export function reviewLogCsv(answers: readonly LoggedAnswer[]): string {
  const rows = answers.map((answer) =>
    [
      idCell(answer.cardId),
      answer.reviewedAt.getTime(),
      answer.rating,
      STATE_CODES[answer.stateBefore],
      Math.max(0, Math.round(answer.durationMs)),
    ].join(","),
  );
  return [REVIEW_LOG_COLUMNS.join(","), ...rows].map((row) => `${row}\r\n`).join("");
}
