import { z } from "zod";
import { QUIZ_LENGTHS } from "@/lib/quiz/types";

export const startQuizSchema = z.object({
  deck: z.string().trim().min(1, "Choose a deck.").max(100),
  length: z.coerce
    .number({ error: "Choose 5, 10 or 20 questions." })
    .refine((n) => (QUIZ_LENGTHS as readonly number[]).includes(n), "Choose 5, 10 or 20 questions."),
  mode: z.enum(["mixed", "evidence"], { error: "Choose mixed questions or evidence checks only." }),
});
export type StartQuizInput = z.infer<typeof startQuizSchema>;

const label = z.string().min(1).max(500);

export const quizAnswerSchema = z.strictObject({
  itemId: z.string({ error: "itemId is required" }).min(1).max(200),
  response: z.union(
    [
      z.strictObject({ choice: label }),
      z.strictObject({
        pairs: z.record(label, label).refine((p) => Object.keys(p).length <= 20, "Too many pairs"),
      }),
    ],
    { error: "response must be { choice } or { pairs }" },
  ),
  durationMs: z
    .number({ error: "durationMs must be a number" })
    .int()
    .min(0)
    .max(24 * 60 * 60 * 1000),
});
export type QuizAnswerInput = z.infer<typeof quizAnswerSchema>;
