import type { CardSchedule, SchedulerSettings, SrsState } from "@/lib/srs";
import type { DeckOptions } from "@/lib/srs/deck-options";
import type { LeechRule } from "@/lib/srs/leech";

/**
 * What the study page hands to the client: the queue with everything needed to show and
 * schedule each card locally, so the next card never waits for the server. Dates travel as
 * epoch milliseconds.
 */
export interface WireSchedule {
  state: SrsState;
  due: number;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  learningSteps: number;
  scheduledDays: number;
  lastReview: number | null;
}

export interface StudyCardSource {
  document: string;
  /** The document's title, for the link text. */
  title: string;
  quote: string;
  quoteId: string;
}

export interface StudyCard {
  cardId: string;
  deckSlug: string;
  deckTitle: string;
  kind: string;
  front: string;
  back: string;
  evidence: string;
  /** Shown next to the evidence badge (e.g. "Claim of the article, not a study"); null if none. */
  caveat?: string | null;
  topic: string | null;
  sources: StudyCardSource[];
  /** A picture of the learner's own card (GET /api/images/:id); null or absent for none. */
  imageId?: string | null;
  schedule: WireSchedule;
  /** The stored version this schedule belongs to; sent back with the answer. */
  version: number;
  /** The learner's flag colour (0 none, 1–4: lib/validations/card-marks FLAGS). */
  flag?: number;
  /** Retention and steps of the card's home deck's preset (lib/srs/deck-options), if it has one. */
  options?: Pick<DeckOptions, "desiredRetention" | "learningSteps" | "relearningSteps">;
}

export interface StudySessionData {
  /** Seeds the per-card fuzz (`${userId}:${cardId}`), as the server does. */
  userId: string;
  scope: { deck: string | null; title: string; cardIds: string[] | null };
  settings: SchedulerSettings & { timeZone: string; dayRolloverHour: number };
  cards: StudyCard[];
  counts: { learning: number; review: number; new: number };
  /** Learning cards not due yet; the session shows them when their time comes. */
  upcomingLearning: StudyCard[];
  serverNow: number;
  /**
   * When the study day of `serverNow` ends (lib/srs/study-day, in the learner's time zone), worked
   * out on the server so the study page's first load needs no time-zone code.
   */
  dayEnd: number;
  /** The learner's leech rule: the session sets a card aside as the server suspends it. */
  leech?: LeechRule;
}

export function toWire(schedule: CardSchedule): WireSchedule {
  return {
    ...schedule,
    due: schedule.due.getTime(),
    lastReview: schedule.lastReview ? schedule.lastReview.getTime() : null,
  };
}

export function fromWire(schedule: WireSchedule): CardSchedule {
  return {
    ...schedule,
    due: new Date(schedule.due),
    lastReview: schedule.lastReview === null ? null : new Date(schedule.lastReview),
  };
}
