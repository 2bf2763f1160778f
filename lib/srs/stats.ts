import { retrievabilityAt } from "./retrievability";
import type { SchedulerSettings } from "./scheduler";
import type { StudyDayClock } from "./settings";
import { shiftStudyDayKey, studyDayKey, studyDayStartOfKey } from "./study-day";
import type { CardSchedule, ReviewLogFields } from "./types";

export type AnsweredReview = Pick<ReviewLogFields, "rating" | "stateBefore" | "reviewedAt">;

export interface DayCount {
  /** Study day, "YYYY-MM-DD" in the learner's time zone. */
  day: string;
  count: number;
}

export interface Retention {
  answered: number;
  recalled: number;
  /** Null when nothing was answered in the window. */
  rate: number | null;
}

/** True retention: the share of answers to cards in review state, in [from, to), not rated Again. */
export function trueRetention(logs: readonly AnsweredReview[], from: Date, to: Date): Retention {
  let answered = 0;
  let recalled = 0;
  for (const log of logs) {
    const at = log.reviewedAt.getTime();
    if (log.stateBefore !== "review" || at < from.getTime() || at >= to.getTime()) continue;
    answered += 1;
    if (log.rating !== 1) recalled += 1;
  }
  return { answered, recalled, rate: answered === 0 ? null : recalled / answered };
}

/** The `days` study days starting at `firstDay`, and when each begins (one extra boundary at the end). */
function studyDays(firstDay: string, days: number, clock: StudyDayClock) {
  const keys = Array.from({ length: days }, (_, i) => shiftStudyDayKey(firstDay, i));
  const starts = [...keys, shiftStudyDayKey(firstDay, days)].map((key) =>
    studyDayStartOfKey(key, clock.timeZone, clock.dayRolloverHour).getTime(),
  );
  return { keys, starts };
}

/** Index of the day containing `at` (the last start at or before it), or -1 before the first. */
function dayIndex(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  if (at < (starts[0] ?? Number.POSITIVE_INFINITY)) return -1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? Number.POSITIVE_INFINITY) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Reviews per study day for the `days` days ending today, oldest first, zeros included (a heatmap). */
export function reviewsPerDay(
  logs: readonly Pick<ReviewLogFields, "reviewedAt">[],
  now: Date,
  clock: StudyDayClock,
  days = 365,
): DayCount[] {
  const today = studyDayKey(now, clock.timeZone, clock.dayRolloverHour);
  const { keys, starts } = studyDays(shiftStudyDayKey(today, 1 - days), days, clock);
  const counts = new Array<number>(days).fill(0);
  for (const log of logs) {
    const index = dayIndex(starts, log.reviewedAt.getTime());
    if (index >= 0 && index < days) counts[index] = (counts[index] ?? 0) + 1;
  }
  return keys.map((day, i) => ({ day, count: counts[i] ?? 0 }));
}

/** Cards falling due on each of the next `days` study days; overdue cards count today. New cards are left out. */
export function dueForecast(
  schedules: readonly CardSchedule[],
  now: Date,
  clock: StudyDayClock,
  days: number,
): DayCount[] {
  const today = studyDayKey(now, clock.timeZone, clock.dayRolloverHour);
  const { keys, starts } = studyDays(today, days, clock);
  const counts = new Array<number>(days).fill(0);
  for (const schedule of schedules) {
    if (schedule.state === "new") continue;
    const index = Math.max(0, dayIndex(starts, schedule.due.getTime()));
    if (index < days) counts[index] = (counts[index] ?? 0) + 1;
  }
  return keys.map((day, i) => ({ day, count: counts[i] ?? 0 }));
}

/** Mean probability of recall now over cards that have been studied; null if none have. */
export function meanRetrievability(
  schedules: readonly CardSchedule[],
  now: Date,
  settings: SchedulerSettings,
): number | null {
  const recallOf = retrievabilityAt(now, settings);
  let total = 0;
  let introduced = 0;
  for (const schedule of schedules) {
    if (schedule.state === "new") continue;
    total += recallOf(schedule);
    introduced += 1;
  }
  return introduced === 0 ? null : total / introduced;
}
