import {
  type Card,
  createEmptyCard,
  dateDiffInDays,
  type FSRS,
  fsrs,
  GenSeedStrategyWithCardId,
  generatorParameters,
  StrategyMode,
} from "ts-fsrs";
import { InvalidReviewError } from "./errors";
import { fromFsrsCard, TO_FSRS_GRADE, toFsrsCard } from "./fsrs-card";
import { formatInterval } from "./interval-label";
import type { LearnerSettings } from "./settings";
import { type CardSchedule, REVIEW_RATINGS, type ReviewLogFields, type ReviewRating } from "./types";

/** The settings that shape intervals (not the daily limits or the clock). */
export type SchedulerSettings = Pick<
  LearnerSettings,
  "desiredRetention" | "maximumInterval" | "enableFuzz" | "learningSteps" | "relearningSteps" | "weights"
>;

// ts-fsrs seeds fuzz with `String(card[field] + reps)`; a string value ending in "#" makes the seed
// "<cardKey>#<reps>", so the same card at the same repetition always gets the same fuzz.
const SEED_FIELD = "retain_fuzz_seed";
type SeededCard = Card & { [SEED_FIELD]: string };

const CACHE_LIMIT = 64;
const schedulers = new Map<string, FSRS>();

/** The ts-fsrs scheduler for these settings, built once per distinct settings. Do not mutate it. */
export function fsrsFor(settings: SchedulerSettings): FSRS {
  const key = JSON.stringify([
    settings.desiredRetention,
    settings.maximumInterval,
    settings.enableFuzz,
    settings.learningSteps,
    settings.relearningSteps,
    settings.weights ?? null,
  ]);
  const cached = schedulers.get(key);
  if (cached) return cached;
  const scheduler = fsrs(
    generatorParameters({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumInterval,
      enable_fuzz: settings.enableFuzz,
      enable_short_term: true,
      // Copies: ts-fsrs keeps the arrays, and this scheduler outlives the caller's settings object.
      learning_steps: [...settings.learningSteps],
      relearning_steps: [...settings.relearningSteps],
      w: settings.weights,
    }),
  ).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId(SEED_FIELD));
  if (schedulers.size >= CACHE_LIMIT) {
    const oldest = schedulers.keys().next().value;
    if (oldest !== undefined) schedulers.delete(oldest);
  }
  schedulers.set(key, scheduler);
  return scheduler;
}

function seeded(schedule: CardSchedule, cardKey: string): SeededCard {
  return { ...toFsrsCard(schedule), [SEED_FIELD]: `${cardKey}#` };
}

function assertReviewable(schedule: CardSchedule, now: Date): void {
  if (!Number.isFinite(now.getTime())) throw new InvalidReviewError("Review time is not a valid date");
  if (schedule.lastReview && now.getTime() < schedule.lastReview.getTime()) {
    throw new InvalidReviewError("Review time precedes the card's last review");
  }
}

export function newCardSchedule(now: Date): CardSchedule {
  return fromFsrsCard(createEmptyCard(now));
}

/** Whole days since the last review, as ts-fsrs counts them when scheduling (UTC calendar days). */
export function elapsedDays(schedule: CardSchedule, now: Date): number {
  return schedule.lastReview && schedule.state !== "new" ? dateDiffInDays(schedule.lastReview, now) : 0;
}

export interface RatedReview {
  next: CardSchedule;
  log: ReviewLogFields;
}

/**
 * Schedules one review. `cardKey` (e.g. `${userId}:${cardId}`) seeds the fuzz together with the
 * card's repetition count, so replaying the same history reproduces the same intervals.
 */
export function rate(
  schedule: CardSchedule,
  rating: ReviewRating,
  now: Date,
  settings: SchedulerSettings,
  cardKey: string,
): RatedReview {
  if (!REVIEW_RATINGS.includes(rating)) throw new InvalidReviewError(`Rating must be 1 to 4, got ${rating}`);
  assertReviewable(schedule, now);
  const { card } = fsrsFor(settings).next(seeded(schedule, cardKey), now, TO_FSRS_GRADE[rating]);
  const next = fromFsrsCard(card);
  return {
    next,
    log: {
      rating,
      reviewedAt: new Date(now.getTime()),
      stateBefore: schedule.state,
      dueBefore: new Date(schedule.due.getTime()),
      lastReviewBefore: schedule.lastReview ? new Date(schedule.lastReview.getTime()) : null,
      stabilityBefore: schedule.stability,
      difficultyBefore: schedule.difficulty,
      scheduledDaysBefore: schedule.scheduledDays,
      learningStepsBefore: schedule.learningSteps,
      dueAfter: next.due,
      stabilityAfter: next.stability,
      difficultyAfter: next.difficulty,
    },
  };
}

export interface RatingPreview {
  rating: ReviewRating;
  due: Date;
  /** Time until `due`, e.g. "10m", "3d", "2mo". */
  label: string;
}

/** What each button would do now; identical to `rate` for the same inputs (same fuzz seed). */
export function previewRatings(
  schedule: CardSchedule,
  now: Date,
  settings: SchedulerSettings,
  cardKey: string,
): RatingPreview[] {
  assertReviewable(schedule, now);
  const preview = fsrsFor(settings).repeat(seeded(schedule, cardKey), now);
  return REVIEW_RATINGS.map((rating) => {
    const due = new Date(preview[TO_FSRS_GRADE[rating]].card.due.getTime());
    return { rating, due, label: formatInterval(due.getTime() - now.getTime()) };
  });
}
