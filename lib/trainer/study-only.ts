import { newCardSchedule, rate, type SchedulerSettings } from "@/lib/srs/scheduler";
import type { TrainingLog } from "@/lib/srs/training";
import type { CardSchedule, ReviewRating, SrsState } from "@/lib/srs/types";

export interface StudyAnswer {
  rating: ReviewRating;
  reviewedAt: Date;
}

export interface StudyOnlyCard {
  /** The card's schedule after its study answers; null when it has none (it is new). */
  schedule: CardSchedule | null;
  /** The state each answer was given in, in order. */
  statesBefore: SrsState[];
}

/**
 * A card as a trainer may see it when quiz answers that changed it are not shared with them: its
 * study answers alone, replayed through ts-fsrs (lib/srs/replay does the same) with the client's
 * settings and fuzz seed. It depends on nothing a quiz wrote, so it cannot reveal a quiz answer;
 * with unchanged settings it equals the stored state of a card no quiz touched.
 */
export function studyOnlyCard(
  answers: readonly StudyAnswer[],
  settings: SchedulerSettings,
  cardKey: string,
): StudyOnlyCard {
  const ordered = [...answers].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
  const first = ordered[0];
  if (!first) return { schedule: null, statesBefore: [] };
  let schedule = newCardSchedule(first.reviewedAt);
  const statesBefore: SrsState[] = [];
  for (const answer of ordered) {
    statesBefore.push(schedule.state);
    schedule = rate(schedule, answer.rating, answer.reviewedAt, settings, cardKey).next;
  }
  return { schedule, statesBefore };
}

/**
 * A client's answers as a cohort fit may use them when they do not share quiz answers: study
 * answers only, each card's first one read as given to a new card (as it would have been without
 * quizzes). A card a quiz introduced would otherwise be dropped from the training set (its history
 * would not start from "new"), and the fit's review and card counts would tell that a quiz happened.
 */
export function studyOnlyLogs(logs: readonly TrainingLog[]): TrainingLog[] {
  const study = logs
    .filter((log) => log.origin === "study")
    .sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
  const seen = new Set<string>();
  return study.map((log) => {
    if (seen.has(log.cardId)) return log;
    seen.add(log.cardId);
    return log.stateBefore === "new" ? log : { ...log, stateBefore: "new" };
  });
}
