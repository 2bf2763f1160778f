/** A quiz item as the quiz engine needs it (parsed from the QuizItem row). */
export interface QuizQuestion {
  id: string;
  kind: "multiple-choice" | "true-false" | "matching" | "evidence-check";
  prompt: string;
  choices: string[];
  /** The right choice; for matching, every left-hand prompt with its right-hand choice. */
  answer: string | MatchPair[];
  topic: string | null;
  evidence: string;
  cardIds: string[];
}

export interface MatchPair {
  left: string;
  right: string;
}

export type QuizMode = "mixed" | "evidence";
export const QUIZ_LENGTHS = [5, 10, 20] as const;
export type QuizLength = (typeof QUIZ_LENGTHS)[number];

/** What a learner submits for one question. */
export type QuizResponse = { choice: string } | { pairs: Record<string, string> };
