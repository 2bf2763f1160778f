// What the study page needs only once the first card is on screen, loaded right after hydration as
// one chunk: ts-fsrs (through the scheduler), what answers do to the queue, the outbox engine that
// sends them and the sync state it reports, and what only ever shows after an interaction: the
// rating buttons and the answer's evidence and sources, a typed answer's comparison, the summary.
// Kept out of the first-load JavaScript (issue 18: /study was 146.8 KiB gzipped against a 131.7 KiB
// hello world).
export { becomesLeech } from "@/lib/srs/leech";
export * as scheduler from "@/lib/srs/scheduler";
export { outboxStorageKey } from "@/lib/study/outbox";
export * as answers from "@/lib/study/session-answers";
export { AnswerComparison } from "./answer-comparison";
export { CardDetails } from "./card-details";
export { flushOtherOutboxes, outboxSync } from "./outbox-sync";
export { RatingButtons } from "./rating-buttons";
export { reconcile } from "./reconcile";
export { SessionSummary } from "./session-summary";
export { SyncStatus } from "./sync-status";
