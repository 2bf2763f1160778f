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
  /** Clients who accept join (or create) this group; empty for none. */
  groupName: z
    .string()
    .trim()
    .max(60, "A group name is at most 60 characters.")
    .optional()
    .transform((s) => (s ? s : undefined)),
});
export type InvitationInput = Omit<z.infer<typeof invitationSchema>, "groupName"> & { groupName?: string };

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
    /** A short message the client sees with the assignment; omitted keeps the current one. */
    message: z.string().trim().max(280, "A message to the client is at most 280 characters.").optional(),
  })
  .refine((a) => a.goal !== "recall" || (a.targetRecall !== undefined && a.dueAt !== undefined), {
    message: "A recall goal needs a target and a due date.",
    path: ["targetRecall"],
  });
export type AssignmentInput = z.infer<typeof assignmentSchema>;

export const groupNameSchema = z
  .string({ error: "Name the group." })
  .trim()
  .min(1, "Name the group.")
  .max(60, "A group name is at most 60 characters.");

/** A bulk action's target: the clients ticked, or a whole group (not both, not neither). */
export const selectionSchema = z
  .object({
    clientIds: z
      .array(z.string().min(1).max(100))
      .max(500, "Choose at most 500 clients at once.")
      .default([]),
    groupId: z.string().min(1).max(100).optional(),
  })
  .refine((s) => s.clientIds.length > 0 !== (s.groupId !== undefined), {
    message: "Choose some clients or one group.",
    path: ["clientIds"],
  });
export type SelectionInput = z.infer<typeof selectionSchema>;

export const moveClientsSchema = z.object({
  clientIds: z.array(z.string().min(1).max(100)).min(1, "Choose at least one client.").max(500),
  /** A group id, or "" for no group. */
  groupId: z.string().max(100),
});

export const assignmentMessageSchema = z
  .string()
  .trim()
  .max(280, "A message to the client is at most 280 characters.")
  .transform((s) => (s === "" ? null : s));

export const assignmentEditSchema = z
  .object({
    assignmentId: z.string().min(1, "This assignment does not exist.").max(100),
    dueAt: z.coerce.date({ error: "Enter a valid due date." }).nullable(),
    goal: z.enum(ASSIGNMENT_GOALS, { error: "Choose a goal." }),
    targetRecall: z.coerce
      .number()
      .min(0.5, "A recall goal is between 50% and 99%.")
      .max(0.99, "A recall goal is between 50% and 99%.")
      .nullable(),
    message: assignmentMessageSchema.nullable().default(null),
  })
  .refine((a) => a.goal !== "recall" || (a.targetRecall !== null && a.dueAt !== null), {
    message: "A recall goal needs a target and a due date.",
    path: ["targetRecall"],
  });
export type AssignmentEditInput = z.infer<typeof assignmentEditSchema>;

export const noteSchema = z
  .string({ error: "Write the note." })
  .trim()
  .min(1, "Write the note.")
  .max(2000, "A note is at most 2,000 characters.");

export const reminderSchema = z
  .string()
  .trim()
  .max(280, "A reminder is at most 280 characters.")
  .transform((s) => (s === "" ? null : s));
