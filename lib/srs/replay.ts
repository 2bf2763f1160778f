import { newCardSchedule, rate, type SchedulerSettings } from "./scheduler";
import type { CardSchedule, ReviewLogFields } from "./types";

export type ReplayedReview = Pick<ReviewLogFields, "rating" | "reviewedAt">;

/**
 * Rebuilds a card's schedule from its review history by repeated ts-fsrs `next` (through `rate`).
 * Not ts-fsrs `reschedule`: it rebuilds its starting card with `createEmptyCard`, dropping the
 * field that carries the fuzz seed, so fuzzed intervals would not match the stored ones.
 * Settings must be those in force at each review; a changed retention or weights gives a different state.
 */
export function replay(
  reviews: readonly ReplayedReview[],
  createdAt: Date,
  settings: SchedulerSettings,
  cardKey: string,
): CardSchedule {
  const ordered = [...reviews].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
  let schedule = newCardSchedule(createdAt);
  for (const review of ordered) {
    schedule = rate(schedule, review.rating, review.reviewedAt, settings, cardKey).next;
  }
  return schedule;
}

/** Whether two schedules agree; `tolerance` allows for floats that went through a lossy column. */
export function sameSchedule(a: CardSchedule, b: CardSchedule, tolerance = 0): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) <= tolerance;
  return (
    a.state === b.state &&
    a.due.getTime() === b.due.getTime() &&
    (a.lastReview?.getTime() ?? null) === (b.lastReview?.getTime() ?? null) &&
    close(a.stability, b.stability) &&
    close(a.difficulty, b.difficulty) &&
    a.reps === b.reps &&
    a.lapses === b.lapses &&
    a.learningSteps === b.learningSteps &&
    a.scheduledDays === b.scheduledDays
  );
}
