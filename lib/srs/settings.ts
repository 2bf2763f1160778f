import { default_learning_steps, default_relearning_steps, default_w, type StepUnit } from "ts-fsrs";
import { z } from "zod";

const STEP_PATTERN = /^[1-9]\d*[mhd]$/;
const step = z.custom<StepUnit>((value) => typeof value === "string" && STEP_PATTERN.test(value), {
  error: 'Each step is a whole number followed by m, h or d, e.g. "10m" or "1d"',
});

/**
 * Zones already found valid. Building an Intl.DateTimeFormat to validate one cost about 0.2 ms,
 * and every review validated the learner's zone (issue 18). Bounded, because case variants of a
 * valid zone are valid too and a client chooses the strings; invalid ones are not remembered.
 */
const knownZones = new Set<string>();
export const KNOWN_ZONES_LIMIT = 2_000;

export function isTimeZone(value: string): boolean {
  if (knownZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
  } catch {
    return false;
  }
  if (knownZones.size < KNOWN_ZONES_LIMIT) knownZones.add(value);
  return true;
}

/** How many zones are remembered (for tests of the bound). */
export function knownZoneCount(): number {
  return knownZones.size;
}

const wholeNumber = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} can be at most ${max}`);

/** A learner's scheduling settings. Defaults follow ts-fsrs, except fuzz (on, as Anki does). */
export const learnerSettingsSchema = z.object({
  desiredRetention: z
    .number({ error: "Desired retention must be a number" })
    .min(0.7, "Desired retention must be between 0.70 and 0.97")
    .max(0.97, "Desired retention must be between 0.70 and 0.97")
    .default(0.9),
  newPerDay: wholeNumber("New cards per day", 9999).default(10),
  maxReviewsPerDay: wholeNumber("Maximum reviews per day", 99999).default(200),
  maximumInterval: wholeNumber("Maximum interval", 36500)
    .min(1, "Maximum interval must be at least 1 day")
    .default(36500),
  learningSteps: z
    .array(step)
    .max(10, "Use at most 10 learning steps")
    .default(() => [...default_learning_steps]),
  relearningSteps: z
    .array(step)
    .max(10, "Use at most 10 relearning steps")
    .default(() => [...default_relearning_steps]),
  timeZone: z
    .string()
    .refine(isTimeZone, { error: "Time zone must be an IANA name such as Europe/Berlin" })
    .default("UTC"),
  dayRolloverHour: z
    .number({ error: "Day rollover hour must be a number" })
    .int("Day rollover hour must be a whole hour")
    .min(0, "Day rollover hour must be between 0 and 23")
    .max(23, "Day rollover hour must be between 0 and 23")
    .default(4),
  enableFuzz: z.boolean({ error: "Fuzz must be on or off" }).default(true),
  /** FSRS-6 parameters from the optimizer; absent means ts-fsrs's defaults. */
  weights: z
    .array(z.number({ error: "Each FSRS weight must be a finite number" }))
    .length(default_w.length, `FSRS weights must be exactly ${default_w.length} numbers (FSRS-6)`)
    .optional(),
});

export type LearnerSettings = z.infer<typeof learnerSettingsSchema>;
export type LearnerSettingsInput = z.input<typeof learnerSettingsSchema>;

export const DEFAULT_LEARNER_SETTINGS: LearnerSettings = Object.freeze(learnerSettingsSchema.parse({}));

/** The part of the settings that decides where study days begin. */
export type StudyDayClock = Pick<LearnerSettings, "timeZone" | "dayRolloverHour">;
