import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LEARNER_SETTINGS, learnerSettingsSchema } from "./settings";

const messages = (input: unknown) => {
  const result = learnerSettingsSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("learner settings", () => {
  it("defaults to ts-fsrs's scheduling defaults, fuzz on, 04:00 rollover in UTC", () => {
    expect(DEFAULT_LEARNER_SETTINGS).toEqual({
      desiredRetention: 0.9,
      newPerDay: 10,
      newPerDayTotal: 20,
      maxReviewsPerDay: 200,
      maximumInterval: 36500,
      learningSteps: ["1m", "10m"],
      relearningSteps: ["10m"],
      timeZone: "UTC",
      dayRolloverHour: 4,
      enableFuzz: true,
    });
  });

  it("accepts optimizer weights of FSRS-6 length and a real time zone", () => {
    const parsed = learnerSettingsSchema.parse({ weights: [...default_w], timeZone: "Europe/Berlin" });
    expect(parsed.weights).toHaveLength(21);
    expect(parsed.timeZone).toBe("Europe/Berlin");
  });

  it("explains what is wrong", () => {
    expect(
      messages({
        desiredRetention: 0.99,
        newPerDay: -1,
        dayRolloverHour: 24,
        learningSteps: ["10", "1x"],
        timeZone: "Nowhere/Town",
        weights: [1, 2, 3],
      }),
    ).toEqual([
      "desiredRetention: Desired retention must be between 0.70 and 0.97",
      "newPerDay: New cards per day cannot be negative",
      'learningSteps.0: Each step is a whole number followed by m, h or d, e.g. "10m" or "1d"',
      'learningSteps.1: Each step is a whole number followed by m, h or d, e.g. "10m" or "1d"',
      "timeZone: Time zone must be an IANA name such as Europe/Berlin",
      "dayRolloverHour: Day rollover hour must be between 0 and 23",
      "weights: FSRS weights must be exactly 21 numbers (FSRS-6)",
    ]);
    expect(messages({ desiredRetention: "high" })).toEqual([
      "desiredRetention: Desired retention must be a number",
    ]);
  });

  it("gives each parse its own step arrays", () => {
    const a = learnerSettingsSchema.parse({});
    const b = learnerSettingsSchema.parse({});
    expect(a.learningSteps).not.toBe(b.learningSteps);
  });
});
