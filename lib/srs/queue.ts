import { recallAtRatio, retrievabilityAt } from "./retrievability";
import type { LearnerSettings } from "./settings";
import { nextStudyDayStart } from "./study-day";
import type { CardSchedule } from "./types";

export interface QueueCard {
  cardId: string;
  schedule: CardSchedule;
}

/** What the learner has already done in the current study day. */
export interface TodayCounts {
  newIntroduced: number;
  reviewsDone: number;
}

export interface StudyQueue<T extends QueueCard> {
  /** Due (re)learning cards by due time, then due reviews least-remembered first, then new cards. */
  cards: T[];
  counts: { learning: number; review: number; new: number };
  /** The next (re)learning card that is not due yet, so the UI can say when to come back. */
  nextLearningDue: Date | null;
}

interface Ranked<T> {
  card: T;
  due: number;
  recall: number;
}

/**
 * Review cards count as due for the whole study day they fall in (as Anki does); (re)learning
 * cards only once their minute has come. Retrievability is computed once per due review, not in the sort.
 */
export function buildQueue<T extends QueueCard>(
  cards: readonly T[],
  now: Date,
  settings: LearnerSettings,
  today: TodayCounts,
): StudyQueue<T> {
  const nowMs = now.getTime();
  const endOfToday = nextStudyDayStart(now, settings.timeZone, settings.dayRolloverHour).getTime();
  const recallOf = retrievabilityAt(now, settings);
  const newLimit = Math.max(0, settings.newPerDay - today.newIntroduced);
  const reviewLimit = Math.max(0, settings.maxReviewsPerDay - today.reviewsDone);
  const learning: Ranked<T>[] = [];
  const reviews: Ranked<T>[] = [];
  const fresh: T[] = [];
  let nextLearningDue = Number.POSITIVE_INFINITY;

  for (const card of cards) {
    const { schedule } = card;
    const due = schedule.due.getTime();
    if (schedule.state === "new") {
      if (fresh.length < newLimit) fresh.push(card);
    } else if (schedule.state === "review") {
      if (due < endOfToday) reviews.push({ card, due, recall: recallOf(schedule) });
    } else if (due <= nowMs) {
      learning.push({ card, due, recall: 0 });
    } else if (due < nextLearningDue) {
      nextLearningDue = due;
    }
  }

  learning.sort((a, b) => a.due - b.due);
  reviews.sort((a, b) => a.recall - b.recall || a.due - b.due);
  const dueReviews = reviews.slice(0, reviewLimit);
  return {
    cards: [...learning.map((entry) => entry.card), ...dueReviews.map((entry) => entry.card), ...fresh],
    counts: { learning: learning.length, review: dueReviews.length, new: fresh.length },
    nextLearningDue: Number.isFinite(nextLearningDue) ? new Date(nextLearningDue) : null,
  };
}

/**
 * Whether due reviews read most-overdue first (by elapsed days over stability, `lastRatio` the
 * smallest read) surely hold the `limit` that buildQueue would pick from all due reviews: every
 * review left unread is then remembered better than the limit-th one read. The ratio read is
 * approximate (continuous days; ts-fsrs counts whole days), hence the margin: an upper bound.
 */
export function holdsLeastRemembered(
  read: readonly CardSchedule[],
  limit: number,
  lastRatio: number,
  now: Date,
  settings: LearnerSettings,
): boolean {
  if (limit <= 0) return true;
  if (read.length < limit) return false;
  const recallOf = retrievabilityAt(now, settings);
  const recalls = read.map(recallOf).sort((a, b) => a - b);
  const unreadAtLeast = recallAtRatio(settings)(Math.max(lastRatio, 0) * (1 + 1e-5) + 1e-5);
  return unreadAtLeast > (recalls[limit - 1] ?? 1);
}
