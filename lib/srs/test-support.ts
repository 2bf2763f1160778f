// Shared fixtures for the lib/srs tests: fixed dates and histories that reach each state.
import { type Card, createEmptyCard, type FSRS, fsrs, type Grade, generatorParameters } from "ts-fsrs";
import { expect } from "vitest";
import { newCardSchedule, rate } from "./scheduler";
import { type LearnerSettings, type LearnerSettingsInput, learnerSettingsSchema } from "./settings";
import type { CardSchedule, ReviewLogFields, ReviewRating, SrsState } from "./types";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const T0 = new Date(Date.UTC(2026, 2, 1, 12));
export const CARD_KEY = "user-1:card-1";

export const later = (date: Date, ms: number): Date => new Date(date.getTime() + ms);

/** Settings for tests: fuzz off unless a test turns it on. */
export function settingsWith(overrides: LearnerSettingsInput = {}): LearnerSettings {
  return learnerSettingsSchema.parse({ enableFuzz: false, ...overrides });
}

/** ts-fsrs configured like `settingsWith()` but called directly, as the reference. */
export function referenceFsrs(settings: LearnerSettings): FSRS {
  return fsrs(
    generatorParameters({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumInterval,
      enable_fuzz: false,
      learning_steps: settings.learningSteps,
      relearning_steps: settings.relearningSteps,
    }),
  );
}

/** A history is (rating, time since the previous review) pairs, starting from a card created at T0. */
export type History = readonly (readonly [ReviewRating, number])[];

/** Histories that leave the card in each state (default steps: learning 1m/10m, relearning 10m). */
export const HISTORY_TO: Record<SrsState, History> = {
  new: [],
  learning: [[3, 0]],
  review: [
    [3, 0],
    [3, 10 * MINUTE],
    [3, 3 * DAY],
  ],
  relearning: [
    [3, 0],
    [3, 10 * MINUTE],
    [3, 3 * DAY],
    [1, 9 * DAY],
  ],
};

/** A sensible wait before the next review from each state. */
export const NEXT_GAP: Record<SrsState, number> = {
  new: 0,
  learning: 10 * MINUTE,
  review: 11 * DAY,
  relearning: 10 * MINUTE,
};

export interface Played {
  schedule: CardSchedule;
  logs: ReviewLogFields[];
  lastTime: Date;
}

export function play(history: History, settings: LearnerSettings, cardKey = CARD_KEY): Played {
  let schedule = newCardSchedule(T0);
  let time = T0;
  const logs: ReviewLogFields[] = [];
  for (const [rating, gap] of history) {
    time = later(time, gap);
    const result = rate(schedule, rating, time, settings, cardKey);
    schedule = result.next;
    logs.push(result.log);
  }
  return { schedule, logs, lastTime: time };
}

/** The same history played on ts-fsrs's own cards. */
export function playReference(history: History, f: FSRS): { card: Card; lastTime: Date } {
  let card = createEmptyCard(T0);
  let time = T0;
  for (const [rating, gap] of history) {
    time = later(time, gap);
    card = f.next(card, time, rating as Grade).card;
  }
  return { card, lastTime: time };
}

const STATE_NAMES: readonly SrsState[] = ["new", "learning", "review", "relearning"];

/** Asserts our schedule holds exactly the values of a ts-fsrs card (field by field, no conversion code). */
export function expectSameAsReference(ours: CardSchedule, theirs: Card): void {
  expect(ours).toEqual({
    state: STATE_NAMES[theirs.state],
    due: theirs.due,
    stability: theirs.stability,
    difficulty: theirs.difficulty,
    reps: theirs.reps,
    lapses: theirs.lapses,
    learningSteps: theirs.learning_steps,
    scheduledDays: theirs.scheduled_days,
    lastReview: theirs.last_review ?? null,
  });
}
