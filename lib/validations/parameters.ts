import { z } from "zod";

/** A row id from the database (cuid): letters and digits only. */
export const rowIdSchema = z
  .string({ error: "Missing id." })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid.");

/** What starts an optimization: the learner's own parameters, or a trainer's cohort set for one deck. */
export const optimizationRequestSchema = z.discriminatedUnion(
  "scope",
  [
    z.strictObject({
      scope: z.literal("personal"),
      /** Count quiz answers as reviews; by default when quiz answers feed the learner's schedule. */
      includeQuiz: z.boolean({ error: "includeQuiz must be true or false" }).optional(),
    }),
    z.strictObject({
      scope: z.literal("cohort"),
      deckSlug: z.string({ error: "deckSlug is required" }).min(1).max(100),
    }),
  ],
  { error: 'scope must be "personal" or "cohort"' },
);
export type OptimizationRequest = z.infer<typeof optimizationRequestSchema>;

const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());

/** Switching parameters from the settings page: a set, or "defaults"; optionally rescheduling. */
export const switchParametersFormSchema = z.object({
  setId: z.union([z.literal("defaults"), rowIdSchema]),
  reschedule: checkbox,
});

export const parameterSetFormSchema = z.object({ setId: rowIdSchema });
