import { z } from "zod";
import { CARD_KINDS, DRAFT_STATUSES } from "@/lib/authoring/draft-item";
import { USER_DOCUMENT_ID } from "@/lib/authoring/ids";
import { DOCUMENT_LIMITS } from "@/lib/authoring/limits";

const title = z
  .string()
  .trim()
  .max(DOCUMENT_LIMITS.maxTitle, "Keep the title under 200 characters.")
  .optional()
  .transform((value) => value?.replace(/\s+/g, " ") || null);

/** The upload form: a file, or pasted text (Markdown or plain). */
export const documentUploadSchema = z
  .object({
    file: z.instanceof(File).optional(),
    text: z
      .string()
      .max(DOCUMENT_LIMITS.maxPasteChars, "The pasted text is longer than 400,000 characters.")
      .optional(),
    title,
    acceptNonEnglish: z
      .string()
      .optional()
      .transform((value) => value === "on"),
  })
  .refine((input) => (input.file && input.file.size > 0) || input.text?.trim(), {
    message: "Choose a file or paste some text.",
    path: ["file"],
  });

export const documentIdSchema = z.string().regex(USER_DOCUMENT_ID, "This document does not exist.");
export const draftItemIdSchema = z
  .string()
  .max(200)
  .regex(/^u-[0-9a-f]{16}\.[a-z0-9.-]+$/, "This item does not exist.");

export const draftStatusSchema = z.object({
  documentId: documentIdSchema,
  itemIds: z.array(draftItemIdSchema).min(1, "Choose an item.").max(2000),
  status: z.enum(DRAFT_STATUSES),
});

export const cardEditorSchema = z.object({
  documentId: documentIdSchema,
  itemId: draftItemIdSchema.optional(),
  kind: z.enum(CARD_KINDS, { error: "Choose basic, reversed or cloze." }),
  front: z.string({ error: "Write the front." }),
  back: z.string().default(""),
  evidence: z.string({ error: "Choose an evidence level." }),
  quote: z.string({ error: "Quote the document." }),
  reason: z.string().optional(),
});

/** The question editor's form: the ids; the fields are lib/authoring/quiz-edit quizEditSchema. */
export const quizEditorIdsSchema = z.object({
  documentId: documentIdSchema,
  itemId: draftItemIdSchema,
});

export const selectionSchema = z.object({
  documentId: documentIdSchema,
  text: z
    .string({ error: "Select some text in the document." })
    .trim()
    .min(8, "Select at least a few words of the document.")
    .max(2000, "Select at most a paragraph or two."),
});

export const publishSchema = z.object({
  documentId: documentIdSchema,
  title: z
    .string({ error: "Give the deck a name." })
    .trim()
    .min(1, "Give the deck a name.")
    .max(100, "Keep the name under 100 characters.")
    .refine((value) => !/[\r\n\t]/.test(value), "Keep the name on one line."),
  description: z.string().trim().max(500, "Keep the description under 500 characters.").default(""),
});
