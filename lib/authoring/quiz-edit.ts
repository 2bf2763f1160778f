import { z } from "zod";
import { reviewEvidence } from "../content/quote-evidence";
import { closestQuotePrefix, findQuote } from "../content/quotes";
import { evidenceLevelSchema, type QuizPayload } from "./draft-item";

const text = (what: string, max: number) =>
  z
    .string({ error: `Write the ${what}.` })
    .trim()
    .max(max, `Keep the ${what} under ${max.toLocaleString("en-GB")} characters.`);

/** The question editor's fields, as a form sends them (the kind of question stays as proposed). */
export const quizEditSchema = z.object({
  prompt: text("question", 1000).min(5, "Write the question (at least 5 characters)."),
  choices: z.array(text("option", 300)).max(8, "Give at most 8 options."),
  /** Index into `choices` of the right one; not sent for matching. */
  answer: z.coerce.number().int().min(0).nullable().default(null),
  pairs: z
    .array(z.object({ left: text("left side", 300), right: text("right side", 300) }))
    .max(10, "Give at most 10 pairs."),
  explanation: text("explanation", 2000),
  quotes: z.array(text("quote", 2000)).min(1, "Quote the document.").max(20),
  evidence: evidenceLevelSchema,
  reason: z
    .string()
    .trim()
    .max(500, "Keep the reason under 500 characters.")
    .optional()
    .transform((reason) => reason || null),
});
export type QuizEditInput = z.infer<typeof quizEditSchema>;

export type QuizEditCheck =
  | { ok: true; payload: QuizPayload; reason: string | null }
  | { ok: false; errors: Record<string, string[]> };

const MIN_REASON = 10;
const key = (value: string) => value.replace(/\s+/g, " ").trim().toLowerCase();
const duplicates = (values: readonly string[]) => new Set(values.map(key)).size !== values.length;

/**
 * Checks an edited question against its document and its kind: a choice question has 2–8
 * distinct, non-empty options and its right answer among them (true/false keeps True and False);
 * a matching question has 2–10 pairs with distinct sides; every quote is still in the document
 * word for word (stored as the document's own characters); and a label stronger than the
 * quotes' cue words needs a reason, as for cards. Returns the payload to store.
 */
export function checkQuizEdit(body: string, previous: QuizPayload, input: QuizEditInput): QuizEditCheck {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  let choices: string[] = [];
  let answer: string | null = null;
  let pairs: QuizPayload["pairs"] = null;
  if (previous.kind === "matching") {
    const filled = input.pairs.filter((pair) => pair.left || pair.right);
    if (filled.some((pair) => !pair.left || !pair.right)) add("pairs", "Fill in both sides of every pair.");
    if (filled.length < 2) add("pairs", "Give at least 2 pairs.");
    if (duplicates(filled.map((p) => p.left)) || duplicates(filled.map((p) => p.right)))
      add("pairs", "Each left side and each right side appears once.");
    pairs = filled;
    // The learner matches each left side to one of the right sides, shown in the stored order.
    const kept = previous.choices.filter((choice) => filled.some((pair) => pair.right === choice));
    choices = [...kept, ...filled.map((pair) => pair.right).filter((right) => !kept.includes(right))];
  } else {
    choices = previous.kind === "true-false" ? ["True", "False"] : input.choices.filter(Boolean);
    if (choices.length < 2) add("choices", "Give at least 2 options.");
    if (duplicates(choices)) add("choices", "Each option must differ from the others.");
    const picked =
      input.answer === null
        ? undefined
        : (previous.kind === "true-false" ? ["True", "False"] : input.choices)[input.answer];
    if (!picked || !choices.includes(picked)) add("answer", "Mark which option is right.");
    else answer = picked;
  }
  const quotes: string[] = [];
  input.quotes.forEach((quote, i) => {
    const range = quote.length >= 8 ? findQuote(body, quote) : null;
    if (range) {
      quotes.push(body.slice(range.start, range.end));
      return;
    }
    const near = quote.length >= 8 ? closestQuotePrefix(body, quote) : null;
    add(
      "quotes",
      near
        ? `Quote ${i + 1} is not in the document word for word: after “…${near.matched}” the document says “${near.sourceNext}…”.`
        : `Quote ${i + 1} is not in the document word for word. Paste the passage unchanged.`,
    );
  });
  const review = reviewEvidence(
    { id: "This question", evidence: input.evidence, sources: quotes.map((quote) => ({ quote })) },
    undefined,
  );
  // Judged on the quotes as they stand; with a quote to fix, its error is the one to show first.
  const concerns = errors.quotes ? [] : [...review.errors, ...review.warnings];
  if (concerns.length > 0 && (input.reason?.length ?? 0) < MIN_REASON)
    add("evidence", `${concerns.join("; ")}. Give a reason (at least ${MIN_REASON} characters) to keep it.`);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    payload: {
      ...previous,
      prompt: input.prompt,
      choices,
      answer,
      pairs,
      explanation: input.explanation,
      evidence: input.evidence,
      quote: quotes[0] as string,
      quotes,
      // The author has checked it (a swapped true/false statement is flagged for that).
      needsCheck: false,
      checkReason: null,
    },
    reason: concerns.length > 0 ? input.reason : null,
  };
}
