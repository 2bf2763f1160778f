import { z } from "zod";

export const invitationSchema = z.object({
  maxUses: z.coerce
    .number({ error: "Choose how many clients may use the link." })
    .int("Use a whole number of clients.")
    .min(1, "At least one client must be able to use the link.")
    .max(500, "One link can onboard at most 500 clients."),
  expiresInDays: z.coerce
    .number({ error: "Choose when the link expires." })
    .int("Use a whole number of days.")
    .min(1, "The link must last at least a day.")
    .max(90, "A link can last at most 90 days.")
    .default(14),
});
export type InvitationInput = z.infer<typeof invitationSchema>;

export const invitationCode = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, "This invitation link is not valid.");

export const ASSIGNMENT_GOALS = ["all-introduced", "recall"] as const;

export const assignmentSchema = z
  .object({
    clientIds: z.array(z.string().min(1).max(100)).min(1, "Choose at least one client.").max(500),
    deckSlug: z.string().min(1, "Choose a deck.").max(100),
    dueAt: z.coerce.date({ error: "Enter a valid due date." }).optional(),
    goal: z.enum(ASSIGNMENT_GOALS, { error: "Choose a goal." }),
    targetRecall: z.coerce
      .number()
      .min(0.5, "A recall goal is between 50% and 99%.")
      .max(0.99, "A recall goal is between 50% and 99%.")
      .optional(),
    quizTarget: z.coerce
      .number()
      .int()
      .min(1, "A quiz target is between 1% and 100%.")
      .max(100, "A quiz target is between 1% and 100%.")
      .optional(),
  })
  .refine((a) => a.goal !== "recall" || (a.targetRecall !== undefined && a.dueAt !== undefined), {
    message: "A recall goal needs a target and a due date.",
    path: ["targetRecall"],
  });
export type AssignmentInput = z.infer<typeof assignmentSchema>;
