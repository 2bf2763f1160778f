import type { LearnerSettings } from "./settings";

/** A deck's own options from its preset (lib/data/deck-presets); a deck without one has none. */
export interface DeckOptions {
  newPerDay: number;
  maxReviewsPerDay: number;
  desiredRetention: number;
  learningSteps: LearnerSettings["learningSteps"];
  relearningSteps: LearnerSettings["relearningSteps"];
}

/**
 * The settings a card is scheduled with: the learner's, with its home deck's preset (if any) for
 * retention and steps. The same on the server (lib/data/reviews) and in the study page.
 */
export function schedulingSettings<
  S extends Pick<LearnerSettings, "desiredRetention" | "learningSteps" | "relearningSteps">,
>(
  settings: S,
  options: Pick<DeckOptions, "desiredRetention" | "learningSteps" | "relearningSteps"> | null | undefined,
): S {
  if (!options) return settings;
  return {
    ...settings,
    desiredRetention: options.desiredRetention,
    learningSteps: options.learningSteps,
    relearningSteps: options.relearningSteps,
  };
}

/**
 * A deck's daily limits: its preset's, never above the learner's own (the ceiling); a deck without
 * a preset has the learner's per-deck new limit and the all-decks review limit.
 */
export function deckLimits(
  settings: Pick<LearnerSettings, "newPerDay" | "newPerDayTotal" | "maxReviewsPerDay">,
  options: Pick<DeckOptions, "newPerDay" | "maxReviewsPerDay"> | null | undefined,
): { newPerDay: number; maxReviewsPerDay: number } {
  if (!options) return { newPerDay: settings.newPerDay, maxReviewsPerDay: settings.maxReviewsPerDay };
  return {
    newPerDay: Math.min(options.newPerDay, settings.newPerDayTotal),
    maxReviewsPerDay: Math.min(options.maxReviewsPerDay, settings.maxReviewsPerDay),
  };
}
