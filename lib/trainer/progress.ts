import { forgetting_curve } from "ts-fsrs";
import { fsrsFor, newCardSchedule, rate, type SchedulerSettings } from "@/lib/srs/scheduler";
import type { ReviewRating, SrsState } from "@/lib/srs/types";

/**
 * Progress over time for a trainer: week by week, the reviews a client gave on an assigned deck,
 * the retention of those given to cards in review (not Again), and the predicted recall of the
 * cards introduced by the week's end. Pure: answers, week boundaries and `now` are parameters.
 */

const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

export interface HistoryAnswer {
  rating: ReviewRating;
  reviewedAt: Date;
  stateBefore: SrsState;
  stabilityAfter: number;
}

export interface WeekPoint {
  /** The week is [weekStart, weekEnd). */
  weekStart: Date;
  weekEnd: Date;
  reviews: number;
  /** Answers given to cards in review state, and the share of them not rated Again (null with none). */
  reviewAnswers: number;
  retention: number | null;
  /** Mean predicted recall at the week's end (or now, for the current week) over cards answered by then. */
  predictedRecall: number | null;
  /** Cards answered by the week's end. */
  cards: number;
}

/** `count` weeks ending at `end` (e.g. the start of the client's next study day), oldest first. */
export function weekBounds(end: Date, count: number): { weekStart: Date; weekEnd: Date }[] {
  return Array.from({ length: count }, (_, i) => {
    const weekEnd = new Date(end.getTime() - (count - 1 - i) * WEEK_MS);
    return { weekStart: new Date(weekEnd.getTime() - WEEK_MS), weekEnd };
  });
}

/**
 * A card's study answers replayed through ts-fsrs with the client's settings, for a card whose
 * stored history a hidden quiz answer changed (lib/data/trainer/consent.ts): what the answers
 * alone make of it, as lib/trainer/study-only does for the current schedule.
 */
export function replayAnswers(
  answers: readonly { rating: ReviewRating; reviewedAt: Date }[],
  settings: SchedulerSettings,
  cardKey: string,
): HistoryAnswer[] {
  const ordered = [...answers].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
  const first = ordered[0];
  if (!first) return [];
  let schedule = newCardSchedule(first.reviewedAt);
  return ordered.map((answer) => {
    const stateBefore = schedule.state;
    schedule = rate(schedule, answer.rating, answer.reviewedAt, settings, cardKey).next;
    return { ...answer, stateBefore, stabilityAfter: schedule.stability };
  });
}

/** The weekly series of one client's assignment, from each card's answers (any order). */
export function weeklySeries(
  cards: ReadonlyMap<string, readonly HistoryAnswer[]>,
  weeks: readonly { weekStart: Date; weekEnd: Date }[],
  settings: SchedulerSettings,
  now: Date,
): WeekPoint[] {
  const weights = fsrsFor(settings).parameters.w;
  const sorted = [...cards.values()].map((list) =>
    [...list].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime()),
  );
  return weeks.map(({ weekStart, weekEnd }) => {
    const at = Math.min(weekEnd.getTime(), now.getTime());
    let reviews = 0;
    let reviewAnswers = 0;
    let passed = 0;
    let recall = 0;
    let seen = 0;
    for (const list of sorted) {
      let last: HistoryAnswer | null = null;
      for (const answer of list) {
        const t = answer.reviewedAt.getTime();
        if (t >= weekEnd.getTime() || t > now.getTime()) break;
        last = answer;
        if (t < weekStart.getTime()) continue;
        reviews += 1;
        if (answer.stateBefore === "review") {
          reviewAnswers += 1;
          if (answer.rating > 1) passed += 1;
        }
      }
      if (!last) continue;
      seen += 1;
      const days = Math.max(0, (at - last.reviewedAt.getTime()) / DAY_MS);
      recall += forgetting_curve(weights, days, +last.stabilityAfter.toFixed(8));
    }
    return {
      weekStart,
      weekEnd,
      reviews,
      reviewAnswers,
      retention: reviewAnswers ? passed / reviewAnswers : null,
      predictedRecall: seen ? recall / seen : null,
      cards: seen,
    };
  });
}

/** Several clients' series on one deck as one: reviews summed, retention pooled, recall averaged over clients. */
export function combineSeries(series: readonly WeekPoint[][]): WeekPoint[] {
  const first = series[0];
  if (!first) return [];
  return first.map((week, i) => {
    let reviews = 0;
    let reviewAnswers = 0;
    let passed = 0;
    let recall = 0;
    let withRecall = 0;
    let cards = 0;
    for (const list of series) {
      const point = list[i];
      if (!point) continue;
      reviews += point.reviews;
      reviewAnswers += point.reviewAnswers;
      passed += (point.retention ?? 0) * point.reviewAnswers;
      cards += point.cards;
      if (point.predictedRecall !== null) {
        recall += point.predictedRecall;
        withRecall += 1;
      }
    }
    return {
      weekStart: week.weekStart,
      weekEnd: week.weekEnd,
      reviews,
      reviewAnswers,
      retention: reviewAnswers ? Math.round(passed) / reviewAnswers : null,
      predictedRecall: withRecall ? recall / withRecall : null,
      cards,
    };
  });
}
