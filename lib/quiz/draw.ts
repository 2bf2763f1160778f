import { hashSeed, seededShuffle } from "./random";
import type { QuizMode, QuizQuestion } from "./types";

/**
 * The questions of one attempt: a seeded random draw from the deck's pool without repeats.
 * Evidence mode draws only evidence-check items. A pool smaller than `length` gives all of it.
 */
export function drawQuestions(
  pool: readonly Pick<QuizQuestion, "id" | "kind">[],
  length: number,
  mode: QuizMode,
  seed: number,
): string[] {
  const eligible = pool.filter((q) => mode === "mixed" || q.kind === "evidence-check");
  const ids = [...new Set(eligible.map((q) => q.id))].sort();
  return seededShuffle(ids, seed).slice(0, Math.max(0, length));
}

/**
 * The order in which a question's choices are shown, fixed by the attempt's seed and the item,
 * so a resumed attempt shows the same order. True/false keeps its natural order.
 */
export function choiceOrder(question: Pick<QuizQuestion, "id" | "kind" | "choices">, seed: number): string[] {
  if (question.kind === "true-false") return [...question.choices];
  return seededShuffle(question.choices, hashSeed(seed, question.id));
}

/** For matching questions, the order of the left-hand prompts. */
export function promptOrder(question: QuizQuestion, seed: number): string[] {
  if (!Array.isArray(question.answer)) return [];
  return seededShuffle(
    question.answer.map((pair) => pair.left),
    hashSeed(seed, `${question.id}:left`),
  );
}
