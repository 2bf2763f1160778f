import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_LEARNER_SETTINGS,
  isTimeZone,
  KNOWN_ZONES_LIMIT,
  knownZoneCount,
  learnerSettingsSchema,
} from "./settings";

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

describe("isTimeZone (valid zones remembered)", () => {
  it("answers the same on every call, remembering valid zones only, up to a bound", () => {
    for (let round = 0; round < 3; round++) {
      expect(isTimeZone("Europe/Berlin")).toBe(true);
      expect(isTimeZone("UTC")).toBe(true);
      expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
      expect(isTimeZone("")).toBe(false);
    }
    const before = knownZoneCount();
    expect(isTimeZone("Not/A_Zone")).toBe(false);
    expect(knownZoneCount()).toBe(before);
    // Case variants of a valid zone are valid, and a client picks them: the set stops growing.
    for (let i = 0; i < KNOWN_ZONES_LIMIT + 50; i++) {
      const variant = `${[..."america"].map((c, k) => ((i >> k) & 1 ? c.toUpperCase() : c)).join("")}/${[..."argentina"].map((c, k) => ((i >> (k + 7)) & 1 ? c.toUpperCase() : c)).join("")}/comodrivadavia`;
      expect(isTimeZone(variant)).toBe(true);
    }
    expect(knownZoneCount()).toBe(KNOWN_ZONES_LIMIT);
    expect(isTimeZone("Asia/Tokyo")).toBe(true);
  });
});
