import { z } from "zod";
import { CARD_IMPORT_LIMITS } from "@/lib/exchange/card-import";

/** A deck's slug as it appears in URLs (content slugs and personal "p-…" slugs alike). */
export const deckSlugSchema = z
  .string({ error: "Choose a deck." })
  .trim()
  .min(1, "Choose a deck.")
  .max(100, "Choose a deck.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Choose a deck.");

const MEGABYTES = CARD_IMPORT_LIMITS.maxBytes / (1024 * 1024);

/** The file step: a CSV/TSV file of at most 5 MB (checked on its size, before it is read). */
export const cardUploadSchema = z.object({
  file: z
    .instanceof(File, { error: "Choose a CSV or TSV file." })
    .refine((file) => file.size > 0, "Choose a CSV or TSV file; this one is empty.")
    .refine((file) => file.size <= CARD_IMPORT_LIMITS.maxBytes, `The file is larger than ${MEGABYTES} MB.`),
  delimiter: z.enum(["auto", "comma", "semicolon", "tab"], { error: "Choose a separator." }).default("auto"),
});

/**
 * The confirm step: the same file with the deck's name, and the SHA-256 the preview returned,
 * so exactly the previewed file is written.
 */
export const confirmImportSchema = cardUploadSchema.extend({
  title: z
    .string({ error: "Give the deck a name." })
    .trim()
    .min(1, "Give the deck a name.")
    .max(100, "Keep the name under 100 characters.")
    .refine((title) => !/[\r\n\t]/.test(title), "Keep the name on one line."),
  digest: z.string({ error: "Preview the file first." }).regex(/^[0-9a-f]{64}$/, "Preview the file first."),
  /** Import the good cards of a file whose problems are on some lines, leaving those lines out. */
  skipProblems: z.literal("on", { error: "Tick the box to leave out the lines with problems." }).optional(),
});
export type ConfirmImportInput = z.infer<typeof confirmImportSchema>;

export const deleteDeckSchema = z.object({
  slug: deckSlugSchema,
  confirm: z.literal("on", { error: "Tick the box to confirm that the deck and its history go." }),
});
