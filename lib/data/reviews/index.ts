// One answer's way through the database: read (the state and everything rating needs), write
// (the log and state statements per database), record (the flow), undo (take an answer back).
export { type CardStateView, cardKey, type ReviewResult, StaleReviewError } from "./read";
export { type ReviewOptions, recordReview } from "./record";
export { undoReview } from "./undo";
