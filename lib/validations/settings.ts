import { z } from "zod";
import { learnerSettingsSchema } from "@/lib/srs/settings";

const steps = (label: string) =>
  z
    .string()
    .trim()
    .transform((text) => (text ? text.split(/[\s,]+/).filter(Boolean) : []))
    .pipe(learnerSettingsSchema.shape.learningSteps.unwrap().describe(label));

const number = (message: string) =>
  z
    .string()
    .trim()
    .min(1, message)
    .transform((text) => Number(text))
    .pipe(z.number({ error: message }).refine(Number.isFinite, message));

/** The settings form: text fields in, the validated study settings out (messages from lib/srs). */
export const studySettingsFormSchema = z.object({
  desiredRetention: number("Desired retention must be a number").pipe(
    learnerSettingsSchema.shape.desiredRetention.unwrap(),
  ),
  newPerDay: number("New cards per day must be a number").pipe(
    learnerSettingsSchema.shape.newPerDay.unwrap(),
  ),
  // Optional: a form without it (from before per-deck limits) keeps the stored value.
  newPerDayTotal: z
    .string()
    .trim()
    .optional()
    .transform((text) => (text ? text : undefined))
    .pipe(
      number("New cards per day, all decks must be a number")
        .pipe(learnerSettingsSchema.shape.newPerDayTotal.unwrap())
        .optional(),
    ),
  maxReviewsPerDay: number("Maximum reviews per day must be a number").pipe(
    learnerSettingsSchema.shape.maxReviewsPerDay.unwrap(),
  ),
  maximumInterval: number("Maximum interval must be a number").pipe(
    learnerSettingsSchema.shape.maximumInterval.unwrap(),
  ),
  learningSteps: steps("Learning steps"),
  relearningSteps: steps("Relearning steps"),
  timeZone: z.string().trim().pipe(learnerSettingsSchema.shape.timeZone.unwrap()),
  dayRolloverHour: number("Day rollover hour must be a number").pipe(
    learnerSettingsSchema.shape.dayRolloverHour.unwrap(),
  ),
  quizFeedsSchedule: z.preprocess((value) => value === "on", z.boolean()),
});
export type StudySettingsForm = z.infer<typeof studySettingsFormSchema>;
