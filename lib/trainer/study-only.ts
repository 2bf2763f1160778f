import { newCardSchedule, rate, type SchedulerSettings } from "@/lib/srs/scheduler";
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
