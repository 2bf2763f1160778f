import { retrievabilityAt } from "./retrievability";
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
