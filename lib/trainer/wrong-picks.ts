import { z } from "zod";
import type { MatchPair, QuizResponse } from "@/lib/quiz";

/** One wrong option a learner picked, next to the right one. */
export interface WrongPick {
  chosen: string;
  expected: string;
}

/**
 * The wrong options in one answer: the choice of a one-answer question, or each wrongly matched
 * pair of a matching question ("left → right"). Pairs left blank are not picks and are left out.
 */
export function wrongPicks(answer: string | MatchPair[], response: QuizResponse): WrongPick[] {
  if (typeof answer === "string") {
    return "choice" in response && response.choice !== answer
      ? [{ chosen: response.choice, expected: answer }]
      : [];
  }
  if (!("pairs" in response)) return [];
  return answer.flatMap((pair) => {
    const pick = Object.hasOwn(response.pairs, pair.left) ? response.pairs[pair.left] : undefined;
    if (pick === undefined || pick === pair.right) return [];
    return [{ chosen: `${pair.left} → ${pick}`, expected: `${pair.left} → ${pair.right}` }];
  });
}

const storedAnswer = z.union([z.string(), z.array(z.object({ left: z.string(), right: z.string() }))]);
const storedResponse = z.union([
  z.object({ choice: z.string() }),
  z.object({ pairs: z.record(z.string(), z.string()) }),
]);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The same from the stored JSON of QuizItem.answer and QuizAnswer.response; nothing if either is unreadable. */
export function wrongPicksFromJson(answerJson: string, responseJson: string): WrongPick[] {
  const answer = storedAnswer.safeParse(parseJson(answerJson));
  const response = storedResponse.safeParse(parseJson(responseJson));
  return answer.success && response.success ? wrongPicks(answer.data, response.data) : [];
}
