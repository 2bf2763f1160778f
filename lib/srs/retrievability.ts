import { date_diff, forgetting_curve } from "ts-fsrs";
import { fsrsFor, type SchedulerSettings } from "./scheduler";
import { DEFAULT_LEARNER_SETTINGS } from "./settings";
import type { CardSchedule } from "./types";

/**
 * A function giving each card's probability of recall at `now`. It makes the same calls as
 * ts-fsrs `get_retrievability` without copying the card, so a queue of 20,000 cards stays cheap.
 */
export function retrievabilityAt(
  now: Date,
  settings: SchedulerSettings = DEFAULT_LEARNER_SETTINGS,
): (schedule: CardSchedule) => number {
  // The scheduler holds the weights after ts-fsrs has clipped them; the decay is w[20].
  const weights = fsrsFor(settings).parameters.w;
  return (schedule) => {
    if (schedule.state === "new" || !schedule.lastReview) return 0;
    const days = Math.max(date_diff(now, schedule.lastReview, "days"), 0);
    return forgetting_curve(weights, days, +schedule.stability.toFixed(8));
  };
}

export function retrievability(
  schedule: CardSchedule,
  now: Date,
  settings: SchedulerSettings = DEFAULT_LEARNER_SETTINGS,
): number {
  return retrievabilityAt(now, settings)(schedule);
}

/**
 * Recall as a function of elapsed days over stability, which is all the curve depends on for a
 * given learner: a bound for cards not yet read, in the queue's ordering (lib/data/study.ts).
 */
export function recallAtRatio(
  settings: SchedulerSettings = DEFAULT_LEARNER_SETTINGS,
): (ratio: number) => number {
  const weights = fsrsFor(settings).parameters.w;
  return (ratio) => forgetting_curve(weights, Math.max(ratio, 0), 1);
}
