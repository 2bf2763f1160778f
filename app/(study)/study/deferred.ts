// What the study page needs only once the first card is on screen, loaded right after hydration as
// one chunk: the session's controller (answers, undo, marks and study-ahead on the queue, ts-fsrs
// through the scheduler, the outbox engine that sends them and what the server's replies mean),
// and what only ever shows after an interaction or with the engine: the rating buttons and their
// intervals, the answer's evidence and sources, a typed answer's comparison (and the loading of its
// diff library, typed-answer mode only), the sync state's words and the summary. Kept out of the first-load JavaScript (issue 18: /study was 146.8 KiB
// gzipped against a 131.7 KiB hello world).
export { describeDue, formatCountdown } from "@/lib/study/time-words";
export { AnswerComparison } from "./answer-comparison";
export { CardDetails } from "./card-details";
export { RatingButtons } from "./rating-buttons";
export { studyController } from "./session-controller";
export { SessionSummary } from "./session-summary";
export { SyncStatus } from "./sync-status";
export { checkTyped, expectTypedAnswers } from "./typed-check";
