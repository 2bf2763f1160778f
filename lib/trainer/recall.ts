import { forgetting_curve } from "ts-fsrs";
import { fsrsFor, type SchedulerSettings } from "@/lib/srs/scheduler";
import type { CardSchedule } from "@/lib/srs/types";

const DAY_MS = 86_400_000;

/**
 * Each card's probability of recall at `now`, the moment a trainer looks. ts-fsrs's
 * `get_retrievability` counts whole days since the last review (what scheduling needs), so every
 * card answered in the last 24 hours read 100%, a card just rated Again included; here the
 * elapsed time is exact, on the same forgetting curve and weights.
 */
export function recallAt(now: Date, settings: SchedulerSettings): (schedule: CardSchedule) => number {
  const weights = fsrsFor(settings).parameters.w;
  return (schedule) => {
    if (schedule.state === "new" || !schedule.lastReview) return 0;
    const days = Math.max(0, (now.getTime() - schedule.lastReview.getTime()) / DAY_MS);
    return forgetting_curve(weights, days, +schedule.stability.toFixed(8));
  };
}
