import { describe, expect, it } from "vitest";
import { deckLimits, schedulingSettings } from "./deck-options";
import { DEFAULT_LEARNER_SETTINGS } from "./settings";

const settings = { ...DEFAULT_LEARNER_SETTINGS, newPerDay: 10, newPerDayTotal: 20, maxReviewsPerDay: 100 };
const preset = {
  newPerDay: 50,
  maxReviewsPerDay: 30,
  desiredRetention: 0.85,
  learningSteps: ["5m" as const],
  relearningSteps: [],
};

describe("deckLimits", () => {
  it("is the learner's own limits for a deck without a preset", () => {
    expect(deckLimits(settings, null)).toEqual({ newPerDay: 10, maxReviewsPerDay: 100 });
  });

  it("takes the preset's limits, capped by the learner's all-decks limits", () => {
    expect(deckLimits(settings, preset)).toEqual({ newPerDay: 20, maxReviewsPerDay: 30 });
    expect(deckLimits(settings, { ...preset, newPerDay: 5, maxReviewsPerDay: 500 })).toEqual({
      newPerDay: 5,
      maxReviewsPerDay: 100,
    });
  });
});

describe("schedulingSettings", () => {
  it("schedules with the preset's retention and steps and keeps everything else", () => {
    const merged = schedulingSettings(settings, preset);
    expect(merged).toMatchObject({ desiredRetention: 0.85, learningSteps: ["5m"], relearningSteps: [] });
    expect(merged.maximumInterval).toBe(settings.maximumInterval);
    expect(schedulingSettings(settings, null)).toBe(settings);
  });
});
