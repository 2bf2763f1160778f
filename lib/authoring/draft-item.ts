import { z } from "zod";
import { CONTENT_EVIDENCE_LEVELS } from "../content/evidence";

/**
 * What a draft item stores (DraftItem.payload): the fields it publishes with, its verbatim quote,
 * and the engine's suggestion (level and cue words) that the author judges it by. Kept free of
 * server imports: the review screen reads the same shape.
 */
export const CARD_KINDS = ["basic", "reversed", "cloze"] as const;
export const QUIZ_KINDS = ["multiple-choice", "true-false", "matching", "evidence-check"] as const;
export const DRAFT_STATUSES = ["proposed", "accepted", "rejected"] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const evidenceLevelSchema = z.enum(CONTENT_EVIDENCE_LEVELS);

const cue = z.object({ word: z.string(), level: z.string() });
export const suggestionSchema = z.object({
  level: evidenceLevelSchema,
  from: z.string(),
  cues: z.array(cue),
  disclaimed: z.array(cue).default([]),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

const common = {
  evidence: evidenceLevelSchema,
  /** Verbatim: the document's own characters at the time it was accepted or edited. */
  quote: z.string(),
  suggested: suggestionSchema.nullable().default(null),
  claim: z.string().nullable().default(null),
  needsCheck: z.boolean().default(false),
  checkReason: z.string().nullable().default(null),
};

export const cardPayloadSchema = z.object({
  target: z.literal("card"),
  kind: z.enum(CARD_KINDS),
  front: z.string(),
  back: z.string(),
  ...common,
});
export type CardPayload = z.infer<typeof cardPayloadSchema>;

export const quizPayloadSchema = z.object({
  target: z.literal("quiz"),
  kind: z.enum(QUIZ_KINDS),
  prompt: z.string(),
  choices: z.array(z.string()),
  answer: z.string().nullable().default(null),
  pairs: z
    .array(z.object({ left: z.string(), right: z.string() }))
    .nullable()
    .default(null),
  explanation: z.string(),
  /** Every quote the item rests on (a matching item quotes each cell); `quote` is the first. */
  quotes: z.array(z.string()).min(1),
  /** Draft item ids of the cards it tests: published only with at least one of them. */
  cards: z.array(z.string()),
  ...common,
});
export type QuizPayload = z.infer<typeof quizPayloadSchema>;

export const draftPayloadSchema = z.discriminatedUnion("target", [cardPayloadSchema, quizPayloadSchema]);
export type DraftPayload = z.infer<typeof draftPayloadSchema>;

/** A draft item as the review screen and the publisher see it. */
export interface DraftItemView {
  id: string;
  position: number;
  status: DraftStatus;
  origin: "proposed" | "author";
  evidenceReason: string | null;
  payload: DraftPayload;
}

/** The text a list row shows for an item: a card's front, a question's prompt. */
export function itemHeadline(payload: DraftPayload): string {
  return payload.target === "card" ? payload.front : payload.prompt;
}
