import type { MatchPair, QuizQuestion, QuizResponse } from "./types";

export interface ScoredAnswer {
  correct: boolean;
  /** The right answer, to show after the learner's own. */
  expected: string | MatchPair[];
  /** Matching only: which of the learner's pairs were right. */
  pairResults?: Array<MatchPair & { chosen: string | null; correct: boolean }>;
}

export class InvalidResponseError extends Error {}

/**
 * Scores one response. A matching question counts as right only when every pair is right;
 * a partly right one is wrong, with each pair's result shown. Responses naming options the
 * question does not have are refused rather than scored.
 */
export function scoreResponse(question: QuizQuestion, response: QuizResponse): ScoredAnswer {
  if (Array.isArray(question.answer)) {
    if (!("pairs" in response)) throw new InvalidResponseError("A matching question needs pairs.");
    const chosen = response.pairs;
    const lefts = new Set(question.answer.map((p) => p.left));
    for (const [left, right] of Object.entries(chosen)) {
      if (!lefts.has(left)) throw new InvalidResponseError(`"${left}" is not part of this question.`);
      if (!question.choices.includes(right))
        throw new InvalidResponseError(`"${right}" is not one of the choices.`);
    }
    const pairResults = question.answer.map((pair) => {
      const pick = Object.hasOwn(chosen, pair.left) ? (chosen[pair.left] ?? null) : null;
      return { ...pair, chosen: pick, correct: pick === pair.right };
    });
    return { correct: pairResults.every((p) => p.correct), expected: question.answer, pairResults };
  }
  if (!("choice" in response)) throw new InvalidResponseError("This question needs one choice.");
  if (!question.choices.includes(response.choice)) {
    throw new InvalidResponseError(`"${response.choice}" is not one of the choices.`);
  }
  return { correct: response.choice === question.answer, expected: question.answer };
}
