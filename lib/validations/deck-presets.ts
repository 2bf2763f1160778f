import { z } from "zod";
import { studySettingsFormSchema } from "./settings";

const fields = studySettingsFormSchema.shape;

/** The preset form: a name and the four deck options, as text fields (messages from lib/srs). */
export const presetFormSchema = z.object({
  presetId: z
    .string()
    .trim()
    .max(100)
    .transform((id) => id || null),
  name: z
    .string({ error: "Give the preset a name" })
    .trim()
    .min(1, "Give the preset a name")
    .max(60, "Keep the name under 60 characters")
    .refine((name) => name.toLowerCase() !== "default", "“Default” is the name of your study settings"),
  newPerDay: fields.newPerDay,
  maxReviewsPerDay: fields.maxReviewsPerDay,
  desiredRetention: fields.desiredRetention,
  learningSteps: fields.learningSteps,
  relearningSteps: fields.relearningSteps,
});
export type PresetInput = z.infer<typeof presetFormSchema>;

export const presetIdSchema = z.string().trim().min(1, "Choose a preset.").max(100);

/** A deck's preset: an id, or "" for the Default options. */
export const deckPresetChoiceSchema = z.object({
  deckSlug: z.string().trim().min(1, "Choose a deck.").max(200),
  presetId: z
    .string()
    .trim()
    .max(100)
    .transform((id) => id || null),
});
