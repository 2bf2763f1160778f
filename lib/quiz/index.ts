export { choiceOrder, drawQuestions, promptOrder } from "./draw";
export { hashSeed, seededShuffle } from "./random";
export { InvalidResponseError, type ScoredAnswer, scoreResponse } from "./score";
export { type Breakdown, type QuizSummary, summarize } from "./summary";
export * from "./types";
