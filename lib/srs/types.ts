/** The four states of a card's schedule, as stored in the database. */
export type SrsState = "new" | "learning" | "review" | "relearning";

/** One learner's schedule for one card: exactly the columns the database stores. */
export interface CardSchedule {
  state: SrsState;
  due: Date;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  /** Index of the current (re)learning step; 0 outside learning. */
  learningSteps: number;
  scheduledDays: number;
  lastReview: Date | null;
}

/** 1 Again, 2 Hard, 3 Good, 4 Easy (FSRS grades; ts-fsrs's `Manual` is never stored). */
export type ReviewRating = 1 | 2 | 3 | 4;
export const REVIEW_RATINGS: readonly ReviewRating[] = [1, 2, 3, 4];

/**
 * What a review log row must hold. The `*Before` fields are the schedule before the review,
 * which is what ts-fsrs `rollback` reads back (plus `dueBefore`, which rollback cannot restore).
 * `reps` and `lapses` are not stored: rollback derives them from the card after the review.
 * The row also stores `durationMs`, measured by the client and added by the data layer.
 */
export interface ReviewLogFields {
  rating: ReviewRating;
  reviewedAt: Date;
  stateBefore: SrsState;
  dueBefore: Date;
  lastReviewBefore: Date | null;
  stabilityBefore: number;
  difficultyBefore: number;
  scheduledDaysBefore: number;
  learningStepsBefore: number;
  dueAfter: Date;
  stabilityAfter: number;
  difficultyAfter: number;
}
