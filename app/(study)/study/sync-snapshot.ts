import type { WaitingCounts } from "@/lib/study/outbox";
// What the sync status shows, without the outbox engine (which loads after first paint: deferred.ts).
export interface SyncSnapshot {
  /** Answers and undos not yet acknowledged by the server. */
  pending: number;
  /** The same as the learner counts it (lib/study/outbox `waitingCounts`). */
  waiting: WaitingCounts;
  sending: boolean;
  problem: null | "offline" | "server" | "auth";
  /** When the next retry goes, while backing off. */
  retryAt: number | null;
}

export const IDLE_SNAPSHOT: SyncSnapshot = {
  pending: 0,
  waiting: { answers: 0, undos: 0, marks: 0 },
  sending: false,
  problem: null,
  retryAt: null,
};
