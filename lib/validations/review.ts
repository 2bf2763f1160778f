import { z } from "zod";

/** What the study session sends for one answer. */
export const reviewSubmissionSchema = z.strictObject({
  idempotencyKey: z
    .string({ error: "idempotencyKey is required" })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, "idempotencyKey must be 8 to 64 letters, digits, '-' or '_'"),
  cardId: z.string({ error: "cardId is required" }).min(1).max(200),
  rating: z
    .number({ error: "rating must be a number from 1 to 4" })
    .int("rating must be a whole number from 1 to 4")
    .min(1, "rating must be 1 (Again) to 4 (Easy)")
    .max(4, "rating must be 1 (Again) to 4 (Easy)"),
  /** The card version the client rated; a different stored version makes the answer stale. */
  expectedVersion: z.number({ error: "expectedVersion is required" }).int().min(0).max(1_000_000_000),
  /** When the learner answered (client clock, epoch ms); clamped to the server's clock. */
  answeredAt: z.number({ error: "answeredAt is required" }).int().min(0).max(8_640_000_000_000),
  durationMs: z
    .number({ error: "durationMs must be a number" })
    .int()
    .min(0)
    .max(24 * 60 * 60 * 1000),
});
export type ReviewSubmission = z.infer<typeof reviewSubmissionSchema>;

export const undoSchema = z.strictObject({
  idempotencyKey: reviewSubmissionSchema.shape.idempotencyKey,
});
