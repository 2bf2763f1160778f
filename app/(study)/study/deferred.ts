// What the study page needs only once the first card is on screen, loaded right after hydration as
// one chunk: ts-fsrs (through the scheduler), what answers do to the queue, and the outbox engine
// that sends them, and the summary shown when the session ends (only ever after answers). Kept out of
// the first-load JavaScript (issue 18: /study was 146.8 KiB gzipped against a 131.7 KiB hello world).
export * as scheduler from "@/lib/srs/scheduler";
export { outboxStorageKey } from "@/lib/study/outbox";
export * as answers from "@/lib/study/session-answers";
export { flushOtherOutboxes, outboxSync } from "./outbox-sync";
export { SessionSummary } from "./session-summary";
