import { z } from "zod";
import { reviewEvidence } from "../content/quote-evidence";
import { closestQuotePrefix, findQuote } from "../content/quotes";
import { parseCloze } from "../study/cloze";
import { CARD_KINDS, evidenceLevelSchema } from "./draft-item";

/** The card editor's fields, as a form sends them. */
export const cardEditSchema = z.object({
  kind: z.enum(CARD_KINDS, { error: "Choose basic, reversed or cloze." }),
  front: z
    .string({ error: "Write the front." })
    .trim()
    .min(3, "Write the front (at least 3 characters).")
    .max(1000, "Keep the front under 1,000 characters."),
  back: z.string({ error: "Write the back." }).trim().max(2000, "Keep the back under 2,000 characters."),
  evidence: evidenceLevelSchema,
  quote: z
    .string({ error: "Quote the document." })
    .trim()
    .min(8, "Quote at least a few words of the document.")
    .max(2000, "Keep the quote under 2,000 characters."),
  reason: z
    .string()
    .trim()
    .max(500, "Keep the reason under 500 characters.")
    .optional()
    .transform((reason) => reason || null),
});
export type CardEditInput = z.infer<typeof cardEditSchema>;

export type CardEditCheck =
  | { ok: true; card: CardEditInput & { quote: string }; reason: string | null }
  | { ok: false; errors: Record<string, string[]>; needsReason: boolean };

const MIN_REASON = 10;

/**
 * Checks an edited or hand-made card against its document: the quote must still be in the text
 * word for word (whitespace and curly quotes aside), and a label stronger than the quote's cue
 * words needs a reason, as content:check asks for one in content/evidence.yaml. The quote is
 * stored as the document's own characters.
 */
export function checkCardEdit(body: string, input: CardEditInput): CardEditCheck {
  const errors: Record<string, string[]> = {};
  const range = findQuote(body, input.quote);
  if (!range) {
    const near = closestQuotePrefix(body, input.quote);
    errors.quote = [
      near
        ? `The quote is not in the document word for word: after “…${near.matched}” the document says “${near.sourceNext}…”.`
        : "The quote is not in the document word for word. Select the passage in the document or paste it unchanged.",
    ];
  }
  if (input.kind === "cloze" && !parseCloze(input.front).some((part) => part.hidden && part.text.trim()))
    errors.front = ["A cloze card hides at least one part of the front: write it as {{c1::hidden words}}."];
  if (input.kind !== "cloze" && !input.back) errors.back = ["Write the back."];
  const quote = range ? body.slice(range.start, range.end) : input.quote;
  const review = reviewEvidence(
    { id: "This card", evidence: input.evidence, sources: [{ quote }] },
    undefined,
  );
  const concerns = [...review.errors, ...review.warnings];
  const needsReason = concerns.length > 0 && (input.reason?.length ?? 0) < MIN_REASON;
  if (needsReason)
    errors.evidence = [
      `${concerns.join("; ")}. Give a reason (at least ${MIN_REASON} characters) to keep it.`,
    ];
  if (Object.keys(errors).length > 0) return { ok: false, errors, needsReason };
  return { ok: true, card: { ...input, quote }, reason: concerns.length > 0 ? input.reason : null };
}
