import { type Card, type Grade, Rating, State } from "ts-fsrs";
import type { CardSchedule, ReviewRating, SrsState } from "./types";

const TO_FSRS_STATE: Record<SrsState, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const FROM_FSRS_STATE: Record<State, SrsState> = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};
export const TO_FSRS_GRADE: Record<ReviewRating, Grade> = {
  1: Rating.Again,
  2: Rating.Hard,
  3: Rating.Good,
  4: Rating.Easy,
};

export const toFsrsState = (state: SrsState): State => TO_FSRS_STATE[state];
export const fromFsrsState = (state: State): SrsState => FROM_FSRS_STATE[state];

/**
 * `elapsed_days` is deprecated in ts-fsrs and not stored; its schedulers recompute it from
 * `last_review` and the review time, so 0 here changes no result (see `elapsedDays`).
 */
export function toFsrsCard(schedule: CardSchedule): Card {
  return {
    due: new Date(schedule.due.getTime()),
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    elapsed_days: 0,
    scheduled_days: schedule.scheduledDays,
    learning_steps: schedule.learningSteps,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state: TO_FSRS_STATE[schedule.state],
    last_review: schedule.lastReview ? new Date(schedule.lastReview.getTime()) : undefined,
  };
}

/** Copies dates: ts-fsrs hands back the caller's `now` object as `last_review`. */
export function fromFsrsCard(card: Card): CardSchedule {
  return {
    state: FROM_FSRS_STATE[card.state],
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    learningSteps: card.learning_steps,
    scheduledDays: card.scheduled_days,
    lastReview: card.last_review ? new Date(card.last_review.getTime()) : null,
  };
}
