import type { WireSchedule } from "./session-data";
import type { StudyQueueState } from "./session-queue";

/**
 * What the study screen reads from the session's queue (session-queue.ts), and the one move it
 * makes before the rest of the session's code has loaded: showing the answer. The study page's
 * first load has this module only; every other transition comes after first paint (issue 18).
 */

export const isLearning = (schedule: WireSchedule) =>
  schedule.state === "learning" || schedule.state === "relearning";

/** Shows the answer of the card on show. */
export function reveal(state: StudyQueueState): StudyQueueState {
  return state.current === null || state.revealed ? state : { ...state, revealed: true };
}

export interface RemainingCounts {
  learning: number;
  review: number;
  new: number;
}

/** Cards left in this session, the one on show included (as Anki counts them). */
export function remaining(state: StudyQueueState): RemainingCounts {
  const counts: RemainingCounts = { learning: state.upcoming.length, review: 0, new: 0 };
  const shown = state.current === null ? state.due : [state.current, ...state.due];
  for (const id of shown) {
    const schedule = state.cards[id]?.schedule;
    if (!schedule) continue;
    if (isLearning(schedule)) counts.learning++;
    else if (schedule.state === "review") counts.review++;
    else counts.new++;
  }
  return counts;
}

/** When the next learning card comes back, or null when none is waiting. */
export function nextUpcomingDue(state: StudyQueueState): number | null {
  const first = state.upcoming[0];
  return first === undefined ? null : (state.cards[first]?.schedule.due ?? null);
}

export type SessionPhase = "studying" | "waiting" | "done" | "nothing-due";

export function phaseOf(state: StudyQueueState): SessionPhase {
  if (state.current !== null) return "studying";
  if (state.upcoming.length > 0) return "waiting";
  return state.history.length > 0 ? "done" : "nothing-due";
}
