import type { SettleEvent } from "@/lib/study/outbox";
import { applyServerState, forgetAnswers } from "@/lib/study/session-answers";
import type { StudyQueueState } from "@/lib/study/session-queue";

/** What a server response means for the local queue, and the notice to show, if any. */
export function reconcile(
  state: StudyQueueState,
  event: SettleEvent,
  now: number,
): [StudyQueueState, string | null] {
  switch (event.type) {
    case "saved":
      return [event.latest ? applyServerState(state, event, now, { admit: false }) : state, null];
    case "stale":
      return [
        applyServerState(state, event.current, now, { admit: true, forgetKeys: event.droppedKeys }),
        event.message,
      ];
    case "refused": {
      if (event.op.type === "marks") {
        const { change } = event.op;
        const what = change.suspended ? "suspend" : change.buried ? "bury" : "flag";
        return [state, `Could not ${what} that card: ${event.message}`];
      }
      if (event.op.type === "undo") {
        // 404: the answer is not on the server (already taken back): nothing to do.
        return [state, event.status === 404 ? null : `Could not undo that answer: ${event.message}`];
      }
      // The server still has the card as it was before the answer; later answers will hear a 409.
      const back = { cardId: event.op.cardId, ...event.op.before };
      const next = event.latest
        ? applyServerState(state, back, now, { admit: false, forgetKeys: [event.op.key] })
        : forgetAnswers(state, [event.op.key]);
      return [next, `An answer was not saved: ${event.message}`];
    }
    default:
      return [state, null];
  }
}
